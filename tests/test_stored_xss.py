"""Script written by staff never reaches another staff member or a visitor.

Oscar prints a range's name (a routine's, for ours) and an offer's
description as HTML on its offer pages, so names that end up there refuse
markup. Footer pages are
HTML written in admin; they are cleaned with the articles' allow-list each time
they are shown, and only superusers pick their template.
"""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import create_offer

from tests.helpers import (
    admin_form_data,
    client_for,
    make_product,
    make_routine,
)

pytestmark = pytest.mark.django_db

Range = get_model("offer", "Range")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Voucher = get_model("voucher", "Voucher")

PAYLOAD = "<img src=x onerror=alert(document.cookie)>"
REFUSED = "Use plain text here: “&lt;” and “&gt;” are not allowed."
# HTML with something worth keeping and every way of running script.
HOSTILE_HTML = (
    "<h2>Returns</h2>"
    '<p onclick="steal()">Within <strong>14 days</strong>, see '
    '<a href="javascript:steal()">the form</a>.</p>'
    "<script>steal()</script>"
    "<img src=x onerror=steal()>"
    '<iframe src="https://evil.example/"></iframe>'
)


@pytest.fixture
def routine(db):
    products = [make_product(title="Cleanser", upc="c"), make_product(upc="e")]
    routine = make_routine(products=products, price="150.00", name="Calm skin")
    # Written in Bokmål too, as admin requires.
    routine.name_nb, routine.slug_nb = "Rolig hud", "rolig-hud"
    routine.summary_nb = "Fire steg."
    routine.save()
    for step in routine.steps.all():
        step.instruction_nb = f"Steg {step.position}."
        step.save()
    return routine


def routine_form(accounts, routine, **changes):
    url = reverse("admin:catalogue_routine_change", args=[routine.pk])
    data = admin_form_data(client_for(accounts["superuser"]).get(url))
    return url, {**data, **changes}


@pytest.mark.parametrize("role", ["editor", "manager"])
@pytest.mark.parametrize("field", ["name_nb", "name_en", "summary_nb", "summary_en"])
def test_staff_cannot_put_markup_in_a_routine_name_or_summary(
    accounts, routine, role, field
):
    url, data = routine_form(accounts, routine, **{field: f"Calm skin {PAYLOAD}"})

    response = client_for(accounts[role]).post(url, data)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    routine.refresh_from_db()
    assert "<" not in getattr(routine, field)
    superuser = client_for(accounts["superuser"])
    for name in ("offer_conditionaloffer_changelist", "offer_range_changelist"):
        page = superuser.get(reverse(f"admin:{name}")).content.decode()
        assert "onerror" not in page


def test_a_routine_with_a_plain_name_still_saves(accounts, routine):
    url, data = routine_form(
        accounts, routine, name_nb="Calm & clear skin", name_en="Calm & clear skin"
    )

    response = client_for(accounts["editor"]).post(url, data)

    assert response.status_code == 302
    routine.refresh_from_db()
    assert routine.offer.condition.range.name == "Routine: Calm & clear skin"


def admin_voucher(routine):
    return (
        reverse("admin:voucher_voucher_add"),
        {
            "name": PAYLOAD,
            "code": "CALM",
            "usage": "Multi-use",
            "start_datetime_0": "2020-01-01",
            "start_datetime_1": "00:00:00",
            "end_datetime_0": "2099-01-01",
            "end_datetime_1": "00:00:00",
            "offers": [str(create_offer(offer_type="Voucher", name="Coupon").pk)],
        },
        Voucher,
    )


def admin_range(routine):
    return (
        reverse("admin:offer_range_add"),
        {"name": PAYLOAD, "slug": "calm", "includes_all_products": "on"},
        Range,
    )


@pytest.mark.parametrize("form", [admin_range, admin_voucher])
def test_names_shown_in_offer_descriptions_refuse_markup(accounts, routine, form):
    url, data, model = form(routine)
    manager = client_for(accounts["manager"])

    refused = manager.post(url, data)
    accepted = manager.post(url, {**data, "name": "Spring sale"})

    assert refused.status_code == 200
    assert REFUSED in refused.content.decode()
    assert not model.objects.filter(name=PAYLOAD).exists()
    assert accepted.status_code == 302  # the same form with a plain name


def assert_cleaned(html):
    assert "<strong>14 days</strong>" in html
    assert "steal" not in html
    assert "evil.example" not in html
    assert "onerror" not in html


def test_offer_and_range_descriptions_are_cleaned_when_saved(accounts, routine):
    """Oscar treats these as HTML and prints them with ``|safe`` on its offer
    pages, so they keep only what the allow-list keeps, whoever writes them."""
    manager = client_for(accounts["manager"])
    offer_url = reverse("admin:offer_conditionaloffer_change", args=[routine.offer_id])
    range_url = reverse(
        "admin:offer_range_change", args=[routine.offer.condition.range_id]
    )
    range_data = admin_form_data(manager.get(range_url))

    offer_saved = manager.post(
        offer_url,
        {**admin_form_data(manager.get(offer_url)), "description": HOSTILE_HTML},
    )
    range_saved = manager.post(range_url, {**range_data, "description": HOSTILE_HTML})

    assert (offer_saved.status_code, range_saved.status_code) == (302, 302)
    offer = ConditionalOffer.objects.get(pk=routine.offer_id)
    assert_cleaned(offer.description)
    assert_cleaned(offer.condition.range.description)


# --- Footer pages ----------------------------------------------------------------


def footer_page(content=HOSTILE_HTML, **fields):
    page = FlatPage.objects.create(
        url_nb="/sider/retur/",
        title_nb="Retur",
        content_nb=content,
        url_en="/pages/returns/",
        title_en="Returns",
        content_en=content,
        **fields,
    )
    page.sites.add(Site.objects.get_current())
    return page


def test_a_footer_page_is_cleaned_when_shown_even_if_stored_before(client, settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 300
    footer_page()

    for visit in ("miss", "hit"):  # the page cache serves what was cleaned
        response = client.get("/en/pages/returns/")
        assert response["X-Page-Cache"] == visit
        html = response.content.decode()
        assert "<h2>Returns</h2>" in html
        assert_cleaned(html)


def flatpage_admin(client, page=None):
    if page is None:
        return reverse("admin:flatpages_flatpage_add")
    return reverse("admin:flatpages_flatpage_change", args=[page.pk])


ADVANCED_FIELDS = ("template_name", "registration_required", "sites")
# A footer page's address, title and text, as admin asks for them.
FOOTER_PAGE_TEXTS = {
    "url_nb": "/sider/retur/",
    "title_nb": "Retur",
    "content_nb": "<p>Innen 14 dager.</p>",
    "url_en": "/pages/returns/",
    "title_en": "Returns",
    "content_en": "<p>Within 14 days.</p>",
}


def test_editors_write_footer_pages_but_do_not_pick_templates_or_sites(accounts):
    editor = client_for(accounts["editor"])
    html = editor.get(flatpage_admin(editor)).content.decode()
    for name in ADVANCED_FIELDS:
        assert f'name="{name}"' not in html

    response = editor.post(
        flatpage_admin(editor),
        {
            **FOOTER_PAGE_TEXTS,
            "template_name": "oscar/dashboard/layout.html",
            "registration_required": "on",
        },
    )

    assert response.status_code == 302
    page = FlatPage.objects.get(url_en="/pages/returns/")
    assert (page.template_name, page.registration_required) == ("", False)
    assert list(page.sites.all()) == [Site.objects.get_current()]
    assert client_for(None).get("/en/pages/returns/").status_code == 200
    assert client_for(None).get("/sider/retur/").status_code == 200


def test_an_editor_changing_a_page_keeps_its_template(accounts):
    page = footer_page(content="<p>Old.</p>", template_name="flatpages/default.html")
    editor = client_for(accounts["editor"])
    url = flatpage_admin(editor, page)

    response = editor.post(
        url,
        {**admin_form_data(editor.get(url)), "template_name": "base.html"},
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.template_name == "flatpages/default.html"


@pytest.mark.parametrize(
    "template_name",
    ["oscar/dashboard/layout.html", "flatpages/missing.html", "../settings.py"],
)
def test_a_superuser_can_only_pick_a_footer_page_template_that_exists(
    accounts, template_name
):
    superuser = client_for(accounts["superuser"])
    data = {
        **FOOTER_PAGE_TEXTS,
        "sites": [str(Site.objects.get_current().pk)],
        "template_name": template_name,
    }

    refused = superuser.post(flatpage_admin(superuser), data)
    accepted = superuser.post(
        flatpage_admin(superuser), {**data, "template_name": "flatpages/default.html"}
    )

    assert refused.status_code == 200
    assert "Choose a template in flatpages/" in refused.content.decode()
    assert accepted.status_code == 302
    assert client_for(None).get("/en/pages/returns/").status_code == 200
