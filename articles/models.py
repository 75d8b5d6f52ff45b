"""Articles, their authors and topics, and the old addresses of renamed ones."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from articles.rendering import count_words
from shop.core import renditions as images
from shop.core import tasks
from shop.core.languages import language_codes, slugs_of, words_in_any_language
from shop.core.pictures import (
    MAX_PICTURE_BYTES,
    PictureField,
    PictureSizeValidator,
    validate_picture_extension,
)
from shop.core.renditions import AUTHOR_PHOTO_MIN_SIZE, HERO_MIN_SIZE

# Slugs that would shadow the app's own pages under /articles/ (and
# /artikler/, where topics and authors are "emner" and "forfattere").
RESERVED_SLUGS = {"topics", "authors", "emner", "forfattere", "feed", "preview", "page"}
WORDS_PER_MINUTE = 200


def validate_article_slug(slug):
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            "“%(slug)s” is used by another page under /articles/; choose another.",
            code="reserved_slug",
            params={"slug": slug},
        )


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(
        "role and credentials",
        max_length=200,
        blank=True,
        help_text="For example “Dermatologist, MD” or “Formulation team”.",
    )
    bio = models.TextField(
        "short bio", blank=True, help_text="Two or three sentences of plain text."
    )
    is_organisation = models.BooleanField(
        "is a team or company",
        default=False,
        help_text="Shown to search engines as an organisation instead of a person.",
    )
    photo = PictureField(
        upload_to="authors/",
        blank=True,
        validators=[
            validate_picture_extension,
            PictureSizeValidator(*AUTHOR_PHOTO_MIN_SIZE),
        ],
        help_text="Square works best; at least "
        f"{AUTHOR_PHOTO_MIN_SIZE[0]} × {AUTHOR_PHOTO_MIN_SIZE[1]} px, "
        "JPEG, PNG or WebP.",
    )
    photo_width = models.PositiveIntegerField(null=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        before = Author.objects.filter(pk=self.pk).values("photo").first() or {}
        changed = _store_size(self, "photo", before.get("photo"), "photo_")
        super().save(*args, **kwargs)
        tasks.after_upload(self, "photo", only_if_missing=not changed)

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    @property
    def picture(self):
        if not self.photo:
            return None
        return images.Picture(
            self.photo.name, self.photo_width, self.photo_height, alt_text=self.name
        )


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(
        blank=True, help_text="Shown on the topic's page and as its description."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Live for the public: published, and the publication time has come."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def for_cards(self):
        """Live articles with what a card shows (author, topics) fetched up front."""
        return (
            self.published()
            .select_related("author")
            .prefetch_related("topics")
            .order_by("-published_at", "-pk")
        )

    def search(self, query):
        """Articles with every word of ``query``, in either language, in their
        title or standfirst."""
        for word in query.split():
            self = self.filter(words_in_any_language(word, "title", "summary"))
        return self

    def latest_change(self) -> datetime | None:
        """What readers are told changed last among these articles (see
        ``Article.last_modified``)."""
        latest = self.aggregate(
            published=Max("published_at"),
            reviewed=Max("reviewed_at"),
            updated=Max("updated_at"),
        )
        return max(filter(None, latest.values()), default=None)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        validators=[validate_article_slug],
        help_text="The last part of the address. Changing it later keeps the old "
        "address working: it redirects here.",
    )
    summary = models.TextField(
        "standfirst",
        max_length=400,
        help_text="One or two sentences under the title, on cards and in the feed.",
    )
    body = models.TextField(
        blank=True,
        help_text="Markdown. “## Heading” starts a section (and a table of contents "
        "entry). Put [[product:slug]] or [[routine:slug]] on a line of its own to "
        "show a live card with price and an add-to-basket button.",
    )
    hero_image = PictureField(
        upload_to="articles/",
        blank=True,
        validators=[
            validate_picture_extension,
            PictureSizeValidator(*HERO_MIN_SIZE),
        ],
        help_text=f"At least {HERO_MIN_SIZE[0]} × {HERO_MIN_SIZE[1]} px (it is also "
        "the link-preview picture); JPEG, PNG or WebP, at most "
        f"{MAX_PICTURE_BYTES // 2**20} MB.",
    )
    hero_alt = models.CharField(
        "hero alt text",
        max_length=200,
        blank=True,
        help_text="Describes the picture for people who cannot see it.",
    )
    hero_width = models.PositiveIntegerField(null=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, editable=False)
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="articles"
    )
    reviewer = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        help_text="A medical or other expert who checked the content, if any.",
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    products = models.ManyToManyField(
        "catalogue.Product",
        through="ArticleProduct",
        blank=True,
        related_name="articles",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        db_index=True,
        help_text="Leave empty to publish now. A future time schedules the article.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    reviewed_at = models.DateTimeField(
        "last reviewed",
        null=True,
        blank=True,
        help_text="Set when the content has been checked again; shown to readers.",
    )
    meta_title = models.CharField(
        max_length=70,
        blank=True,
        help_text="The title in search results, up to about 60 characters. "
        "Empty: the article's title.",
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="The text in search results, 120–155 characters. "
        "Empty: the standfirst.",
    )
    show_disclaimer = models.BooleanField(
        default=True,
        help_text="Ends the article with: skin care does not replace medical "
        "treatment.",
    )
    is_featured = models.BooleanField(
        "show on the home page",
        default=False,
        help_text="The newest featured article is shown on the home page.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        before = (
            Article.objects.filter(pk=self.pk)
            .values("slug_nb", "slug_en", "status", "published_at", "hero_image")
            .first()
        )
        changed = _store_size(
            self, "hero_image", (before or {}).get("hero_image"), "hero_"
        )
        super().save(*args, **kwargs)
        if before:
            self._keep_old_address(before)
        tasks.after_upload(self, "hero_image", only_if_missing=not changed)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.hero_image and not self.hero_alt.strip():
            errors["hero_alt"] = "Describe the picture for people who cannot see it."
        if self.status == self.Status.PUBLISHED:
            if not self.body.strip():
                errors["body"] = "A published article needs a body."
            if self.published_at is None:
                self.published_at = timezone.now()
        if errors:
            raise ValidationError(errors)

    def _keep_old_address(self, before):
        """After a slug change (in either language), the address readers and
        search engines already know keeps working (a 301 to the new one) if
        it was ever public."""
        current = slugs_of(self)
        ArticleRedirect.objects.filter(old_slug__in=current).delete()
        if not _is_live(before["status"], before["published_at"]):
            return
        for code in language_codes():
            old = before[f"slug_{code}"]
            if old and old not in current:
                ArticleRedirect.objects.update_or_create(
                    old_slug=old, defaults={"article": self}
                )

    def get_preview_url(self):
        return reverse("articles:preview", kwargs={"pk": self.pk})

    @property
    def is_live(self):
        return _is_live(self.status, self.published_at)

    @property
    def hero(self):
        if not self.hero_image:
            return None
        return images.Picture(
            self.hero_image.name, self.hero_width, self.hero_height, self.hero_alt
        )

    @property
    def last_modified(self):
        """What readers and search engines are told changed last."""
        return max(filter(None, [self.published_at, self.reviewed_at, self.updated_at]))

    @property
    def word_count(self):
        return count_words(self.body)

    @property
    def reading_minutes(self):
        return max(1, round(self.word_count / WORDS_PER_MINUTE))

    def get_meta_title(self):
        return self.meta_title or self.title

    def get_meta_description(self):
        return self.meta_description or self.summary


class ArticleProduct(models.Model):
    """A product shown under “Products in this guide”, in the editor's order."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="product_links"
    )
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "product"], name="unique_product_per_article"
            )
        ]

    def __str__(self):
        return str(self.product)


class ArticleRedirect(models.Model):
    """An address an article was published under before its slug changed."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"


def _is_live(status, published_at):
    return (
        status == Article.Status.PUBLISHED
        and published_at is not None
        and published_at <= timezone.now()
    )


def _store_size(instance, field_name, stored_name, prefix):
    """Record a picture's pixel size in ``<prefix>width`` and ``<prefix>height``.

    Done here on save rather than with ImageField's width_field, which reads
    the file again whenever a row without a size is loaded (and fails when
    the file is gone). Returns whether the file differs from the stored one.
    """
    file = getattr(instance, field_name)
    changed = (file.name or "") != (stored_name or "")
    if not file:
        size = (None, None)
    elif changed or not getattr(instance, f"{prefix}width"):
        size = (file.width, file.height)
    else:
        return changed
    setattr(instance, f"{prefix}width", size[0])
    setattr(instance, f"{prefix}height", size[1])
    return changed
