"""Test data builders on top of oscar.test.factories."""

import struct
import zlib
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from oscar.test import factories as oscar_factories
from PIL import Image

from articles.models import Article, ArticleProduct, Author, Topic
from products.models import Product, ProductImage, Routine, RoutineStep
from products.routines import routine_sync_offer
from shop.demo import catalogue_content as demo_content


def make_product(*, title="Test cream", price="100.00", stock=10, upc=None):
    """A public, purchasable product with one stock record."""
    return oscar_factories.create_product(
        title=title,
        upc=upc,
        price=Decimal(price),
        num_in_stock=stock,
    )


def make_image(*, product, width=600, height=600, alt_text="A jar of cream"):
    """A saved product image (a plain PNG), with its renditions."""
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#c9b79c").save(buffer, "PNG")
    image = ProductImage(product=product, alt_text=alt_text)
    image.original.save(
        f"{product.slug}.png", ContentFile(buffer.getvalue()), save=False
    )
    image.save()
    image.refresh_from_db()
    return image


def make_routine(*, products, price, name="Test routine", slug="test-routine"):
    routine = Routine.objects.create(
        name=name, slug=slug, summary="Four steps.", price=Decimal(price)
    )
    for position, product in enumerate(products, start=1):
        RoutineStep.objects.create(
            routine=routine,
            product=product,
            position=position,
            instruction=f"Step {position}.",
        )
    routine_sync_offer(routine=routine)
    return routine


class DemoCatalogue:
    """Handles on the demo catalogue's objects, by their natural keys."""

    @property
    def products(self):
        upcs = [data["upc"] for data in demo_content.PRODUCTS]
        by_upc = {p.upc: p for p in Product.objects.filter(upc__in=upcs)}
        return [by_upc[upc] for upc in upcs]

    @property
    def routine(self):
        return Routine.objects.get(slug=demo_content.ROUTINE["slug"])


def png_bytes(width, height, colour="#c9d3c3"):
    buffer = BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def black_and_white_png_bytes(width, height):
    """A PNG of any size, written row by row: a 30000 × 30000 px picture (a
    decompression bomb) is a few hundred kB and costs the test little memory."""

    def chunk(kind, data):
        checksum = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    row = bytes(1 + (width + 7) // 8)  # filter byte, then one bit per pixel
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels + compressor.flush())
        + chunk(b"IEND", b"")
    )


def make_author(*, name="Ingrid Hansen", slug="ingrid-hansen", **fields):
    return Author.objects.get_or_create(slug=slug, defaults={"name": name, **fields})[0]


def make_topic(*, name="Skin barrier", slug="skin-barrier"):
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def make_article(
    *,
    title="Caring for a dry skin barrier",
    slug=None,
    body="## Why it matters\n\nText.\n\n## What helps\n\nMore text.",
    status=Article.Status.PUBLISHED,
    published_at=None,
    author=None,
    topics=(),
    products=(),
    hero=False,
    **fields,
):
    """An article, live by default (published a day ago)."""
    article = Article(
        title=title,
        slug=slug or slugify(title),
        summary=fields.pop("summary", "A short standfirst."),
        body=body,
        status=status,
        published_at=published_at or timezone.now() - timedelta(days=1),
        author=author or make_author(),
        **fields,
    )
    if hero:
        article.hero_alt = fields.get("hero_alt") or "Pale circles on sand"
        article.hero_image.save(
            f"{article.slug}.png", ContentFile(png_bytes(1600, 900)), save=False
        )
    article.save()
    article.topics.set(topics)
    for position, product in enumerate(products):
        ArticleProduct.objects.create(
            article=article, product=product, position=position
        )
    return article
