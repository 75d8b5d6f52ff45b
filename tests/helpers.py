"""Helpers shared by the tests: builders of test data, accounts for each
kind of visitor, form data as a browser posts it, and the steps of checkout.

Fixtures live in the conftest.py files; fake outside services in modules of
their own (fake_stripe.py, faulty_services.py, checkout/broken_mail.py).
"""

import hashlib
import json
import struct
import zlib
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django import forms
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, TestCase
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.text import slugify
from oscar.test import factories as oscar_factories
from PIL import Image
from pypdf import PdfReader

from articles.models import Article, ArticleProduct, Author, Topic
from products.models import Product, ProductImage, Routine, RoutineStep
from products.routines import routine_sync_offer
from shop.core import renditions as images
from shop.demo import article_data as articles_demo
from shop.demo import catalogue_content as demo_content
from shop.demo import catalogue_data as products_demo
from shop.security import staff

# --- Accounts: one per kind of visitor ----------------------------------------

ROLES = ("anonymous", "customer", "editor", "manager", "superuser")
GROUPS = {"editor": staff.CONTENT_EDITORS, "manager": staff.SHOP_MANAGERS}


def make_accounts(user_model):
    """Role → user (None for the anonymous visitor)."""
    accounts = {"anonymous": None}
    for role in ROLES[1:]:
        user = user_model.objects.create_user(
            username=role,
            email=f"{role}@skinome.example",
            password="x",
            is_staff=role != "customer",
            is_superuser=role == "superuser",
        )
        if role in GROUPS:
            user.groups.add(Group.objects.get(name=GROUPS[role]))
        accounts[role] = user
    return accounts


def client_for(user):
    # A view that crashes is one an account got into: reported, not raised.
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


# --- Catalogue, articles and pictures (on top of oscar.test.factories) --------


def make_product(*, title="Test cream", price="100.00", stock=10, upc=None):
    """A public, purchasable product with one stock record."""
    return oscar_factories.create_product(
        title=title,
        upc=upc,
        price=Decimal(price),
        num_in_stock=stock,
    )


def make_image(*, product, width=600, height=600, alt_text="A jar of cream"):
    """A saved product image (a plain PNG), with its renditions (made once
    the save commits, which this runs as if it had)."""
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#c9b79c").save(buffer, "PNG")
    image = ProductImage(product=product, alt_text=alt_text)
    image.original.save(
        f"{product.slug}.png", ContentFile(buffer.getvalue()), save=False
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
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
        # The demo's slug is the English one; found whichever language is active.
        return Routine.objects.get(slug_en=demo_content.ROUTINE["slug"])


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


# --- The demo's pictures, made once per test run -------------------------------


class DemoPictures:
    """The demo's packshots and article heroes, and the WebP renditions made
    of them, drawn and encoded once per test run and written from memory
    after that.

    Making them is most of what loading the demo costs (about 2 s); a test
    that loads it still gets rows and files of its own. Pictures that are not
    the demo's (uploads, make_image) are processed for real every time.
    """

    def __init__(self):
        self._draw_packshot = products_demo.draw_packshot
        self._draw_hero = articles_demo.draw_hero
        self._make_renditions = images.make_renditions
        self._drawn = {}  # drawing arguments -> PNG bytes
        self._renditions = {}  # digest of a drawn PNG -> [(width, WebP bytes)]

    def use(self, monkeypatch):
        """Let the demo loaders, and the saves of their pictures, use the cache."""
        monkeypatch.setattr(products_demo, "draw_packshot", self.draw_packshot)
        monkeypatch.setattr(articles_demo, "draw_hero", self.draw_hero)
        monkeypatch.setattr(images, "make_renditions", self.make_renditions)

    def draw_packshot(self, data):
        key = ("packshot", json.dumps(data, sort_keys=True, default=str))
        return self._drawn_once(key, lambda: self._draw_packshot(data))

    def draw_hero(self, *colours):
        return self._drawn_once(("hero", colours), lambda: self._draw_hero(*colours))

    def _drawn_once(self, key, draw):
        if key not in self._drawn:
            png = draw()
            self._drawn[key] = png
            self._renditions.setdefault(_digest(png), None)
        return self._drawn[key]

    def make_renditions(self, field_file):
        field_file.open("rb")
        try:
            original = field_file.read()
        finally:
            field_file.close()
        digest = _digest(original)
        if digest not in self._renditions:  # not one of the demo's pictures
            self._make_renditions(field_file)
            return
        if self._renditions[digest] is None:
            self._make_renditions(field_file)
            size = Image.open(BytesIO(original)).size
            self._renditions[digest] = [
                (rendition.width, _read(rendition.name))
                for rendition in images.rendition_list(field_file.name, *size)
            ]
            return
        for width, webp in self._renditions[digest]:
            name = images.rendition_name(field_file.name, width)
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(webp))


def _digest(content):
    return hashlib.sha256(content).digest()


def _read(name):
    with default_storage.open(name, "rb") as file:
        return file.read()


# --- Form data as a browser posts it back -------------------------------------

# Tests that change one field of a big admin or dashboard form start from
# what the page showed (every field, inline and formset, with its management
# form) and then change only what they mean to.


def form_data(*forms_or_formsets):
    """The values of the forms and formsets as their widgets would post them."""
    data = {}
    for item in forms_or_formsets:
        if isinstance(item, forms.BaseFormSet):
            # Blank extra rows are left out, as if the browser sent them empty.
            data.update(_values(item.management_form))
            data[f"{item.prefix}-TOTAL_FORMS"] = item.initial_form_count()
            for form in item.initial_forms:
                data.update(_values(form))
        else:
            data.update(_values(item))
    return data


def admin_form_data(response):
    """The admin change form on the page and all its inlines."""
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    return form_data(response.context["adminform"].form, *formsets)


def _values(form):
    values = {}
    for bound in form:
        widget = bound.field.widget
        value = bound.value()
        if isinstance(widget, forms.CheckboxInput):
            if widget.check_test(value):
                values[bound.html_name] = "on"
        elif isinstance(widget, forms.ClearableFileInput) or value is None:
            continue
        elif isinstance(value, list | tuple):
            values[bound.html_name] = [str(v) for v in value]
        else:
            formatted = widget.format_value(value)
            values[bound.html_name] = "" if formatted is None else formatted
    return values


# The product texts admin shows once per language (products/translation.py).
PRODUCT_TEXTS = (
    "title",
    "slug",
    "short_description",
    "description",
    "claims",
    "usage",
    "meta_title",
    "meta_description",
)


def product_form_data(product, **changes):
    """What the admin's product form posts for `product` as saved, with `changes`
    (a translated text by its column: ``short_description_en``)."""
    record = product.stockrecords.get()
    texts = {
        f"{name}_{language}": getattr(product, f"{name}_{language}") or ""
        for name in PRODUCT_TEXTS
        for language in ("nb", "en")
    }
    data = {
        **texts,
        "upc": product.upc,
        "product_class": product.product_class_id,
        "is_public": "on",
        "inci": product.inci,
        "net_content": product.net_content or "",
        "net_content_unit": product.net_content_unit,
        "structure": product.structure,
        "parent": "",
        "is_discountable": "on",
        "priority": 0,
        "stockrecords-TOTAL_FORMS": 1,
        "stockrecords-INITIAL_FORMS": 1,
        "stockrecords-MIN_NUM_FORMS": 1,
        "stockrecords-MAX_NUM_FORMS": 1000,
        "stockrecords-0-id": record.pk,
        "stockrecords-0-product": product.pk,
        "stockrecords-0-partner": record.partner_id,
        "stockrecords-0-partner_sku": record.partner_sku,
        "stockrecords-0-price_currency": "NOK",
        "stockrecords-0-price": record.price,
        "stockrecords-0-num_in_stock": record.num_in_stock,
        "stockrecords-0-low_stock_threshold": "",
        "images-TOTAL_FORMS": 0,
        "images-INITIAL_FORMS": 0,
        "images-MIN_NUM_FORMS": 0,
        "images-MAX_NUM_FORMS": 1000,
        "productcategory_set-TOTAL_FORMS": 0,
        "productcategory_set-INITIAL_FORMS": 0,
        "productcategory_set-MIN_NUM_FORMS": 0,
        "productcategory_set-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


TYPED_BEFORE_UPLOAD = "Rich cream for very dry skin, typed before the upload."


def product_for_admin():
    """A product whose admin form saves as it stands: admin asks for the
    Bokmål name, which make_product() leaves out."""
    product = make_product(title="Barrier Cream", upc="BARRIER-1")
    product.title_nb, product.slug_nb = "Barrierekrem", "barrierekrem"
    product.save()
    return product


def post_product_picture(admin_client, product, upload):
    """Staff upload `upload` as the product's first picture in admin, having
    typed a new short description too (kept on the page if refused)."""
    data = product_form_data(
        product,
        net_content="",
        short_description_en=TYPED_BEFORE_UPLOAD,
        **{
            "images-TOTAL_FORMS": 1,
            "images-0-original": upload,
            "images-0-alt_text_nb": "En hvit krukke på lin",
            "images-0-alt_text_en": "A white jar on linen",
            "images-0-caption": "",
            "images-0-display_order": 0,
        },
    )
    return admin_client.post(
        reverse("admin:catalogue_product_change", args=[product.pk]), data
    )


# --- Checkout, step by step, as a guest ---------------------------------------

WEBHOOK = reverse_lazy("stripe-webhook")
ADDRESS = {
    "first_name": "Kari",
    "last_name": "Nordmann",
    "line1": "Storgata 5",
    "line2": "",
    "postcode": "0155",
    "line4": "Oslo",
    "phone_number": "+47 412 34 567",
    "notes": "",
}


def add_routine(client, shop):
    response = client.post(reverse("catalogue:routine-add", args=[shop.routine.slug]))
    assert response.status_code == 302


def add_product(client, product, quantity=1):
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}
    )
    assert response.status_code == 302


def checkout_until_review(
    client, *, email="kari@example.no", method="invoice", shipping="pickup-point"
):
    """Guest e-mail, address, shipping and payment method; the review page."""
    steps = [
        (
            reverse("checkout:index"),
            {"username": email, "options": "anonymous"},
            reverse("checkout:shipping-address"),
        ),
        (
            reverse("checkout:shipping-address"),
            ADDRESS,
            reverse("checkout:shipping-method"),
        ),
        (
            reverse("checkout:shipping-method"),
            {"method_code": shipping},
            reverse("checkout:payment-method"),
        ),
        (
            reverse("checkout:payment-method"),
            {"method": method},
            reverse("checkout:preview"),
        ),
    ]
    for url, data, next_url in steps:
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.content.decode()[:3000])
        assert response["Location"] == next_url, (url, response["Location"])
    return client.get(reverse("checkout:preview"))


def place_order(client, accept_terms=True, **headers):
    data = {"action": "place_order"}
    if accept_terms:
        data["accept_terms"] = "on"
    return client.post(reverse("checkout:preview"), data, **headers)


def post_webhook(fake, event, secret=None, timestamp=None):
    """Send an event to the shop's webhook, signed as Stripe signs it, from
    Stripe: a client without the customer's cookies. The webhook's address
    has no language, so the request activates Bokmål; the test's language
    is put back afterwards, as Stripe's request would not change it."""
    payload = json.dumps(event)
    with translation.override(translation.get_language()):
        return Client().post(
            WEBHOOK,
            payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=fake.sign(
                payload, secret=secret, timestamp=timestamp
            ),
        )


# --- PDFs ---------------------------------------------------------------------


def text_of(pdf: bytes) -> str:
    """A PDF's text, page after page, as pypdf reads it."""
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
