"""Demo articles: the isotretinoin guide and a second, shorter article.

Keyed on slugs, and a record is only saved when a value differs, so loading
twice changes nothing, not even an article's "updated" time (which the
sitemap and the structured data report as its last change).
"""

import datetime as dt
import zoneinfo
from collections import Counter
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from articles.models import Article, ArticleProduct, Author, Topic
from products.models import Product
from shop.demo import article_content as content
from shop.demo.translated import sync, texts

HERO_SIZE = (1600, 900)
PUBLISHING_HOUR = 8


def load():
    """Create or update the demo articles; return counts of what was new."""
    created = Counter()
    authors = {}
    for data in content.AUTHORS:
        authors[data["slug"]], was_created = sync(
            Author,
            {"slug_en": data["slug"]},
            {
                **texts(data, "name", "slug", "role", "bio"),
                "is_organisation": data["is_organisation"],
            },
        )
        created["authors"] += was_created
    topics = {}
    for data in content.TOPICS:
        topics[data["slug"]], was_created = sync(
            Topic, {"slug_en": data["slug"]}, texts(data, "name", "slug", "description")
        )
        created["topics"] += was_created
    for data in content.ARTICLES:
        values = texts(
            data,
            *("title", "slug", "summary", "meta_title", "meta_description"),
            *("body", "hero_alt"),
        )
        values.update(
            is_featured=data["is_featured"],
            show_disclaimer=data["show_disclaimer"],
            status=Article.Status.PUBLISHED,
            author=authors[data["author"]],
            reviewer=authors.get(data["reviewer"]),
            published_at=_oslo_morning(data["published"]),
            reviewed_at=_oslo_morning(data["reviewed"]),
        )
        article, was_created = sync(Article, {"slug_en": data["slug"]}, values)
        created["articles"] += was_created
        article.topics.set([topics[slug] for slug in data["topics"]])
        _link_products(article, data["related_products"])
        _ensure_hero(article, data)
    return created


def _oslo_morning(iso_date):
    if not iso_date:
        return None
    day = dt.date.fromisoformat(iso_date)
    return dt.datetime.combine(
        day, dt.time(PUBLISHING_HOUR), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )


def _link_products(article, slugs):
    products = {p.slug_en: p for p in Product.objects.filter(slug_en__in=slugs)}
    ArticleProduct.objects.filter(article=article).exclude(
        product__slug_en__in=slugs
    ).delete()
    for position, slug in enumerate(slugs):
        ArticleProduct.objects.update_or_create(
            article=article, product=products[slug], defaults={"position": position}
        )


def _ensure_hero(article, data):
    """Draw the hero picture unless the article has one whose file exists."""
    if article.hero_image and default_storage.exists(article.hero_image.name):
        return
    article.hero_image.save(
        f"{data['slug']}.png", ContentFile(draw_hero(*data["hero_colours"])), save=False
    )
    article.save()


def draw_hero(background, accent):
    """Calm, abstract: pale overlapping circles on a soft background, as the
    alt text in demo_content describes."""
    width, height = HERO_SIZE
    picture = Image.new("RGB", HERO_SIZE, background)
    layer = Image.new("RGBA", HERO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    red, green, blue = (int(accent[i : i + 2], 16) for i in (1, 3, 5))
    circles = [
        (0.30, 0.55, 0.28),
        (0.52, 0.42, 0.22),
        (0.70, 0.60, 0.30),
        (0.88, 0.30, 0.12),
    ]
    for x, y, radius in circles:
        r = radius * height
        box = (x * width - r, y * height - r, x * width + r, y * height + r)
        draw.ellipse(box, fill=(red, green, blue, 150))
    picture.paste(layer, mask=layer)
    buffer = BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
