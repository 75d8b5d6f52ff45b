"""Many articles for measuring: `load_demo_data --scale N` adds 500 (one per
20 products, at least 50), numbered, each with cards and the guide's picture."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Author, Topic

SLUG_PREFIX = "skin-notes-"
BATCH = 500
BODY = """
Dry, sensitive skin does best with a few gentle steps used every day.

## What helps

Barrier lipids, humectants and minerals help the skin hold on to water.

[[product:intense-emulsion]]

## What to leave out

Acids, exfoliants and perfume can wait until the skin feels calm again.

[[routine:microbiome-strengthening-routine]]
"""


def articles_for(product_count):
    return max(50, product_count // 20)


def load(count, progress):
    """Add numbered articles until `count` exist; returns how many were new."""
    existing = Article.objects.filter(slug_en__startswith=SLUG_PREFIX).count()
    missing = max(count - existing, 0)
    bar = progress("articles", missing)
    if missing:
        guide = Article.objects.get(slug_en="skin-during-and-after-isotretinoin")
        author = Author.objects.get(slug_en="skinome-team")
        topics = list(Topic.objects.order_by("pk"))
        now = timezone.now()
        numbers = range(existing, count)
        for start in range(0, len(numbers), BATCH):
            batch = numbers[start : start + BATCH]
            articles = Article.objects.bulk_create(
                # English only, whichever language the command runs in (the
                # Bokmål pages fall back to it, with their note).
                Article(
                    title_en=f"Skin notes {number + 1}: caring for a dry barrier",
                    slug=f"{SLUG_PREFIX}{number + 1:04d}",
                    slug_en=f"{SLUG_PREFIX}{number + 1:04d}",
                    summary_en="A short note on keeping dry, sensitive skin calm.",
                    body_en=BODY,
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(days=2 + number),
                    author=author,
                    hero_image=guide.hero_image.name,
                    hero_alt=guide.hero_alt,
                    hero_width=guide.hero_width,
                    hero_height=guide.hero_height,
                )
                for number in batch
            )
            Article.topics.through.objects.bulk_create(
                Article.topics.through(
                    article=article, topic=topics[number % len(topics)]
                )
                for number, article in zip(batch, articles, strict=True)
            )
            bar.advance(len(batch))
    bar.finish()
    return missing
