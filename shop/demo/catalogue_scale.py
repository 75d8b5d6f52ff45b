"""A large catalogue for measuring: thousands of products in a category tree.

`manage.py load_demo_data --scale N` adds products until there are N of
them, in fifteen categories under five departments, each with a price,
stock, and one of the demo packshots as its picture. Rows are written in
batches with bulk_create, so 10,000 products take seconds, not minutes.
Products are numbered, so running it again only adds what is missing.
"""

from decimal import Decimal

from django.utils.text import slugify

from products.models import (
    Category,
    Product,
    ProductCategory,
    ProductClass,
    ProductImage,
)
from shop.commerce.partner.models import Partner, StockRecord
from shop.demo import catalogue_content as demo_content

DEPARTMENTS = {
    "Face care": ["Day creams", "Night creams", "Serums", "Eye care", "Masks"],
    "Cleansing": ["Cleansing milks", "Cleansing oils", "Toners"],
    "Body care": ["Body lotions", "Body oils", "Hand creams"],
    "Sun care": ["Face sun care", "Body sun care"],
    "Hair care": ["Shampoos", "Conditioners"],
}
ADJECTIVES = ["Calming", "Barrier", "Gentle", "Rich", "Light", "Soothing", "Hydrating"]
INGREDIENTS = ["Ceramide", "Squalane", "Ectoine", "Oat", "Zinc", "Probiotic", "Urea"]
BATCH = 1000
UPC_PREFIX = "SCALE"


def category_leaves():
    leaves = []
    for department, children in DEPARTMENTS.items():
        root = Category.objects.filter(depth=1, name=department).first()
        if root is None:
            root = Category.add_root(name=department, slug=slugify(department))
        for name in children:
            leaf = root.get_children().filter(name=name).first()
            leaves.append(leaf or root.add_child(name=name, slug=slugify(name)))
    return leaves


def load(count, progress):
    """Add scaled products until `count` exist; returns how many were new."""
    existing = Product.objects.filter(upc__startswith=UPC_PREFIX).count()
    missing = max(count - existing, 0)
    bar = progress("products", missing)
    if not missing:
        bar.finish()
        return 0
    leaves = category_leaves()
    product_class = ProductClass.objects.get(slug="skin-care")
    partner = Partner.objects.get(code="skinome")
    demo_upcs = [data["upc"] for data in demo_content.PRODUCTS]
    pictures = list(
        ProductImage.objects.filter(product__upc__in=demo_upcs).values_list(
            "original", "width", "height"
        )
    )
    template = demo_content.PRODUCTS[0]
    numbers = range(existing, count)
    for start in range(0, len(numbers), BATCH):
        batch = numbers[start : start + BATCH]
        products = Product.objects.bulk_create(
            [_product(number, product_class, template, leaves) for number in batch]
        )
        StockRecord.objects.bulk_create(
            StockRecord(
                product=product,
                partner=partner,
                partner_sku=f"SC-{number:06d}",
                price=99 + (number * 37) % 900,
                num_in_stock=20 + number % 80,
                num_allocated=0,
            )
            for number, product in zip(batch, products, strict=True)
        )
        ProductCategory.objects.bulk_create(
            ProductCategory(product=product, category=leaves[number % len(leaves)])
            for number, product in zip(batch, products, strict=True)
        )
        ProductImage.objects.bulk_create(
            ProductImage(
                product=product,
                original=pictures[number % len(pictures)][0],
                width=pictures[number % len(pictures)][1],
                height=pictures[number % len(pictures)][2],
                alt_text="A plain bottle or jar of skin care on a light background",
                display_order=0,
            )
            for number, product in zip(batch, products, strict=True)
        )
        bar.advance(len(batch))
    bar.finish()
    return missing


def _product(number, product_class, template, leaves):
    leaf = leaves[number % len(leaves)]
    kind = leaf.name.rstrip("s")
    title = (
        f"{ADJECTIVES[number % len(ADJECTIVES)]} "
        f"{INGREDIENTS[number // len(ADJECTIVES) % len(INGREDIENTS)]} {kind} "
        f"No. {number + 1}"
    )
    return Product(
        title=title,
        slug=slugify(title),
        upc=f"{UPC_PREFIX}{number:08d}",
        product_class=product_class,
        structure=Product.STANDALONE,
        is_public=True,
        short_description=f"A {kind.lower()} for dry, sensitive skin.",
        description=template["description"],
        claims="\n".join(template["claims"]),
        inci=template["inci"],
        usage="\n".join(template["usage"]),
        net_content=Decimal(50),
        net_content_unit="ml",
    )
