"""In a real browser: a guest buys the routine by invoice, switches
language, creates an account from the e-mailed link, signs out and in
again; every cookie the shop sent (each Set-Cookie header of every answer)
and every cookie the browser ends up holding is on the cookie page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from shop.commerce.outbox.mail import send_pending
from shop.storefront import privacy_facts
from tests.browser.test_checkout_in_browser import buy_the_routine_from_the_guide

pytestmark = pytest.mark.browser

SIGNUP_LINK = re.compile(r"https?://[^/\s]+(/[^\s]*register/confirm/[^/\s]+/)")


def cookie_names(set_cookie_header):
    """Names a Set-Cookie header sets, leaving out deletions."""
    names = set()
    for line in set_cookie_header.split("\n"):
        name, _, rest = line.partition("=")
        value = rest.split(";", 1)[0]
        deleted = "max-age=0" in rest.lower() or value in ("", '""')
        if name.strip() and not deleted:
            names.add(name.strip())
    return names


def test_a_purchase_and_a_sign_in_set_only_the_documented_cookies(
    page, shop_url, customer
):
    sent = set()
    page.on(
        "response",
        lambda response: (
            response.url.startswith(shop_url)
            and sent.update(
                *(
                    cookie_names(header["value"])
                    for header in response.headers_array()
                    if header["name"].lower() == "set-cookie"
                )
            )
        ),
    )

    buy_the_routine_from_the_guide(page, shop_url, "invoice", "nb")
    expect(page.get_by_role("heading", level=1)).to_have_text("Takk for bestillingen")

    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(shop_url + "/en/accounts/register/")
    page.get_by_label("Email address").fill("nora@example.no")
    page.get_by_role("button", name="Create account").click()
    send_pending()
    link = SIGNUP_LINK.search(mail.outbox[-1].body).group(1)
    page.goto(shop_url + link)
    page.get_by_label("Password", exact=True).fill("Hud-pleie-2024")
    page.get_by_label("Repeat the password").fill("Hud-pleie-2024")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_text("Welcome! Your account is ready.")).to_be_visible()
    page.goto(shop_url + "/en/accounts/logout/")
    page.get_by_role("button", name="Sign out").last.click()

    page.goto(shop_url + "/en/accounts/login/")
    page.locator("#id_login-username").fill("kari@example.no")
    page.locator("#id_login-password").fill("kari-password")
    page.locator('[name="login_submit"]').click()
    page.goto(shop_url + "/en/accounts/orders/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Order history")

    documented = {cookie.name for cookie in privacy_facts.cookies()}
    held = {cookie["name"] for cookie in page.context.cookies()}
    assert sent, "no Set-Cookie header was seen"
    assert sent <= documented, sent - documented
    assert held <= documented, held - documented
    # What a shopper always gets: a session, the basket, the form token and
    # the chosen language.
    assert {"sessionid", "csrftoken", "oscar_open_basket", "language"} <= sent
