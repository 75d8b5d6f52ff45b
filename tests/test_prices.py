"""Prices as the law wants them shown (prisopplysningsforskriften): the price
per litre or kilo beside every price, every price change on record, a sale's
before-price (the lowest price of the 30 days before it) beside every
reduction, sales starting and ending on time, and the routine's saving named
as a bundle saving."""

import re
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import extruct
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from products.models import Category
from shop.commerce.partner.models import PriceChange, StockRecord
from shop.commerce.partner.sales import PriceState, lowest_price_before
from shop.core.money import format_price, unit_price
from shop.demo import article_data as articles_demo
from tests.helpers import admin_form_data, make_accounts

pytestmark = pytest.mark.django_db

NBSP = "\xa0"
GUIDE = "skin-during-and-after-isotretinoin"
CLEANSING_MILK = "gentle-cleansing-milk"  # 199,00 NOK for 150 ml
WORDS = {
    "en": {"before": "Before", "badge": "Sale", "saving": "against the single prices"},
    "nb": {"before": "Før", "badge": "Salg", "saving": "mot enkeltprisene"},
}


@pytest.fixture
def shop(demo_catalogue):
    articles_demo.load()
    return demo_catalogue


def product_by_slug(shop, slug):
    return next(p for p in shop.products if p.slug_en == slug)


def page_urls(shop, product, language):
    """Every kind of page that offers the product, in ``language``; the
    basket last (the client must have the product in it)."""
    with translation.override(language):
        category = Category.objects.get(productcategory__product=product)
        return {
            "home": reverse("home"),
            "category": category.get_absolute_url(),
            "all products": reverse("catalogue:index"),
            "search": reverse("catalogue:index") + f"?q={product.upc}",
            "product": product.get_absolute_url(),
            "routine": shop.routine.get_absolute_url(),
            "guide": Article.objects.get(slug_en=GUIDE).get_absolute_url(),
            "basket": reverse("basket:summary"),
        }


def visitor(kind, customer):
    client = Client()
    if kind == "customer":
        client.force_login(customer)
    return client


def add_to_basket(client, product):
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}
    )
    assert response.status_code == 302


def put_on_sale(record, *, sale_price, starts_at=None, ends_at=None):
    now = timezone.now()
    record.sale_price = Decimal(sale_price)
    record.sale_starts_at = starts_at or now - timedelta(hours=1)
    record.sale_ends_at = ends_at or now + timedelta(days=7)
    record.save()
    return record


def set_history(record, *changes):
    """Replace the record's history with (days before now, price) rows."""
    record.price_changes.all().delete()
    now = timezone.now()
    for days_ago, price in changes:
        PriceChange.objects.create(
            stockrecord=record,
            new_price=Decimal(price),
            changed_at=now - timedelta(days=days_ago),
        )
    StockRecord.objects.filter(pk=record.pk).update(price=Decimal(changes[-1][1]))
    record.refresh_from_db()


# --- The unit price --------------------------------------------------------


def test_the_unit_price_is_per_litre_or_kilo_rounded_to_the_ore():
    per_litre = unit_price(Decimal("199.00"), net_content=Decimal(150), unit="ml")
    per_kilo = unit_price(Decimal("89.00"), net_content=Decimal("7.5"), unit="g")

    assert (per_litre.amount, per_litre.unit) == (Decimal("1326.67"), "l")
    assert (per_kilo.amount, per_kilo.unit) == (Decimal("11866.67"), "kg")
    assert unit_price(Decimal("199.00"), net_content=None, unit="ml") is None


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("kind", ["guest", "customer"])
def test_every_page_offering_a_product_shows_its_price_per_litre(
    shop, language, kind, customer
):
    product = product_by_slug(shop, CLEANSING_MILK)
    client = visitor(kind, customer)
    add_to_basket(client, product)
    shown = (
        f'<span class="price__amount">199,00{NBSP}NOK</span> '
        f'<span class="price__unit">· 1.326,67{NBSP}NOK/l</span>'
    )
    with translation.override(language):
        each = translation.gettext("%(price)s each") % {"price": f"199,00{NBSP}NOK"}
    for page, url in page_urls(shop, product, language).items():
        html = client.get(url).content.decode()
        if page == "basket":
            assert f"{each}</span> <span" in html
            assert f"· 1.326,67{NBSP}NOK/l" in html, page
        else:
            assert shown in html, f"{page} ({url})"


def test_each_demo_product_shows_its_own_unit_price(shop):
    html = Client().get("/en/catalogue/").content.decode()
    for product in shop.products:
        price = product.stockrecords.get().price
        per_litre = price * 1000 / product.net_content
        expected = format_price(per_litre.quantize(Decimal("0.01")))
        assert f"· {expected}/l</span>" in html


def test_a_product_without_net_content_shows_no_unit_price(shop, admin_client):
    product = product_by_slug(shop, CLEANSING_MILK)
    type(product).objects.filter(pk=product.pk).update(net_content=None)
    html = Client().get(product.get_absolute_url()).content.decode()
    assert f"199,00{NBSP}NOK" in html and "NOK/l" not in html
    listing = admin_client.get(reverse("admin:catalogue_product_changelist"))
    assert "no net content" in listing.content.decode()


def test_structured_data_gives_the_price_for_the_package_content(shop):
    product = product_by_slug(shop, CLEANSING_MILK)
    html = Client().get(product.get_absolute_url()).content.decode()
    data = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    offer = next(item for item in data if item["@type"] == "Product")["offers"]
    assert offer["priceSpecification"] == {
        "@type": "UnitPriceSpecification",
        "price": "199.00",
        "priceCurrency": "NOK",
        "referenceQuantity": {
            "@type": "QuantitativeValue",
            "value": "0.15",
            "unitCode": "LTR",
        },
    }


# --- The price history -----------------------------------------------------


def test_a_price_changed_in_admin_is_recorded_with_the_staff_member(
    shop, admin_client, django_user_model
):
    product = product_by_slug(shop, CLEANSING_MILK)
    url = reverse("admin:catalogue_product_change", args=[product.pk])
    data = admin_form_data(admin_client.get(url))
    data["stockrecords-0-price"] = "189.00"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    change = PriceChange.objects.latest()
    assert (change.old_price, change.new_price) == (Decimal("199.00"), Decimal("189"))
    assert change.changed_by == django_user_model.objects.get(username="admin")
    assert timezone.now() - change.changed_at < timedelta(minutes=1)


def test_a_price_changed_on_the_stock_record_page_is_recorded_too(shop, admin_client):
    record = product_by_slug(shop, CLEANSING_MILK).stockrecords.get()
    url = reverse("admin:partner_stockrecord_change", args=[record.pk])
    data = admin_form_data(admin_client.get(url))
    data["price"] = "209.00"
    assert admin_client.post(url, data).status_code == 302
    change = PriceChange.objects.latest()
    assert change.new_price == Decimal("209.00")
    assert change.changed_by.username == "admin"


def test_changes_by_code_are_the_systems_and_saves_without_change_add_nothing(shop):
    record = product_by_slug(shop, CLEANSING_MILK).stockrecords.get()
    count = PriceChange.objects.count()
    record.num_in_stock = 3
    record.save()
    assert PriceChange.objects.count() == count
    record.price = "179.00"
    record.save()
    change = PriceChange.objects.latest()
    assert change.new_price == Decimal("179.00") and change.changed_by is None


def test_shop_managers_read_the_history_and_nobody_changes_it(shop, django_user_model):
    accounts = make_accounts(django_user_model)
    record = product_by_slug(shop, CLEANSING_MILK).stockrecords.get()
    change = record.price_changes.latest()
    for role in ("manager", "superuser"):
        client = Client()
        client.force_login(accounts[role])
        listing = client.get(reverse("admin:partner_pricechange_changelist"))
        assert listing.status_code == 200
        assert client.get(reverse("admin:partner_pricechange_add")).status_code == 403
        url = reverse("admin:partner_pricechange_delete", args=[change.pk])
        assert client.post(url, {"post": "yes"}).status_code == 403
        page = client.get(reverse("admin:partner_pricechange_change", args=[change.pk]))
        assert (
            page.status_code == 200 and 'name="new_price"' not in page.content.decode()
        )
    editor = Client()
    editor.force_login(accounts["editor"])
    url = reverse("admin:partner_pricechange_changelist")
    assert editor.get(url).status_code == 403
    assert PriceChange.objects.filter(pk=change.pk).exists()


# --- The before-price ------------------------------------------------------


def test_the_before_price_is_the_lowest_of_the_30_days_before_the_sale(shop):
    record = product_by_slug(shop, CLEANSING_MILK).stockrecords.get()
    # 199 more than 30 days ago, in force until 40 days ago: it must not
    # count; 279 was in force when the 30 days began; 229 two weeks before.
    set_history(record, (60, "199.00"), (40, "279.00"), (14, "229.00"), (7, "249.00"))

    put_on_sale(record, sale_price="219.00")

    assert record.before_price == Decimal("229.00")
    html = Client().get(record.product.get_absolute_url()).content.decode()
    assert f"Before 229,00{NBSP}NOK" in html
    assert f'<span class="price__amount">219,00{NBSP}NOK</span>' in html


def test_the_price_in_force_when_the_30_days_began_counts():
    start = timezone.now()
    states = [
        PriceState(since=start - timedelta(days=45), price=Decimal("150")),
        PriceState(since=start - timedelta(days=10), price=Decimal("300")),
    ]
    assert lowest_price_before(states, start, fallback=Decimal("300")) == 150


def test_an_earlier_sale_within_the_30_days_counts():
    start = timezone.now()
    earlier_sale = PriceState(
        since=start - timedelta(days=50),
        price=Decimal("249"),
        sale_price=Decimal("179"),
        sale_starts_at=start - timedelta(days=20),
        sale_ends_at=start - timedelta(days=15),
    )
    older_sale = PriceState(
        since=start - timedelta(days=90),
        price=Decimal("249"),
        sale_price=Decimal("99"),
        sale_starts_at=start - timedelta(days=80),
        sale_ends_at=start - timedelta(days=70),
    )
    assert lowest_price_before([earlier_sale], start, fallback=Decimal(1)) == 179
    assert lowest_price_before([older_sale], start, fallback=Decimal(1)) == 249


def test_a_sale_at_or_above_the_before_price_is_refused_in_admin(shop, admin_client):
    record = product_by_slug(shop, CLEANSING_MILK).stockrecords.get()
    set_history(record, (20, "189.00"), (5, "249.00"))
    url = reverse("admin:partner_stockrecord_change", args=[record.pk])
    data = admin_form_data(admin_client.get(url))
    now = timezone.localtime()
    data.update(
        {
            "sale_price": "199.00",
            "sale_starts_at_0": now.strftime("%Y-%m-%d"),
            "sale_starts_at_1": now.strftime("%H:%M:%S"),
            "sale_ends_at_0": (now + timedelta(days=3)).strftime("%Y-%m-%d"),
            "sale_ends_at_1": "12:00:00",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "must be below the before-price, 189,00" in response.content.decode()
    record.refresh_from_db()
    assert record.sale_price is None


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"sale_price": "260.00"}, "The sale price must be below the price."),
        ({"sale_price": ""}, "A sale needs a sale price, a start and an end."),
        ({"sale_ends_at_0": "2020-01-01"}, "The sale must end after it starts."),
    ],
)
def test_a_sale_is_checked_in_admin(shop, admin_client, changes, message):
    record = product_by_slug(shop, CLEANSING_MILK).stockrecords.get()
    url = reverse("admin:partner_stockrecord_change", args=[record.pk])
    data = admin_form_data(admin_client.get(url))
    data.update(
        {
            "sale_price": "149.00",
            "sale_starts_at_0": "2030-01-01",
            "sale_starts_at_1": "00:00:00",
            "sale_ends_at_0": "2030-01-10",
            "sale_ends_at_1": "00:00:00",
            **changes,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_no_template_but_the_reduction_one_can_show_a_reduction():
    """Struck prices, sale badges and before-prices: only in
    includes/reduction.html, which {% reduction %} renders only with a
    before-price."""
    marks = re.compile(r"<s[ >]|<del[ >]|<strike|sale-badge|price-before|Before \{")
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html")
        if marks.search(path.read_text()) and path.name != "reduction.html"
    ]
    assert offenders == []


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_page_with_a_sale_shows_the_before_price_wherever_it_shows_a_sale(
    shop, language, customer
):
    product = product_by_slug(shop, CLEANSING_MILK)
    record = product.stockrecords.get()
    set_history(record, (45, "159.00"), (35, "199.00"), (14, "189.00"), (3, "199.00"))
    put_on_sale(record, sale_price="169.00")
    assert record.before_price == Decimal("189.00")
    words = WORDS[language]
    badge = f'<span class="sale-badge">{words["badge"]}</span>'
    before = f"{words['before']} 189,00{NBSP}NOK"
    for kind in ("guest", "customer"):
        client = visitor(kind, customer)
        add_to_basket(client, product)
        for page, url in page_urls(shop, product, language).items():
            html = client.get(url).content.decode()
            if page == "all products" and "169,00" not in html:
                continue  # the product is on another page of the list
            assert f"169,00{NBSP}NOK" in html, page
            assert html.count(badge) >= 1, page
            assert html.count(badge) == html.count(f"{badge} {before}"), page
            assert "159,00" not in html, page


# --- Sales start and end on time -------------------------------------------


def test_the_strategy_charges_the_sale_price_only_while_the_sale_runs(shop):
    record = product_by_slug(shop, CLEANSING_MILK).stockrecords.get()
    now = timezone.now()
    put_on_sale(
        record,
        sale_price="149.00",
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=2),
    )
    assert not record.sale_is_running()
    assert record.sale_is_running(now + timedelta(days=1, hours=1))
    assert not record.sale_is_running(now + timedelta(days=2))


def test_the_page_cache_shows_a_sale_from_its_start_until_its_end(
    shop, settings, django_capture_on_commit_callbacks
):
    settings.SHOP_PAGE_CACHE_SECONDS = 300
    product = product_by_slug(shop, CLEANSING_MILK)
    record = product.stockrecords.get()
    url = product.get_absolute_url()
    start = timezone.now() + timedelta(seconds=2)
    with django_capture_on_commit_callbacks(execute=True):
        put_on_sale(
            record,
            sale_price="149.00",
            starts_at=start,
            ends_at=start + timedelta(seconds=2),
        )

    before = Client().get(url)
    assert f"199,00{NBSP}NOK" in before.content.decode()
    assert Client().get(url)["X-Page-Cache"] == "hit"

    time.sleep(max((start - timezone.now()).total_seconds(), 0) + 0.05)
    during = Client().get(url)
    assert during["X-Page-Cache"] == "miss"
    assert f'<span class="price__amount">149,00{NBSP}NOK</span>' in (
        during.content.decode()
    )

    time.sleep(max((record.sale_ends_at - timezone.now()).total_seconds(), 0) + 0.05)
    after = Client().get(url)
    assert after["X-Page-Cache"] == "miss"
    assert f'<span class="price__amount">199,00{NBSP}NOK</span>' in (
        after.content.decode()
    )
    assert "sale-badge" not in after.content.decode()


def test_the_basket_charges_the_sale_price(shop):
    product = product_by_slug(shop, CLEANSING_MILK)
    put_on_sale(product.stockrecords.get(), sale_price="149.00")
    client = Client()
    add_to_basket(client, product)
    html = client.get(reverse("basket:summary")).content.decode()
    assert f'id="basket-total">149,00{NBSP}NOK<' in html


# --- The routine's saving --------------------------------------------------


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_routine_saving_is_a_bundle_saving_without_a_before_price(shop, language):
    client = Client()
    client.post(
        reverse("catalogue:routine-add", args=[shop.routine.slug]), follow=False
    )
    urls = page_urls(shop, shop.products[0], language)
    saving = WORDS[language]["saving"]
    for page in ("home", "routine", "guide", "basket"):
        html = client.get(urls[page]).content.decode()
        assert re.search(rf"228,05{NBSP}NOK {saving}", html), page
        assert "sale-badge" not in html and "price-before" not in html, page


def test_a_sale_price_not_below_the_before_price_shows_no_reduction(shop):
    """Set around admin's check (by code): charged, but never shown as a
    reduction, because there is none against the 30 days' lowest price."""
    product = product_by_slug(shop, CLEANSING_MILK)
    record = product.stockrecords.get()
    set_history(record, (20, "149.00"), (5, "199.00"))
    put_on_sale(record, sale_price="179.00")
    html = Client().get(product.get_absolute_url()).content.decode()
    assert f'<span class="price__amount">179,00{NBSP}NOK</span>' in html
    assert "sale-badge" not in html and "Before" not in html
