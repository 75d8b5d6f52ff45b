"""Paying with Vipps, end to end, against the local fake Vipps over HTTP:
placing sends the customer to Vipps, the return page and the signed webhook
ask or tell Vipps' state (never the address), and reconciliation settles
what nobody was told about."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from shop.commerce.payments import methods
from shop.commerce.payments.models import VippsEvent, VippsPayment
from tests.helpers import add_routine, checkout_until_review, place_order
from tests.payments.vipps_orders import (
    PHONE,
    order_with_vipps,
    post_vipps_webhook,
    return_from_vipps,
    vipps_event,
)

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


def allocated(shop):
    return [p.stockrecords.get().num_allocated or 0 for p in shop.products]


def age(order, minutes):
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - timedelta(minutes=minutes)
    )


def test_vipps_is_offered_first_when_configured(client, shop, vipps_fake, settings):
    add_routine(client, shop)
    page = client.get(reverse("checkout:payment-method"))
    assert page.status_code == 302  # no e-mail yet: the gateway first
    assert [m.code for m in methods.available()][0] == "vipps"
    settings.VIPPS_CLIENT_ID = ""
    assert "vipps" not in [m.code for m in methods.available()]


def test_a_vipps_order_holds_its_stock_and_sends_the_customer_to_vipps(
    client, shop, vipps_fake, vipps_order
):
    order, reference, response = vipps_order

    assert response["Location"] == vipps_fake.landing_url(reference)
    assert order.status == "Pending payment"
    assert reference.startswith(f"order-{order.number}-")
    payment = vipps_fake.payments[reference]
    assert payment["amount"] == {"currency": "NOK", "value": 146795}
    assert vipps_fake._orders[reference]["userFlow"] == "WEB_REDIRECT"
    assert vipps_fake._orders[reference]["returnUrl"] == (
        f"http://testserver{reverse('checkout:vipps-return')}?reference={reference}"
    )
    assert allocated(shop) == [1, 1, 1, 1]
    assert order.basket.status == Basket.FROZEN
    assert VippsPayment.objects.get().reference == reference
    assert mail.outbox == []  # nothing is confirmed before Vipps reserves it


def test_on_a_phone_the_payment_switches_to_the_vipps_app(client, shop, vipps_fake):
    _, reference, _ = order_with_vipps(client, shop, User_Agent=PHONE)

    assert vipps_fake._orders[reference]["userFlow"] == "NATIVE_REDIRECT"


def test_approved_and_returned_the_order_is_confirmed_with_the_money_reserved(
    client, shop, vipps_fake, vipps_order, django_capture_on_commit_callbacks
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)

    with django_capture_on_commit_callbacks(execute=True):
        response = return_from_vipps(client, reference)

    assert response["Location"] == reverse("checkout:thank-you")
    order.refresh_from_db()
    assert order.status == "Payment reserved"
    source = order.sources.get()
    assert source.source_type.name == "Vipps"
    assert source.amount_allocated == Decimal("1467.95")
    assert source.amount_debited == 0  # reserved, not taken
    assert order.basket.status == Basket.SUBMITTED
    assert not order.sales_documents.exists()  # the receipt comes at capture
    assert [m.to for m in mail.outbox] == [
        ["kari@example.no"],
        ["hello@skinome.example"],
    ]
    assert "is reserved in Vipps and charged when your parcel ships" in (
        mail.outbox[0].body
    )
    assert [name for name, _, _ in mail.outbox[0].attachments] == [
        f"withdrawal-form-{order.number}.pdf"
    ]
    page = client.get(response["Location"]).content.decode()
    assert order.number in page and "Vipps has reserved 1.467,95\xa0NOK" in page
    record = VippsPayment.objects.get()
    assert (record.state, record.authorized_amount) == (
        "AUTHORIZED",
        Decimal("1467.95"),
    )


def test_declined_the_order_is_gone_and_the_basket_is_back(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order
    vipps_fake.decline(reference)

    response = return_from_vipps(client, reference)

    assert response["Location"] == reverse("checkout:payment-method")
    assert not Order.objects.exists()
    assert allocated(shop) == [0, 0, 0, 0]
    basket = Basket.objects.get()
    assert basket.status == Basket.OPEN and basket.num_lines == 4
    page = client.get(response["Location"], follow=True).content.decode()
    assert "Your Vipps payment was not completed and nothing was charged" in page
    assert mail.outbox == []


def test_abandoned_the_customer_is_told_we_wait_then_reconciliation_discards_it(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order

    page = return_from_vipps(client, reference)  # back without approving

    assert page.status_code == 200
    text = page.content.decode()
    assert "We are waiting for your payment to be approved in Vipps" in text
    assert vipps_fake.landing_url(reference) in text  # open Vipps again
    order.refresh_from_db()
    assert order.status == "Pending payment"
    age(order, 31)
    out = StringIO()
    call_command("reconcile_payments", stdout=out)
    assert "still open: 1" in out.getvalue()  # Vipps expires it, not the shop
    assert Order.objects.exists()

    vipps_fake.expire(reference)  # Vipps' 10 minutes are over
    out = StringIO()
    call_command("reconcile_payments", stdout=out)

    assert "discarded: 1" in out.getvalue()
    assert not Order.objects.exists()
    assert allocated(shop) == [0, 0, 0, 0]
    assert Basket.objects.get().status == Basket.OPEN


def test_paying_another_way_from_the_waiting_page_cancels_the_payment_at_vipps(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order

    response = client.post(reverse("checkout:vipps-return"), {"reference": reference})

    assert response["Location"] == reverse("checkout:payment-method")
    assert vipps_fake.payments[reference]["state"] == "TERMINATED"
    assert not Order.objects.exists()
    assert Basket.objects.get().status == Basket.OPEN
    with pytest.raises(ValueError):
        vipps_fake.approve(reference)  # it can no longer be approved


def test_placing_again_after_a_decline_makes_a_new_payment(
    client, shop, vipps_fake, vipps_order
):
    order, first, _ = vipps_order
    vipps_fake.decline(first)
    return_from_vipps(client, first)

    response = client.post(reverse("checkout:payment-method"), {"method": "vipps"})
    client.get(response["Location"])
    again = place_order(client)

    second = again["Location"].rsplit("/", 1)[1]
    assert second != first and Order.objects.get().number == order.number
    vipps_fake.approve(second)
    # The first attempt's late news is about no payment of ours any more.
    post_vipps_webhook(vipps_fake, vipps_event(vipps_fake, first, "ABORTED"))
    assert return_from_vipps(client, second)["Location"] == reverse(
        "checkout:thank-you"
    )
    assert Order.objects.get().status == "Payment reserved"


@pytest.mark.parametrize("after_acting", [False, True])
def test_a_timeout_on_create_is_retried_with_the_same_key_and_one_payment(
    client, shop, vipps_fake, after_acting
):
    vipps_fake.hang_next(2, after_acting=after_acting)  # longer than the timeout

    order, reference, response = order_with_vipps(client, shop)

    assert response["Location"] == vipps_fake.landing_url(reference)
    assert list(vipps_fake.payments) == [reference]  # one payment at Vipps
    creates = [
        r for r in vipps_fake.requests if r[0] == "POST" and r[1].endswith("/payments")
    ]
    assert len(creates) == 2
    assert len({r[2]["Idempotency-Key"] for r in creates}) == 1
    assert order.status == "Pending payment"


@pytest.mark.parametrize("after_acting", [False, True])
def test_a_5xx_on_create_is_retried_once_and_then_rolled_back(
    client, shop, vipps_fake, after_acting
):
    vipps_fake.fail_next(503, times=2, after_acting=after_acting)
    add_routine(client, shop)
    checkout_until_review(client, method="vipps")
    response = place_order(client)

    assert response["Location"] == reverse("checkout:payment-method")
    assert not Order.objects.exists() and not VippsPayment.objects.exists()
    assert allocated(shop) == [0, 0, 0, 0]
    assert Basket.objects.get().status == Basket.OPEN
    page = client.get(response["Location"]).content.decode()
    assert "Vipps is not available right now, nothing was charged" in page
    # Trying again works. A payment the fake made before failing has a link
    # nobody was given: it can only expire.
    again = place_order(client)
    assert again.status_code == 302 and "/landing/" in again["Location"]
    assert len(vipps_fake.payments) == (2 if after_acting else 1)


def test_one_5xx_on_create_is_absorbed_by_the_retry(client, shop, vipps_fake):
    vipps_fake.fail_next(500, after_acting=True)

    _, reference, response = order_with_vipps(client, shop)

    assert list(vipps_fake.payments) == [reference]


def test_vipps_down_on_return_loses_nothing_and_says_so(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)
    vipps_fake.fail_next(500, times=5)

    page = return_from_vipps(client, reference)

    assert page.status_code == 200
    assert "We could not reach Vipps to check your payment" in page.content.decode()
    order.refresh_from_db()
    assert order.status == "Pending payment"
    vipps_fake._faults.clear()
    assert return_from_vipps(client, reference)["Location"] == reverse(
        "checkout:thank-you"
    )


def test_the_return_address_alone_confirms_nothing(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order  # not approved at Vipps

    client.get(
        reverse("checkout:vipps-return"),
        {"reference": reference, "state": "AUTHORIZED"},
    )
    unknown = client.get(
        reverse("checkout:vipps-return"), {"reference": "order-nope-1234"}
    )

    order.refresh_from_db()
    assert order.status == "Pending payment"
    assert unknown["Location"] == reverse("basket:summary")


def test_webhook_before_return_confirms_once_with_one_email(
    client, shop, vipps_fake, vipps_order, django_capture_on_commit_callbacks
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)
    event = vipps_event(vipps_fake, reference, "AUTHORIZED")

    with django_capture_on_commit_callbacks(execute=True):
        first = post_vipps_webhook(vipps_fake, event)
        replay = post_vipps_webhook(vipps_fake, event)
        response = return_from_vipps(client, reference)

    assert first.status_code == replay.status_code == 200
    assert replay.content == b"Already handled."
    assert response["Location"] == reverse("checkout:thank-you")
    order.refresh_from_db()
    assert order.status == "Payment reserved"
    assert order.sources.count() == 1 and order.status_changes.count() == 1
    assert len([m for m in mail.outbox if m.to == ["kari@example.no"]]) == 1
    assert VippsEvent.objects.filter(name="AUTHORIZED").count() == 1


def test_return_before_webhook_confirms_once_with_one_email(
    client, shop, vipps_fake, vipps_order, django_capture_on_commit_callbacks
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)

    with django_capture_on_commit_callbacks(execute=True):
        return_from_vipps(client, reference)
        late = post_vipps_webhook(
            vipps_fake, vipps_event(vipps_fake, reference, "AUTHORIZED")
        )

    assert late.status_code == 200
    order.refresh_from_db()
    assert order.status == "Payment reserved"
    assert order.status_changes.count() == 1 and order.payment_events.count() == 1
    assert len([m for m in mail.outbox if m.to == ["kari@example.no"]]) == 1


def test_a_declined_webhook_discards_the_order_and_the_return_gives_the_basket(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order
    vipps_fake.decline(reference)

    assert (
        post_vipps_webhook(
            vipps_fake, vipps_event(vipps_fake, reference, "ABORTED")
        ).status_code
        == 200
    )
    assert not Order.objects.exists()
    response = return_from_vipps(client, reference)

    assert response["Location"] == reverse("checkout:payment-method")
    assert Basket.objects.get().status == Basket.OPEN


@pytest.mark.parametrize(
    "tamper", ["wrong secret", "changed body", "too old", "no signature"]
)
def test_a_webhook_vipps_did_not_sign_is_refused_and_changes_nothing(
    client, shop, vipps_fake, vipps_order, tamper
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)
    event = vipps_event(vipps_fake, reference, "AUTHORIZED")
    kwargs = {}
    if tamper == "wrong secret":
        kwargs["secret"] = "someone-elses-secret"
    elif tamper == "changed body":
        kwargs["body"] = str(event).replace("146795", "100").encode()
    elif tamper == "too old":
        kwargs["date"] = "Mon, 01 Jan 2024 10:00:00 GMT"

    if tamper == "no signature":
        response = Client().post(
            "/vipps/webhook/", event, content_type="application/json"
        )
    else:
        response = post_vipps_webhook(vipps_fake, event, **kwargs)

    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == "Pending payment"
    assert not VippsEvent.objects.exists()


def test_unknown_events_and_payments_not_ours_are_answered_200(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)
    event = vipps_event(vipps_fake, reference, "AUTHORIZED")

    answers = [
        post_vipps_webhook(vipps_fake, {**event, "name": "SOMETHING_NEW"}),
        post_vipps_webhook(vipps_fake, {**event, "reference": "another-shop-1"}),
        post_vipps_webhook(vipps_fake, {"hello": "world"}),
    ]

    assert [a.status_code for a in answers] == [200, 200, 200]
    assert {a.content for a in answers} == {
        b"Ignored: not about an order of this shop."
    }
    order.refresh_from_db()
    assert order.status == "Pending payment"


def test_a_reservation_that_is_not_the_total_is_left_for_staff(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)
    event = vipps_event(vipps_fake, reference, "AUTHORIZED")
    event["amount"]["value"] = 100

    post_vipps_webhook(vipps_fake, event)

    order.refresh_from_db()
    assert order.status == "Pending payment"
    assert (
        "does not match the order's total"
        in order.notes.get(message__contains="Vipps reports").message
    )


def test_reconciliation_confirms_an_approved_payment_nobody_returned_from(
    client, shop, vipps_fake, vipps_order, django_capture_on_commit_callbacks
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)  # the customer closed the app; webhook lost
    age(order, 31)
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("reconcile_payments", stdout=out)

    assert "confirmed: 1" in out.getvalue()
    order.refresh_from_db()
    assert order.status == "Payment reserved"
    assert len(mail.outbox) == 2


def test_reconciliation_counts_vipps_down_and_changes_nothing(
    client, shop, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)
    age(order, 31)
    vipps_fake.fail_next(503, times=3)
    out = StringIO()

    call_command("reconcile_payments", stdout=out)

    assert "Vipps unreachable: 1" in out.getvalue()
    order.refresh_from_db()
    assert order.status == "Pending payment"


def test_the_return_page_is_in_bokmaal_at_the_bokmaal_address(
    client, shop, vipps_fake, vipps_order
):
    _, reference, _ = vipps_order
    with translation.override("nb"):
        url = reverse("checkout:vipps-return")

    page = client.get(url, {"reference": reference})

    assert url.startswith("/kassen/")
    assert page.status_code == 200 and '<html lang="nb"' in page.content.decode()
