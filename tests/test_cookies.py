"""Every cookie the shop sets is on the cookie page, with the lifetime the
page gives it, and each has a purpose there: a guest's purchase by invoice,
a sign-up, a sign-in, the account pages and the language switch, in both
languages, set no other cookie. The same walk in a real browser is in
tests/browser/test_cookies_in_browser.py."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from shop.commerce.outbox.mail import send_pending
from shop.demo import site_data
from shop.storefront import privacy_facts
from tests.helpers import add_routine, checkout_until_review, place_order

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
SIGNUP_LINK = re.compile(
    r"https?://[^/\s]+(/(?:en/accounts|konto)/[^\s]*confirm/[^/\s]+/)"
)


class RecordingClient(Client):
    """A test client that notes every cookie a response sets (redirects
    followed included); a deletion (max-age 0) sets nothing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_cookies = {}

    def request(self, **request):
        response = super().request(**request)
        for name, morsel in response.cookies.items():
            if morsel["max-age"] == 0 or morsel.value == "":
                continue
            self.set_cookies.setdefault(name, []).append(morsel)
        return response


@pytest.fixture
def shop(demo_catalogue):
    site_data.load_shipping_methods()
    site_data.load_footer_pages()
    return demo_catalogue


def walk_the_shop(client, shop, customer, language, capture):
    """What a visitor does, in ``language``: browse, switch language, buy
    as a guest by invoice, create an account, sign out and in, use the
    account pages."""
    with translation.override(language):
        assert client.get(reverse("home")).status_code == 200
        client.get(shop.routine.get_absolute_url())
        add_routine(client, shop)
        client.get(reverse("basket:summary"))
        checkout_until_review(client)
        with capture(execute=True):
            response = place_order(client)
        assert response.status_code == 302, response.content.decode()[:2000]
        client.get(response["Location"], follow=True)

        client.post(
            reverse("customer:register"), {"email": f"nora-{language}@example.no"}
        )
        send_pending()
        link = SIGNUP_LINK.search(mail.outbox[-1].body).group(1)
        client.get(link)
        client.post(
            link, {"new_password1": "Hud-pleie-2024", "new_password2": "Hud-pleie-2024"}
        )
        client.get(reverse("customer:summary"), follow=True)
        client.get(reverse("customer:personal-data"))
        client.get(reverse("customer:personal-data-download"))
        client.post(reverse("customer:logout"), follow=True)
        client.post(
            reverse("customer:login"),
            {
                "login-username": customer.email,
                "login-password": "kari-password",
                "login_submit": "Log In",
            },
            follow=True,
        )
        client.get(reverse("customer:order-list"))
    other = "en" if language == "nb" else "nb"
    client.get(f"/language/{other}/", {"next": "/"}, follow=True)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_shop_sets_only_the_cookies_on_the_cookie_page(
    shop, customer, language, django_capture_on_commit_callbacks
):
    client = RecordingClient()
    walk_the_shop(client, shop, customer, language, django_capture_on_commit_callbacks)
    assert Order.objects.count() == 1

    documented = {cookie.name: cookie for cookie in privacy_facts.cookies()}
    assert set(client.set_cookies) <= set(documented), set(client.set_cookies) - set(
        documented
    )
    # The walk meets every cookie the page lists: none is listed for nothing.
    assert set(client.set_cookies) == set(documented)
    for name, morsels in client.set_cookies.items():
        lifetime = documented[name].lifetime
        for morsel in morsels:
            assert morsel["max-age"] == ("" if lifetime is None else lifetime), name
        assert documented[name].purpose


def test_the_lifetimes_come_from_the_settings(settings):
    settings.OSCAR_BASKET_COOKIE_LIFETIME = 3 * 24 * 3600
    settings.SESSION_COOKIE_NAME = "shop_session"
    facts = {cookie.name: cookie.lifetime for cookie in privacy_facts.cookies()}
    assert facts["shop_session"] == settings.SESSION_COOKIE_AGE
    assert facts["oscar_open_basket"] == 3 * 24 * 3600


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("/sider/informasjonskapsler/", ["Varighet", "2 uker", "1 år", "7 dager"]),
        ("/en/pages/cookies/", ["How long", "2 weeks", "1 year", "7 days"]),
    ],
)
def test_the_cookie_page_lists_every_cookie(client, address, words):
    site_data.load_footer_pages()
    page = client.get(address)
    assert page.status_code == 200
    html = page.content.decode()
    for cookie in privacy_facts.cookies():
        assert f"<code>{cookie.name}</code>" in html
    for word in words:
        assert word in html


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("/sider/personvern/", ["Hvor lenge", "30 dager", "2 uker", "180 dager"]),
        ("/en/pages/privacy/", ["How long", "30 days", "2 weeks", "180 days"]),
    ],
)
def test_the_privacy_page_says_how_long_each_thing_is_kept(client, address, words):
    site_data.load_footer_pages()
    html = client.get(address).content.decode()
    assert 'id="retention-table"' in html
    for word in words:
        assert word in html
