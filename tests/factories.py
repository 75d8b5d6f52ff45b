"""Test data builders on top of oscar.test.factories."""

from decimal import Decimal
from io import BytesIO

from django.core.files.base import ContentFile
from oscar.test import factories as oscar_factories
from PIL import Image

from products import demo_content
from products.models import Product, ProductImage, Routine, RoutineStep
from products.routines import routine_sync_offer


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
