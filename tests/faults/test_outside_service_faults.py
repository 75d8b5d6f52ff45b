"""The real shop with its outside services failing: the mail server hangs,
Stripe is slow, then down. Orders are neither lost nor doubled, and where
the customer must act the page says what to do.

Every other test of tests/faults/ runs with the mail server's port closed.
"""

import pytest

from tests.fake_stripe import FakeStripe
from tests.faults.conftest import (
    PAYMENT_METHOD,
    THANK_YOU,
    WEBHOOK,
    Visitor,
    assert_no_server_errors,
)
from tests.faulty_services import HungServer

CARD_UNAVAILABLE = "Card payment is not available right now and nothing was charged"

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db,  # the test database is set up (see conftest)
]


def test_with_the_mail_server_hung_the_order_is_placed_and_its_mail_waits(
    faulty_shop, start_shop
):
    with HungServer() as smtp:
        server = start_shop(EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}")
        visitor = Visitor(server)
        visitor.add_routine(faulty_shop)
        visitor.checkout_until_review()

        placed = visitor.place_order()  # within the page timeout

    assert placed.headers["Location"] == THANK_YOU
    assert "Thank you" in visitor.get(THANK_YOU).text
    assert len(faulty_shop.database.order_numbers()) == 1
    assert faulty_shop.database.unsent_emails() == 2  # the customer's and staff's
    visitor.figures("mail server hung")
    assert_no_server_errors(visitor)


def test_with_stripe_slow_then_down_no_order_is_lost_or_doubled(
    faulty_shop, start_shop
):
    with FakeStripe() as stripe:
        stripe.timeout_seconds = 3
        server = start_shop(
            STRIPE_SECRET_KEY="sk_test_shop",
            STRIPE_API_BASE=stripe.url,
            STRIPE_WEBHOOK_SECRET=stripe.webhook_secret,
            STRIPE_TIMEOUT_SECONDS="1",
        )
        stripe.webhook_url = server.url + WEBHOOK
        visitor = Visitor(server)
        visitor.add_routine(faulty_shop)
        visitor.checkout_until_review(method="card")

        # Slow: Stripe answers after the shop stopped waiting.
        stripe.next_create = "timeout"
        slow = visitor.place_order()
        assert slow.headers["Location"] == PAYMENT_METHOD
        assert CARD_UNAVAILABLE in visitor.get(slow.headers["Location"]).text
        assert faulty_shop.database.order_numbers() == []

        # Answering again: the same basket pays, once.
        visitor.post(PAYMENT_METHOD, {"method": "card"})
        to_stripe = visitor.place_order()
        session_id = to_stripe.headers["Location"].rsplit("/", 1)[1]
        stripe.complete(session_id)
        assert stripe.webhook_responses == [200]
        (paid,) = faulty_shop.database.order_numbers()

        # Down: no card payment, and invoice still works.
        stripe.stop()
        visitor.add_routine(faulty_shop)
        visitor.checkout_until_review(method="card")
        down = visitor.place_order()
        assert CARD_UNAVAILABLE in visitor.get(down.headers["Location"]).text
        assert faulty_shop.database.order_numbers() == [paid]
        visitor.post(PAYMENT_METHOD, {"method": "invoice"})
        by_invoice = visitor.place_order()

    assert by_invoice.headers["Location"] == THANK_YOU
    assert len(set(faulty_shop.database.order_numbers()) - {paid}) == 1
    status = dict(faulty_shop.database.rows("SELECT number, status FROM order_order"))
    assert status[paid] == "Paid"
    visitor.figures("Stripe slow, then down")
    assert_no_server_errors(visitor)
