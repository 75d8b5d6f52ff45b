"""Demo catalogue: categories, the four products with packshots, the routine.

Everything is keyed on natural keys (slug, UPC), so loading twice leaves the
database as it was. Product pictures are drawn with Pillow, once.
"""

from collections import Counter
from decimal import Decimal
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from oscar.core.loading import get_model
from PIL import Image, ImageDraw, ImageFont

from products.models import (
    Category,
    Product,
    ProductCategory,
    ProductClass,
    ProductImage,
    Routine,
    RoutineStep,
)
from products.routines import routine_sync_offer
from shop.commerce.partner.models import Partner, StockRecord
from shop.demo import catalogue_content as content
from shop.demo.translated import sync, texts

Country = get_model("address", "Country")
PACKSHOT_SIZE = 1200


def load():
    """Create or update the demo catalogue; return counts of what was new."""
    created = Counter()

    def note(kind, was_created):
        created[kind] += int(was_created)

    _, was_created = Country.objects.update_or_create(
        iso_3166_1_a2="NO",
        defaults={
            "iso_3166_1_a3": "NOR",
            "iso_3166_1_numeric": "578",
            "name": "Kingdom of Norway",
            "printable_name": "Norway",
            "is_shipping_country": True,
            "display_order": 1,
        },
    )
    note("shipping countries", was_created)

    product_class, was_created = ProductClass.objects.update_or_create(
        slug="skin-care",
        defaults={"name": "Skin care", "requires_shipping": True, "track_stock": True},
    )
    note("product classes", was_created)
    partner, was_created = Partner.objects.update_or_create(
        code="skinome", defaults={"name": "Skinome warehouse"}
    )
    note("partners", was_created)

    categories = {}
    for data in content.CATEGORIES:
        values = texts(data, "name", "slug", "description")
        category = Category.objects.filter(slug_en=data["slug"]).first()
        note("categories", category is None)
        if category is None:
            category = Category.add_root(instance=Category(**values))
        elif any(getattr(category, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(category, name, value)
            category.save()
        categories[data["slug"]] = category

    products = {}
    for data in content.PRODUCTS:
        product, was_created = sync(
            Product,
            {"upc": data["upc"]},
            {
                **texts(
                    data,
                    *("title", "slug", "short_description", "description"),
                    *("claims", "usage"),
                    lines=("claims", "usage"),
                ),
                "product_class": product_class,
                "structure": Product.STANDALONE,
                "is_public": True,
                "inci": data["inci"],
                "net_content": Decimal(data["net_content"]),
                "net_content_unit": data["net_content_unit"],
            },
        )
        note("products", was_created)
        products[data["slug"]] = product
        ProductCategory.objects.get_or_create(
            product=product, category=categories[data["category"]]
        )
        _, was_created = StockRecord.objects.update_or_create(
            product=product,
            partner=partner,
            defaults={
                "partner_sku": data["sku"],
                "price": Decimal(data["price"]),
                "price_currency": "NOK",
                "num_in_stock": data["stock"],
            },
        )
        note("stock records", was_created)
        note("product images", _ensure_packshot(product, data))

    routine_data = content.ROUTINE
    routine, was_created = sync(
        Routine,
        {"slug_en": routine_data["slug"]},
        {
            **texts(routine_data, "name", "slug", "summary", "description"),
            "price": Decimal(routine_data["price"]),
            "is_public": True,
        },
    )
    note("routines", was_created)
    for data in content.PRODUCTS:
        step = data["routine_step"]
        sync(
            RoutineStep,
            {"routine": routine, "product": products[data["slug"]]},
            {"position": step["position"], **texts(step, "when", "instruction")},
        )
    routine_sync_offer(routine=routine)
    return created


def _ensure_packshot(product, data):
    """Give the product its generated picture unless it has one already."""
    image = product.images.first()
    alt_texts = {
        "alt_text_en": data["image_alt"],
        "alt_text_nb": data["nb"]["image_alt"],
    }
    if image is not None and default_storage.exists(image.original.name):
        if any(getattr(image, name) != value for name, value in alt_texts.items()):
            ProductImage.objects.filter(pk=image.pk).update(**alt_texts)
        return False
    # No picture yet, or its file was lost (a fresh media folder): draw it.
    image = image or ProductImage(product=product, display_order=0)
    for name, value in alt_texts.items():
        setattr(image, name, value)
    image.width = image.height = None
    image.original.save(
        f"{data['slug']}.png", ContentFile(draw_packshot(data)), save=False
    )
    image.save()
    return True


def draw_packshot(data):
    """A calm, flat packshot matching the alt text: a bottle or jar, in the
    product's colour, with a dark cap and a white label."""
    size = PACKSHOT_SIZE
    background = "#f1ebe1"
    colour = data["colour"]
    picture = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(picture)
    is_jar = data["pack"] == "jar"
    if is_jar:
        body = (size * 0.24, size * 0.42, size * 0.76, size * 0.82)
        lid = (size * 0.22, size * 0.32, size * 0.78, size * 0.44)
    else:
        body = (size * 0.33, size * 0.28, size * 0.67, size * 0.84)
        lid = (size * 0.42, size * 0.14, size * 0.58, size * 0.30)
    draw.ellipse((size * 0.2, size * 0.8, size * 0.8, size * 0.88), fill="#e2d9cb")
    draw.rounded_rectangle(body, radius=size * 0.05, fill=colour)
    draw.rounded_rectangle(lid, radius=size * 0.03, fill="#2f3a33")
    label_top = body[1] + (body[3] - body[1]) * 0.3
    draw.rectangle(
        (body[0], label_top, body[2], label_top + size * 0.16), fill="#faf8f4"
    )
    centre = (body[0] + body[2]) / 2
    brand_font = ImageFont.load_default(size=round(size * 0.035))
    name_font = ImageFont.load_default(size=round(size * 0.028))
    draw.text(
        (centre, label_top + size * 0.05),
        "SKINOME",
        font=brand_font,
        fill="#1d2320",
        anchor="mm",
    )
    draw.text(
        (centre, label_top + size * 0.11),
        data["title"],
        font=name_font,
        fill="#35513f",
        anchor="mm",
    )
    buffer = BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
