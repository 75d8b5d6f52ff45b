"""The catalogue: Oscar's models, skin-care fields, image renditions, routines."""

from datetime import datetime
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Max, Prefetch
from django.urls import reverse
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductImage
from oscar.apps.catalogue.managers import ProductQuerySet as CoreProductQuerySet
from oscar.utils.models import get_image_upload_path

from shop.core import renditions as images
from shop.core import tasks
from shop.core.languages import words_in_any_language
from shop.core.money import UnitPrice, format_quantity, unit_price
from shop.core.pictures import (
    MAX_PICTURE_BYTES,
    PictureField,
    PictureSizeValidator,
    validate_picture_extension,
)
from shop.core.renditions import PACKSHOT_MIN_SIZE
from shop.core.sanitising import reject_markup

# The search box reads this many characters (the page cache keys on them).
SEARCH_QUERY_LENGTH = 100


class ProductQuerySet(CoreProductQuerySet):
    def for_cards(self):
        """Browsable products with what a card shows fetched up front."""
        return (
            self.browsable()
            .select_related("product_class")
            .prefetch_related("stockrecords", "images")
            .order_by("-priority", "title")
        )

    def latest_change(self) -> datetime | None:
        """When the most recently changed of these products was changed."""
        return self.aggregate(latest=Max("date_updated"))["latest"]

    def search(self, query):
        """Products matching every word of ``query``, in either language, in
        their name or short description (which names the key ingredients),
        or their EAN. Scanning every long description and INCI list made
        search the slowest page at 10,000 products."""
        for word in query.split():
            self = self.filter(
                words_in_any_language(word, "title", "short_description")
                | models.Q(upc__iexact=word)
            )
        return self


class NetContentUnit(models.TextChoices):
    """Liquids and creams are sold by volume, powders and bars by weight."""

    MILLILITRE = "ml", "ml"
    GRAM = "g", "g"


class Product(AbstractProduct):
    objects = ProductQuerySet.as_manager()

    short_description = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown on product cards and in search results.",
    )
    claims = models.TextField(
        blank=True,
        help_text="What the product does, one claim per line, as printed by the brand.",
    )
    inci = models.TextField(
        "ingredients (INCI)",
        blank=True,
        help_text="Full INCI list in label order, separated by commas.",
    )
    usage = models.TextField("how to use", blank=True, help_text="One step per line.")
    # What the package holds, as printed on it: the unit price (per litre or
    # kilo, shop/core/money.py) is worked out from it.
    net_content = models.DecimalField(
        "net content",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="As printed on the package, e.g. 50 (ml) or 7.5 (g). Without it "
        "no price per litre or kilo can be shown, which the law asks for.",
    )
    net_content_unit = models.CharField(
        "unit", max_length=2, choices=NetContentUnit, default="ml"
    )

    class Meta(AbstractProduct.Meta):
        # Lists show products by priority, then name: with this index the
        # database reads the first page in order instead of sorting them all.
        indexes = [
            models.Index(F("priority").desc(), "title", name="product_listing_order")
        ]

    def get_size(self) -> str:
        """``50 ml``, ``7,5 g``; empty when the net content is not known."""
        if self.net_content is None:
            return ""
        return f"{format_quantity(self.net_content)}\xa0{self.net_content_unit}"

    def get_unit_price(self, price) -> UnitPrice | None:
        """What a litre or kilo costs at ``price``; None without net content."""
        return unit_price(
            price, net_content=self.net_content, unit=self.net_content_unit
        )

    def get_claims(self):
        return [line.strip() for line in self.claims.splitlines() if line.strip()]

    def get_ingredients(self):
        return [part.strip() for part in self.inci.split(",") if part.strip()]

    def get_usage_steps(self):
        return [line.strip() for line in self.usage.splitlines() if line.strip()]


class ProductImage(AbstractProductImage):
    # Redefined to record the pixel size, which every <img> needs, and to
    # follow the picture rules that articles follow.
    original = PictureField(
        "original",
        upload_to=get_image_upload_path,
        max_length=255,
        width_field="width",
        height_field="height",
        validators=[
            validate_picture_extension,
            PictureSizeValidator(*PACKSHOT_MIN_SIZE),
        ],
        help_text=f"At least {PACKSHOT_MIN_SIZE[0]} × {PACKSHOT_MIN_SIZE[1]} px; "
        f"JPEG, PNG or WebP, at most {MAX_PICTURE_BYTES // 2**20} MB.",
    )
    alt_text = models.CharField(
        "alt text",
        max_length=200,
        help_text="Describes the picture for people who cannot see it.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)

    def save(self, *args, **kwargs):
        # Stored explicitly: Django's automatic width_field update does not
        # reach the database when the file is saved with save=False first.
        if self.original and not (self.width and self.height):
            self.width, self.height = self.original.width, self.original.height
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "width", "height"}
        super().save(*args, **kwargs)
        # Made after each save rather than on first view, so pages never do
        # image work.
        tasks.after_upload(self, "original")

    def renditions(self) -> list[images.Rendition]:
        """Responsive WebP variants, computed from the stored size: no I/O."""
        return images.rendition_list(self.original.name, self.width, self.height)


class RoutineQuerySet(models.QuerySet):
    def for_pages(self):
        """Public routines with their steps, products, stock and images."""
        return self.filter(is_public=True).prefetch_related(
            Prefetch(
                "steps",
                queryset=RoutineStep.objects.select_related(
                    "product", "product__product_class"
                ).prefetch_related("product__stockrecords", "product__images"),
            )
        )


class Routine(models.Model):
    """A set of products sold together at a fixed price (an Oscar offer)."""

    # The name becomes the offer's and its range's, the summary the offer's
    # description, and Oscar's dashboard prints those as HTML.
    name = models.CharField(max_length=200, unique=True, validators=[reject_markup])
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.CharField(
        max_length=300,
        help_text="Shown on cards and as the page's description.",
        validators=[reject_markup],
    )
    description = models.TextField(blank=True, help_text="Paragraphs of plain text.")
    price = models.DecimalField(
        "routine price incl. VAT",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="What a customer pays for one of each product in the routine.",
    )
    is_public = models.BooleanField(default=True)
    offer = models.OneToOneField(
        "offer.ConditionalOffer",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="routine",
        help_text="Kept in step with the routine's products and price on save.",
    )
    date_updated = models.DateTimeField(auto_now=True)

    objects = RoutineQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:routine", kwargs={"slug": self.slug})


class RoutineStep(models.Model):
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="steps")
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="routine_steps"
    )
    position = models.PositiveSmallIntegerField(default=1)
    when = models.CharField(
        max_length=100, blank=True, help_text="For example: Morning and evening."
    )
    instruction = models.CharField(
        max_length=300, help_text="What this step does, in one sentence."
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["routine", "product"], name="routine_product_once"
            )
        ]

    def __str__(self):
        return f"{self.position}. {self.product}"


from oscar.apps.catalogue.models import *  # noqa: E402, F403
