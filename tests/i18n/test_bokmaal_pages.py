"""Every page a customer can reach reads in Bokmål, through and through.

Each page is rendered for real (demo shop, test client) at its Bokmål
address, for an anonymous visitor and for a signed-in customer, and its
readable text (tests/i18n/pages.py) is searched for the English interface
strings of the catalogues (tests/i18n/english_strings.py) and the English
texts of the demo content. Any hit is English a Norwegian customer would
read: a string not marked for translation, a translation missing at
runtime, or a text rendered in the wrong language.
"""

import re
from datetime import timedelta

import extruct
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from articles.models import Article, Author
from products.models import Product, Routine
from shop.demo import article_content, catalogue_content
from tests.helpers import ADDRESS, client_for
from tests.i18n import pages
from tests.i18n.english_strings import english_on, english_strings, pattern

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Email = get_model("communication", "Email")


# --- What must not show -------------------------------------------------------


def english_content_texts():
    """The demo's English names and titles that differ from their Bokmål."""
    records = [
        *catalogue_content.CATEGORIES,
        *catalogue_content.PRODUCTS,
        catalogue_content.ROUTINE,
        *catalogue_content.SHIPPING_METHODS,
        *catalogue_content.FOOTER_PAGES,
        *article_content.AUTHORS,
        *article_content.TOPICS,
        *article_content.ARTICLES,
    ]
    texts = set()
    for record in records:
        for field in ("name", "title", "summary", "short_description", "role"):
            english, bokmaal = record.get(field), record["nb"].get(field)
            if isinstance(english, str) and english != bokmaal:
                texts.add(" ".join(english.split()))
    return texts


def english_content_on(text):
    return [
        f"content {english!r}"
        for english in english_content_texts()
        if pattern(english).search(text)
    ]


class Pages:
    """Visits pages with one client and collects what is wrong with each,
    so one run names every page that is not Bokmål."""

    def __init__(self, client):
        self.client = client
        self.problems = []

    def get(self, path, name=None, status=200, **data):
        response = self.client.get(path, data)
        self.check(response, name or path, status)
        return response

    def post(self, path, data, name=None, status=200):
        response = self.client.post(path, data)
        self.check(response, name or f"POST {path}", status)
        return response

    def check(self, response, name, status=200):
        if response.status_code != status:
            self.problems.append(
                f"{name}: answered {response.status_code} "
                f"{response.get('Location', '')}, not {status}"
            )
            return
        html = pages.html_of(response)
        if pages.html_language(html) != "nb":
            self.problems.append(f"{name}: <html lang={pages.html_language(html)!r}>")
        text = pages.readable_text(html)
        for hit in english_on(text) + english_content_on(text):
            self.problems.append(f"{name}: English {hit}")

    def assert_all_bokmaal(self):
        assert not self.problems, "\n".join(self.problems)


def bokmaal(name, **kwargs):
    with translation.override("nb"):
        return reverse(name, **kwargs)


# Clients that answer a crash with the 500 page, so that one broken page is
# reported with the others instead of stopping the visit.
@pytest.fixture
def guest():
    return client_for(None)


@pytest.fixture
def signed_in(customer):
    return client_for(customer)


VISITORS = ["anonymous", "signed-in customer"]


@pytest.fixture(params=VISITORS)
def visitor(request, customer):
    return client_for(customer if request.param == "signed-in customer" else None)


def add_to_basket(client, product, quantity=1):
    """As the Bokmål product page's form does (so the message that follows
    is written in Bokmål)."""
    response = client.post(
        bokmaal("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}
    )
    assert response.status_code == 302


# --- The pages ---------------------------------------------------------------


def test_the_catalogues_give_the_test_english_to_look_for():
    found = english_strings()
    assert len(found) > 400
    for expected in ("Basket", "Sign in", "Add to basket", "Your basket is empty."):
        assert expected in found
    assert "Skinome" not in found
    assert english_on("Your Basket is here")
    assert not english_on("Handlekurv Totalt")


def test_every_public_page_reads_in_bokmaal(bilingual_shop, visitor, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 2
    visits = Pages(visitor)
    for name, path in pages.public_pages("nb"):
        visits.get(path, name)
    visits.get(bokmaal("catalogue:index"), "search", q="krem")
    visits.get(bokmaal("catalogue:index"), "search with no result", q="zzxxqq")
    visits.get(bokmaal("catalogue:index"), "second page of the products", page="2")
    visits.get("/produkter/finnes-ikke_424242/", "404 page", status=404)
    visits.get("/artikler/finnes-ikke/", "404 page of the journal", status=404)
    visits.assert_all_bokmaal()


def test_the_basket_reads_in_bokmaal_empty_and_full(bilingual_shop, visitor):
    visits = Pages(visitor)
    visits.get(bokmaal("basket:summary"), "empty basket")
    add_to_basket(visitor, bilingual_shop.products[0])
    visits.get(bokmaal("basket:summary"), "basket with a product")
    add_to_basket(visitor, bilingual_shop.products[1], quantity=2)
    with translation.override("nb"):
        product_url = bilingual_shop.products[0].get_absolute_url()
    visits.get(product_url, "product page with a full basket")
    with translation.override("nb"):
        routine_add = reverse(
            "catalogue:routine-add", args=[Routine.objects.get().slug]
        )
    assert visitor.post(routine_add).status_code == 302
    visits.get(bokmaal("basket:summary"), "basket with the routine")
    visits.assert_all_bokmaal()


def test_the_routine_offer_reads_in_bokmaal(bilingual_shop, visitor):
    """Three of the routine's four products: the basket says what is missing
    for the routine price and links to the routine's page; the offer's own
    page (Oscar's) reads in Bokmål too."""
    visits = Pages(visitor)
    routine = Routine.objects.get()
    for step in routine.steps.order_by("position")[1:]:
        add_to_basket(visitor, step.product)
    basket = visits.get(bokmaal("basket:summary"), "basket short of the routine")
    with translation.override("nb"):
        offer_url = routine.offer.get_absolute_url()
        routine_url = routine.get_absolute_url()
    assert routine_url in pages.html_of(basket)
    visits.get(offer_url, "the routine's offer page")
    visits.get(bokmaal("offer:list"), "offer list")
    visits.assert_all_bokmaal()


def checkout_pages(client, visits, *, guest):
    """Each step of checkout in Bokmål, GET then POST as the customer fills
    it in; ends on the thank-you page."""
    steps = [
        ("checkout:shipping-address", ADDRESS, "checkout:shipping-method"),
        (
            "checkout:shipping-method",
            {"method_code": "pickup-point"},
            "checkout:payment-method",
        ),
        ("checkout:payment-method", {"method": "invoice"}, "checkout:preview"),
    ]
    if guest:
        steps.insert(
            0,
            (
                "checkout:index",
                {"username": "guest@example.no", "options": "anonymous"},
                "checkout:shipping-address",
            ),
        )
    else:
        response = client.get(bokmaal("checkout:index"))
        assert response["Location"] == bokmaal("checkout:shipping-address")
    for name, data, next_name in steps:
        visits.get(bokmaal(name), name)
        if name == "checkout:shipping-address":
            visits.post(bokmaal(name), {"postcode": "12"}, "address form with errors")
        response = client.post(bokmaal(name), data)
        assert response.status_code == 302, (name, response.content.decode()[:2000])
        assert response["Location"] == bokmaal(next_name), (name, response["Location"])
    visits.get(bokmaal("checkout:preview"), "review page")
    visits.post(
        bokmaal("checkout:preview"), {"action": "place_order"}, "terms not accepted"
    )
    response = client.post(
        bokmaal("checkout:preview"), {"action": "place_order", "accept_terms": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] == bokmaal("checkout:thank-you")
    visits.get(bokmaal("checkout:thank-you"), "thank-you page")
    return Order.objects.get()


def test_checkout_reads_in_bokmaal_for_a_guest(bilingual_shop, guest):
    client = guest
    visits = Pages(client)
    add_to_basket(client, bilingual_shop.products[0])
    visits.get(bokmaal("checkout:index"), "checkout gateway")
    visits.post(
        bokmaal("checkout:index"),
        {"username": "", "options": "anonymous"},
        "gateway with errors",
    )
    order = checkout_pages(client, visits, guest=True)
    assert order.guest_email == "guest@example.no"
    visits.assert_all_bokmaal()


def test_checkout_reads_in_bokmaal_for_a_signed_in_customer(
    bilingual_shop, signed_in, customer
):
    visits = Pages(signed_in)
    add_to_basket(signed_in, bilingual_shop.products[0])
    order = checkout_pages(signed_in, visits, guest=False)
    assert order.user == customer
    visits.assert_all_bokmaal()


def test_signing_in_and_registering_read_in_bokmaal(bilingual_shop, guest, customer):
    client = guest
    visits = Pages(client)
    visits.get(bokmaal("customer:login"), "login page")
    visits.get(bokmaal("customer:register"), "registration page")
    visits.post(
        bokmaal("customer:login"),
        {
            "login-username": customer.email,
            "login-password": "wrong",
            "login_submit": "1",
        },
        "wrong password",
    )
    visits.post(
        bokmaal("customer:login"),
        {"registration-email": "not an address", "registration_submit": "1"},
        "registration with a bad address",
    )
    visits.post(
        bokmaal("customer:register"), {"email": ""}, "registration form with errors"
    )
    response = client.post(bokmaal("customer:register"), {"email": "nora@example.no"})
    assert response["Location"] == bokmaal("customer:register-sent")
    visits.get(response["Location"], "check your email")
    visits.get(
        bokmaal("customer:register-confirm", args=["bad-token"]), "bad sign-up link"
    )
    visits.get(bokmaal("password-reset"), "password reset")
    response = client.post(bokmaal("password-reset"), {"email": customer.email})
    assert response["Location"] == bokmaal("password-reset-done")
    visits.get(response["Location"], "password reset sent")
    visits.get(
        bokmaal(
            "password-reset-confirm", kwargs={"uidb64": "MQ", "token": "bad-token"}
        ),
        "used reset link",
    )
    visits.get(bokmaal("password-reset-complete"), "password reset complete")
    visits.assert_all_bokmaal()


def test_a_signed_in_customers_account_pages_read_in_bokmaal(
    bilingual_shop, signed_in, customer
):
    visits = Pages(signed_in)
    add_to_basket(signed_in, bilingual_shop.products[0])
    order = checkout_pages(signed_in, Pages(signed_in), guest=False)
    signed_in.post(
        bokmaal("customer:address-create"),
        {**ADDRESS, "country": "NO"},
    )
    address = customer.addresses.get()
    email = Email.objects.create(
        user=customer,
        email=customer.email,
        subject="Velkommen til Skinome",
        body_text="Hei",
        body_html="<p>Hei</p>",
    )
    summary = signed_in.get(bokmaal("customer:summary"))
    assert summary.status_code == 302
    for name, kwargs in [
        ("customer:profile-view", {}),
        ("customer:profile-update", {}),
        ("customer:profile-delete", {}),
        ("customer:change-password", {}),
        ("customer:order-list", {}),
        ("customer:order", {"order_number": order.number}),
        ("customer:address-list", {}),
        ("customer:address-create", {}),
        ("customer:address-detail", {"pk": address.pk}),
        ("customer:address-delete", {"pk": address.pk}),
        ("customer:email-list", {}),
        ("customer:email-detail", {"email_id": email.pk}),
    ]:
        visits.get(bokmaal(name, kwargs=kwargs), name)
    visits.post(
        bokmaal("customer:change-password"),
        {"old_password": "wrong", "new_password1": "x", "new_password2": "y"},
        "change password with errors",
    )
    visits.post(bokmaal("customer:address-create"), {"country": "NO"}, "address errors")
    # A signed-in customer who opens a password-reset link (Oscar's page).
    visits.get(bokmaal("password-reset"), "password reset while signed in", status=403)
    visits.assert_all_bokmaal()


# --- The language of the page -------------------------------------------------

PUBLIC_PAGE_TYPES = [
    "home",
    "all products",
    "category",
    "product",
    "routine",
    "article list",
    "guide",
    "second article",
    "topic",
    "author",
    *(f"footer page {url}" for url in pages.FOOTER_PAGES),
]
OTHER_ENGLISH_PAGES = {
    "search": ("catalogue:index", {"q": "cream"}),
    "basket": ("basket:summary", {}),
    "login": ("customer:login", {}),
    "registration": ("customer:register", {}),
    "password reset": ("password-reset", {}),
}


@pytest.mark.parametrize("page_type", PUBLIC_PAGE_TYPES)
def test_english_pages_say_they_are_english(bilingual_shop, client, page_type):
    path = dict(pages.public_pages("en"))[page_type]
    assert path.startswith("/en/")
    response = client.get(path)
    assert response.status_code == 200
    assert pages.html_language(pages.html_of(response)) == "en"
    assert response["Content-Language"] == "en"
    # The same page type in Bokmål says so too.
    response = client.get(dict(pages.public_pages("nb"))[page_type])
    assert pages.html_language(pages.html_of(response)) == "nb"
    assert response["Content-Language"] == "nb"


@pytest.mark.parametrize("page", list(OTHER_ENGLISH_PAGES))
def test_english_private_pages_say_they_are_english(db, client, page):
    name, data = OTHER_ENGLISH_PAGES[page]
    with translation.override("en"):
        path = reverse(name)
    response = client.get(path, data)
    assert response.status_code == 200
    assert pages.html_language(pages.html_of(response)) == "en"


def test_the_english_404_page_says_it_is_english(db, client):
    response = client.get("/en/catalogue/no-such-cream_424242/")
    assert response.status_code == 404
    assert pages.html_language(pages.html_of(response)) == "en"
    assert re.search(r"We can.t find that page", pages.html_of(response))


# --- Texts not yet written in the page's language ----------------------------


def note(language):
    """The note a page shows over a text written only in the other language."""
    english = {
        "nb": "This text has not been written in Norwegian yet, so you are "
        "reading it in English.",
        "en": "This text has not been written in English yet, so you are "
        "reading it in Norwegian.",
    }[language]
    with translation.override(language):
        return translation.gettext(english)


def test_an_article_written_only_in_english_says_so_on_its_bokmaal_page(
    bilingual_shop, client
):
    """As the English-only shop's articles are until someone translates them."""
    author = Author.objects.get()
    article = Article.objects.create(
        title_en="Why ceramides matter",
        slug_en="why-ceramides-matter",
        summary_en="The lipids that hold the skin's outer layer together.",
        body_en="## What they are\n\nLipids.\n\n## Why they matter\n\nThey hold water.",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
        author=author,
    )
    assert not article.title_nb and not article.slug_nb
    with translation.override("nb"):
        path = article.get_absolute_url()
    assert path == "/artikler/why-ceramides-matter/"
    response = client.get(path)
    assert response.status_code == 200
    html = pages.html_of(response)
    text = pages.readable_text(html)
    assert pages.html_language(html) == "nb"
    assert note("nb") in text and note("nb") != note("en")
    assert "Why ceramides matter" in text
    # The English text is marked as English, for screen readers and search
    # engines; the page around it stays Bokmål.
    assert re.search(r'<h1 class="article__title" lang="en">Why ceramides', html)
    assert re.search(r'<div class="article__body prose" lang="en">', html)
    posting = next(
        item
        for item in extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
        if item["@type"] == "BlogPosting"
    )
    assert posting["inLanguage"] == "en"
    # Its English page has no note, and says it is English.
    english = pages.html_of(client.get("/en/articles/why-ceramides-matter/"))
    assert note("nb") not in english and note("en") not in english
    # The translated demo articles have none either.
    assert note("nb") not in pages.html_of(
        client.get(f"/artikler/{pages.GUIDE}/", follow=True)
    )


def test_a_product_written_only_in_bokmaal_says_so_on_its_english_page(
    bilingual_shop, client
):
    product = bilingual_shop.products[0]
    Product.objects.filter(pk=product.pk).update(title_en="", description_en="")
    product.refresh_from_db()
    with translation.override("en"):
        path = product.get_absolute_url()
    html = pages.html_of(client.get(path))
    assert pages.html_language(html) == "en"
    assert note("en") in pages.readable_text(html)
    assert '<h1 class="product__title" lang="nb">' in html
    assert '<p class="product__lead">' in html  # its English lead is written
    with translation.override("nb"):
        bokmaal_html = pages.html_of(client.get(product.get_absolute_url()))
    assert note("en") not in bokmaal_html and note("nb") not in bokmaal_html
    assert 'lang="en"' not in bokmaal_html.split("<main", 1)[1]
