"""Choosing a pickup point at the delivery step, against the fake Bring over
HTTP (tests/fake_bring.py): the nearest points to the address's postcode,
the nearest preselected, another postcode searched, the choice kept on the
order and shown wherever the order is; Bring down, slow or talking nonsense
(the fallback: the pickup point nearest the address, and the order still
placed); bad postcodes; the cache; and the consent to leave a home delivery
at the door, never given unless ticked. Each in Bokmål and in English, for
a guest and a signed-in customer."""

import logging
import time

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.commerce import order_privacy
from shop.commerce.order import handling
from shop.commerce.outbox.models import OutgoingEmail
from shop.commerce.shipping import pickup_points
from tests import fake_bring
from tests.helpers import ADDRESS, add_routine, client_for, place_order, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_language")]

Order = get_model("order", "Order")

GUEST_EMAIL = "guest@example.no"
FALLBACK = (
    "We cannot show the pickup points just now. We will send it to the pickup "
    "point nearest your address."
)
HOURS = {"nb": "Man - Søn: 0000-2400", "en": "Mon - Sun: 0000-2400"}


@pytest.fixture(params=["guest", "signed in"])
def buyer(request, client, customer):
    if request.param == "signed in":
        client.force_login(customer)
    return request.param


def nearest(postcode, how_many=pickup_points.HOW_MANY):
    """What Bring (the fake) answers for ``postcode``, nearest first."""
    return fake_bring.pickup_points(postcode, how_many)


def to_delivery_step(client, shop, *, postcode="0155"):
    """The routine in the basket, the e-mail (a guest) and the address given."""
    add_routine(client, shop)
    if client.get(reverse("checkout:index")).status_code == 200:  # the gateway
        client.post(
            reverse("checkout:index"),
            {"username": GUEST_EMAIL, "options": "anonymous"},
        )
    response = client.post(
        reverse("checkout:shipping-address"), {**ADDRESS, "postcode": postcode}
    )
    assert response["Location"] == reverse("checkout:shipping-method")


def delivery_page(client, **query):
    response = client.get(reverse("checkout:shipping-method"), query)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def offered(page):
    """The pickup points offered: (id, name, checked), in the page's order."""
    return [
        (
            radio.get("value"),
            radio.getparent().xpath(".//strong")[0].text_content(),
            radio.get("checked") is not None,
        )
        for radio in page.xpath("//input[@type='radio'][@name='pickup_point']")
    ]


def text(page):
    return " ".join(page.text_content().split())


def choose(client, data, next_name="checkout:payment-method"):
    response = client.post(
        reverse("checkout:shipping-method"), {"method_code": "pickup-point", **data}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse(next_name)


def pay_by_invoice_and_review(client):
    response = client.post(reverse("checkout:payment-method"), {"method": "invoice"})
    assert response["Location"] == reverse("checkout:preview")
    response = client.get(reverse("checkout:preview"))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def place(client):
    response = place_order(client)
    assert response["Location"] == reverse("checkout:thank-you"), response
    thank_you = client.get(reverse("checkout:thank-you"))
    assert thank_you.status_code == 200
    return Order.objects.get(), lxml.html.fromstring(thank_you.content.decode())


def confirmation_of(order):
    """The customer's confirmation (the staff notification goes elsewhere)."""
    (email,) = [
        email
        for email in OutgoingEmail.objects.filter(subject__contains=order.number)
        if email.to == [order.email]
    ]
    return email


# --- The list ---------------------------------------------------------------------


def test_the_points_nearest_the_address_are_listed_with_the_nearest_chosen(
    client, shop, bring_fake, buyer, each_language
):
    to_delivery_step(client, shop)

    page = delivery_page(client)

    expected = nearest("0155")
    assert len(expected) == pickup_points.HOW_MANY
    assert offered(page) == [
        (point["id"], point["name"], index == 0) for index, point in enumerate(expected)
    ]
    choices = page.xpath("//fieldset[contains(@class, 'pickup-points')]")[0]
    assert "0155" in choices.xpath("./legend")[0].text_content()
    shown = text(choices)
    # The visiting address, as people write it; never Bring's postbox.
    assert "Jernbanetorget 1, 0154 Oslo" in shown
    assert "Tollbugata 24, 0157 Oslo" in shown
    assert "POSTBOKS" not in shown.upper()
    assert HOURS[each_language] in shown
    distance = expected[0]["distanceInKm"]
    if each_language == "nb":
        distance = distance.replace(".", ",")
    assert f"{distance} km" in shown
    # The choice goes with the pickup-point method's own button.
    form = choices.getparent()
    assert form.xpath(".//input[@name='method_code']/@value") == ["pickup-point"]
    assert form.xpath(".//input[@name='pickup_postcode']/@value") == ["0155"]
    assert bring_fake.requests[0][2]["X-Bring-Client-URL"]


def test_choosing_a_point_puts_it_on_the_review_page_and_the_order(
    client, shop, bring_fake, buyer, each_language
):
    to_delivery_step(client, shop)
    third = nearest("0155")[2]
    delivery_page(client)

    choose(client, {"pickup_point": third["id"], "pickup_postcode": "0155"})
    review = pay_by_invoice_and_review(client)

    choice = review.get_element_by_id("delivery-choice")
    assert third["name"] in text(choice)
    assert third["visitingAddress"].title() in text(choice)
    assert choice.xpath(".//a/@href") == [reverse("checkout:shipping-method")]
    # Back at the delivery step, the chosen point is still the one ticked.
    again = offered(delivery_page(client))
    assert [point_id for point_id, _, checked in again if checked] == [third["id"]]

    order, thank_you = place(client)
    street = third["visitingAddress"].title()
    assert order.pickup_point_id == third["id"]
    assert order.pickup_point_name == third["name"]
    assert order.pickup_point_address == f"{street}\n{third['visitingPostalCode']} Oslo"
    assert order.leave_at_door is False
    assert third["name"] in text(thank_you) and street in text(thank_you)
    confirmation = confirmation_of(order)
    for body in (confirmation.text, confirmation.html):
        assert third["name"] in body and street in body
    assert order.language == each_language
    if buyer == "signed in":
        order_page = client.get(
            reverse("customer:order", kwargs={"order_number": order.number})
        ).content.decode()
        assert third["name"] in order_page and street in order_page


def test_another_postcode_lists_its_points_and_one_of_them_is_chosen(
    client, shop, bring_fake, buyer
):
    to_delivery_step(client, shop)

    page = delivery_page(client, postcode="5003")

    bergen = nearest("5003")
    assert [name for _, name, _ in offered(page)] == [p["name"] for p in bergen]
    assert offered(page)[0][2] is True
    legend = page.xpath("//fieldset[contains(@class, 'pickup-points')]/legend")[0]
    assert "5003" in legend.text_content()
    assert page.xpath("//input[@name='pickup_postcode']/@value") == ["5003"]
    search = page.xpath("//form[@class='pickup-search']")[0]
    assert search.get("method") == "get"
    assert search.xpath(".//input[@name='postcode']/@value") == ["5003"]
    # Both methods are still offered, each with its own button.
    assert page.xpath("//input[@name='method_code']/@value") == [
        "pickup-point",
        "home-delivery",
    ]

    choose(client, {"pickup_point": bergen[1]["id"], "pickup_postcode": "5003"})
    review = pay_by_invoice_and_review(client)
    assert bergen[1]["name"] in text(review.get_element_by_id("delivery-choice"))
    order, _ = place(client)
    assert order.pickup_point_id == bergen[1]["id"]
    assert order.pickup_point_address.endswith(
        f"{bergen[1]['visitingPostalCode']} Bergen"
    )


@pytest.mark.parametrize("typed", ["12a4", "123", "01555", "", "0150'--"])
def test_an_invalid_postcode_is_explained_and_the_address_list_stays(
    client, shop, bring_fake, typed, each_language
):
    to_delivery_step(client, shop)
    bring_fake.requests.clear()

    page = delivery_page(client, postcode=typed)

    error = page.xpath("//form[@class='pickup-search']//p[@class='field-error']")
    assert error, "no message next to the postcode"
    expected = (
        _("Type a postcode to search for pickup points.")
        if not typed
        else _("A Norwegian postcode has four digits, for example 0155.")
    )
    assert expected in error[0].text_content()
    assert [name for _, name, _ in offered(page)] == [
        p["name"] for p in nearest("0155")
    ]
    # Nothing was asked of Bring for it.
    assert all("0155.json" in path for path, _, _ in bring_fake.requests)


def test_a_valid_postcode_bring_knows_no_point_for_gets_the_fallback(
    client, shop, bring_fake
):
    to_delivery_step(client, shop)

    page = delivery_page(client, postcode="2999")

    assert offered(page) == []
    assert _(
        "We found no pickup points near %(postcode)s. We will send it to the pickup "
        "point nearest your address."
    ) % {"postcode": "2999"} in text(page)


def test_a_point_not_in_the_list_is_refused_and_the_list_shown_again(
    client, shop, bring_fake
):
    to_delivery_step(client, shop)
    delivery_page(client)

    response = client.post(
        reverse("checkout:shipping-method"),
        {
            "method_code": "pickup-point",
            "pickup_point": "999999",
            "pickup_postcode": "0155",
        },
    )

    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    assert _("Choose one of the pickup points listed.") in text(page)
    assert len(offered(page)) == pickup_points.HOW_MANY
    assert client.session["checkout_data"].get("delivery") is None


# --- Bring down, slow or wrong ----------------------------------------------------


@pytest.mark.parametrize("fault", ["500", "503", "timeout", "not json", "wrong keys"])
def test_bring_failing_falls_back_and_the_order_is_still_placed(
    client, shop, bring_fake, settings, buyer, fault, caplog
):
    to_delivery_step(client, shop)
    if fault == "timeout":
        bring_fake.hang_next(2)  # BRING_TIMEOUT_SECONDS is 0.5
    elif fault == "not json":
        bring_fake.garble_next()
    elif fault == "wrong keys":
        settings.BRING_API_KEY = "not-the-key"
    else:
        bring_fake.fail_next(int(fault))

    with caplog.at_level(logging.WARNING, logger="shop.commerce.shipping"):
        page = delivery_page(client)

    assert offered(page) == []
    notice = page.xpath("//li[@id='method-pickup-point']//p[@class='notice']")[0]
    assert _(FALLBACK) in notice.text_content()
    assert [r.getMessage() for r in caplog.records if "Bring" in r.getMessage()]
    for record in caplog.records:  # nothing about the customer in the log
        assert "0155" not in record.getMessage()
        assert "Storgata" not in record.getMessage()

    choose(client, {})
    review = pay_by_invoice_and_review(client)
    fallback = _("Pickup point: the one nearest your delivery address.")
    assert fallback in text(review.get_element_by_id("delivery-choice"))
    order, thank_you = place(client)
    assert (order.pickup_point_id, order.pickup_point_name) == ("", "")
    assert order.shipping_code == "pickup-point"
    assert fallback in text(thank_you)


def test_bring_gone_between_the_list_and_the_choice_still_places_the_order(
    client, shop, bring_fake
):
    from django.core.cache import cache

    to_delivery_step(client, shop)
    chosen = offered(delivery_page(client))[1][0]
    cache.clear()  # the list has expired meanwhile, and Bring is down now
    bring_fake.fail_next(502)

    choose(client, {"pickup_point": chosen, "pickup_postcode": "0155"})

    pay_by_invoice_and_review(client)
    order, _page = place(client)
    assert order.pickup_point_id == ""


def test_without_mybring_keys_no_call_is_made_and_the_fallback_shows(
    client, shop, bring_fake, settings
):
    settings.BRING_API_UID = ""
    to_delivery_step(client, shop)

    page = delivery_page(client)

    assert offered(page) == []
    assert _(FALLBACK) in text(page)
    assert bring_fake.requests == []


# --- The cache --------------------------------------------------------------------


def test_the_list_is_asked_of_bring_once_per_postcode(client, shop, bring_fake):
    to_delivery_step(client, shop)

    first = offered(delivery_page(client))
    with translation.override("en" if translation.get_language() == "nb" else "nb"):
        other_language = delivery_page(client)  # the other language's hours
    again = offered(delivery_page(client))

    assert first == again == offered(other_language)
    assert bring_fake.calls_for("0155") == 1
    delivery_page(client, postcode="5003")
    delivery_page(client, postcode="5003")
    assert bring_fake.calls_for("5003") == 1


def test_a_failure_is_not_asked_again_at_once_but_soon(
    client, shop, bring_fake, monkeypatch
):
    to_delivery_step(client, shop)
    bring_fake.fail_next(500)

    delivery_page(client)
    page = delivery_page(client)

    assert offered(page) == []
    assert bring_fake.calls_for("0155") == 1  # not hammered while it is down

    # A minute later the cache (local memory, reading time.time()) has let
    # the failure go: Bring is asked again, and is back.
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 61)
    assert len(offered(delivery_page(client))) == pickup_points.HOW_MANY
    assert bring_fake.calls_for("0155") == 2
    # An answer is kept for hours.
    monkeypatch.setattr(time, "time", lambda: now + 61 + 5 * 60 * 60)
    delivery_page(client)
    assert bring_fake.calls_for("0155") == 2


# --- The door -----------------------------------------------------------------------


def test_home_delivery_leaves_the_parcel_at_the_door_only_when_ticked(
    client, shop, bring_fake, buyer
):
    to_delivery_step(client, shop)
    page = delivery_page(client)
    box = page.xpath("//li[@id='method-home-delivery']//input[@type='checkbox']")[0]
    label = page.xpath(f"//label[@for='{box.get('id')}']")[0]
    assert text(label) == _("The parcel may be left at the door if no one is home")
    assert box.get("checked") is None  # never ticked for the customer

    choose_home = {"method_code": "home-delivery"}
    client.post(reverse("checkout:shipping-method"), choose_home)
    review = pay_by_invoice_and_review(client)
    assert _("The parcel is not to be left at the door.") in text(
        review.get_element_by_id("delivery-choice")
    )

    client.post(
        reverse("checkout:shipping-method"), {**choose_home, "leave_at_door": "on"}
    )
    review = pay_by_invoice_and_review(client)
    consent = _("The parcel may be left at the door if no one is home.")
    assert consent in text(review.get_element_by_id("delivery-choice"))
    ticked = delivery_page(client)
    assert ticked.xpath("//input[@name='leave_at_door']")[0].get("checked") is not None

    order, thank_you = place(client)
    assert order.leave_at_door is True
    assert order.pickup_point_id == ""
    assert consent in text(thank_you)
    confirmation = confirmation_of(order)
    assert consent in confirmation.text and consent in confirmation.html


def test_choosing_home_delivery_forgets_the_pickup_point(client, shop, bring_fake):
    to_delivery_step(client, shop)
    first = offered(delivery_page(client))[0][0]
    choose(client, {"pickup_point": first, "pickup_postcode": "0155"})

    client.post(reverse("checkout:shipping-method"), {"method_code": "home-delivery"})
    pay_by_invoice_and_review(client)
    order, _page = place(client)

    assert order.shipping_code == "home-delivery"
    assert (order.pickup_point_id, order.leave_at_door) == ("", False)


# --- Staff, e-mails and personal data -------------------------------------------------


@pytest.fixture
def pickup_order(client, shop, bring_fake):
    to_delivery_step(client, shop)
    point = nearest("0155")[1]
    delivery_page(client)
    choose(client, {"pickup_point": point["id"], "pickup_postcode": "0155"})
    pay_by_invoice_and_review(client)
    order, _page = place(client)
    return order, point


def test_staff_see_the_point_on_the_order_page_the_packing_slip_and_shipped_email(
    accounts, pickup_order
):
    order, point = pickup_order
    street = point["visitingAddress"].title()
    manager = client_for(accounts["manager"])

    with translation.override("en"):
        page = manager.get(reverse("admin:order_order_change", args=[order.pk]))
        slip = manager.get(reverse("admin-packing-slip", args=[order.pk]))
    html = page.content.decode()
    assert point["name"] in html and street in html and point["id"] in html
    slip_text = " ".join(text_of(slip.content).split())
    assert point["name"] in slip_text and point["id"] in slip_text
    assert street in slip_text

    handling.mark_paid(order, by=accounts["manager"])
    handling.mark_shipped(
        order, tracking_number="70730259304981234", by=accounts["manager"]
    )
    shipped = OutgoingEmail.objects.get(text__contains="70730259304981234")
    for body in (shipped.text, shipped.html):
        assert point["name"] in body and street in body


def test_the_door_consent_shows_on_the_staff_order_page(client, shop, accounts):
    to_delivery_step(client, shop)
    client.post(
        reverse("checkout:shipping-method"),
        {"method_code": "home-delivery", "leave_at_door": "on"},
    )
    pay_by_invoice_and_review(client)
    order, _page = place(client)

    with translation.override("en"):
        html = client_for(accounts["manager"]).get(
            reverse("admin:order_order_change", args=[order.pk])
        )
    assert "the customer agreed it may be left at the door" in html.content.decode()


def test_the_point_is_in_the_data_export_and_goes_with_anonymisation(pickup_order):
    order, point = pickup_order

    exported = order_privacy.order_data(order)
    assert exported["pickup_point"]["id"] == point["id"]
    assert exported["pickup_point"]["name"] == point["name"]

    assert order_privacy.anonymise_orders(Order.objects.all()) == 1
    order.refresh_from_db()
    assert (order.pickup_point_id, order.pickup_point_name) == ("", "")
    assert order.pickup_point_address == ""
    assert order_privacy.anonymise_orders(Order.objects.all()) == 0
