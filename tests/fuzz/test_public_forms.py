"""Every public form, posted with random and hostile field values: the shop
answers each without a 5xx (a field error, a message or a redirect)."""

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from shop.commerce.accounts import signup
from tests.fuzz.strategies import form_body
from tests.helpers import ADDRESS

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")

FORM = "application/x-www-form-urlencoded"
EMAILS = ["kari@example.no", "KARI@EXAMPLE.NO", "new@example.no", "a@b", "@", "x@"]
PASSWORDS = ["kari-password", "Hud-pleie-2024", "short"]
QUANTITIES = ["1", "2", "3", "0", "-1", "1000000"]


def post(client, url, body):
    response = client.post(url, body, content_type=FORM)
    assert response.status_code < 500, response.content[:2000]
    return response


def fill_an_empty_basket(client, shop):
    """The routine in the basket, unless an earlier example left something."""
    cookie = client.cookies.get(settings.OSCAR_BASKET_COOKIE_OPEN)
    basket_id = cookie.value.split(":")[0] if cookie else None
    basket = Basket.open.filter(pk=basket_id).first() if basket_id else None
    if basket is None or basket.is_empty:
        client.post(reverse("catalogue:routine-add", args=[shop.routine.slug]))


def basket_forms(shop):
    product = shop.products[0]
    return {
        reverse("basket:add", args=[product.pk]): {"quantity": QUANTITIES},
        reverse("basket:add", args=[999999]): {"quantity": QUANTITIES},
        reverse("catalogue:routine-add", args=[shop.routine.slug]): {},
        reverse("basket:vouchers-add"): {"code": ["SUMMER", ""]},
        reverse("basket:summary"): {
            "form-TOTAL_FORMS": ["1", "0", "1000", "-1"],
            "form-INITIAL_FORMS": ["1", "0", "5"],
            "form-MIN_NUM_FORMS": ["0"],
            "form-MAX_NUM_FORMS": ["1000"],
            "form-0-id": ["1", "2", "999999"],
            "form-0-quantity": QUANTITIES,
            "form-0-DELETE": ["on"],
            "form-0-save_for_later": ["on"],
        },
    }


@given(data=st.data())
def test_basket_forms_take_any_input(client, full_shop, data):
    fill_an_empty_basket(client, full_shop)
    forms = basket_forms(full_shop)
    url = data.draw(st.sampled_from(sorted(forms)), label="url")
    post(client, url, data.draw(form_body(forms[url]), label="body"))


@pytest.fixture
def account_forms(full_shop, customer):
    order = create_order(guest_email="guest@example.no")
    order_status = reverse(
        "customer:anon-order-form",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    login = {
        "login-username": EMAILS,
        "login-password": PASSWORDS,
        "login-redirect_url": [
            "/en/basket/",
            "/handlekurv/",
            "https://evil.example/",
            "//evil",
        ],
        "login_submit": ["Log In"],
    }
    registration = {
        "registration-email": EMAILS,
        "registration_submit": ["Register"],
    }
    new_password = {"new_password1": PASSWORDS, "new_password2": PASSWORDS}
    return {
        reverse("customer:login"): {**login, **registration},
        reverse("customer:register"): {"email": EMAILS},
        signup.link_for("nora@example.no").removeprefix(settings.SHOP_SITE_URL): (
            new_password
        ),
        reverse("customer:register-confirm", args=["forged"]): new_password,
        reverse("customer:logout"): {},
        reverse("password-reset"): {"email": EMAILS},
        order_status: {"email": ["guest@example.no", *EMAILS]},
        "/admin/login/": {"username": EMAILS, "password": PASSWORDS, "next": ["/"]},
    }


@given(data=st.data())
def test_account_forms_take_any_input(client, account_forms, data):
    forms = account_forms
    url = data.draw(st.sampled_from(sorted(forms)), label="url")
    post(client, url, data.draw(form_body(forms[url]), label="body"))


CHECKOUT_STEPS = [
    (
        "checkout:index",
        {"username": "kari@example.no", "options": "anonymous"},
        {
            "username": EMAILS,
            "options": ["anonymous", "new", "existing", "other"],
            "password": PASSWORDS,
        },
    ),
    (
        "checkout:shipping-address",
        ADDRESS,
        {
            **{name: [value] for name, value in ADDRESS.items()},
            "postcode": ["0155", "155", "01555", "abcd"],
            "country": ["NO", "SE", "no", ""],
            "phone_number": ["+47 412 34 567", "412", "+1 202 555 0100"],
        },
    ),
    (
        "checkout:shipping-method",
        {"method_code": "pickup-point"},
        {"method_code": ["pickup-point", "home-delivery", "free", "nope"]},
    ),
    (
        "checkout:payment-method",
        {"method": "invoice"},
        {"method": ["invoice", "card", "cash"]},
    ),
    (
        "checkout:preview",
        None,
        {"action": ["place_order", "other"], "accept_terms": ["on", "off", ""]},
    ),
]


@given(data=st.data())
def test_checkout_forms_take_any_input(client, full_shop, data):
    fill_an_empty_basket(client, full_shop)
    step = data.draw(st.integers(0, len(CHECKOUT_STEPS) - 1), label="step")
    for url_name, valid, _ in CHECKOUT_STEPS[:step]:
        client.post(reverse(url_name), valid)
    url_name, _, fields = CHECKOUT_STEPS[step]
    post(client, reverse(url_name), data.draw(form_body(fields), label="body"))


@pytest.fixture
def withdrawal_forms(full_shop, customer):
    """The withdrawal page's two steps, for a guest's order of two units and
    a signed-in customer's order."""
    guest_order = create_order(guest_email="guest@example.no")
    own_order = create_order(user=customer)
    fields = {"step": ["find", "send", "other", ""], "message": ["Hei", ""]}
    for order in (guest_order, own_order):
        for line in order.lines.all():
            fields[f"line-{line.pk}"] = ["on", "off", ""]
            fields[f"quantity-{line.pk}"] = QUANTITIES
    numbers = [str(guest_order.number), str(own_order.number)]
    fields["number"] = [*numbers, "999999", ""]
    fields["email"] = ["guest@example.no", customer.email, *EMAILS]
    fields["mine"] = [*numbers, ""]
    return fields


@given(data=st.data())
def test_the_withdrawal_page_takes_any_input(client, customer, withdrawal_forms, data):
    if data.draw(st.booleans(), label="signed in"):
        client.force_login(customer)
    else:
        client.logout()
    post(client, reverse("withdrawal"), data.draw(form_body(withdrawal_forms)))
