"""Many Vipps checkouts while Vipps fails at random, against the fake Vipps.

Each guest's checkout meets a fault drawn from a fixed seed: a 5xx or a
timeout on creating the payment (before or after Vipps acted), Vipps down
when the customer returns, webhooks lost, repeated or out of order, a 5xx
on capture. Then reconciliation runs and staff ship what was reserved. The
shop must come out with every approved order confirmed once, e-mailed once
and captured once, no payment charged twice, and every basket of an order
that did not happen given back. The figures are printed (`pytest -s`).
"""

import random
from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model

from shop.commerce.order import handling
from tests.helpers import add_routine, checkout_until_review, place_order
from tests.payments.vipps_orders import (
    post_vipps_webhook,
    return_from_vipps,
    vipps_event,
)

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

SEED = 14
CHECKOUTS = 24
# One fault on the call that creates the payment: (kind, times, after_acting).
CREATE_FAULTS = [
    None,
    ("fail", 1, False),
    ("fail", 1, True),
    ("hang", 1, True),
    ("fail", 2, False),  # the retry fails too: the order is rolled back
]


def inject(fake, fault):
    if fault is None:
        return
    kind, times, after_acting = fault
    if kind == "fail":
        fake.fail_next(500, times=times, after_acting=after_acting)
    else:
        fake.hang_next(1.5, times=times, after_acting=after_acting)


def test_random_vipps_faults_never_charge_twice_nor_lose_an_order(
    shop, vipps_fake, settings, staff_user, django_capture_on_commit_callbacks
):
    settings.SHOP_MAIL_RATE_PER_IP = "1000/h"  # one machine plays every guest
    rng = random.Random(SEED)
    figures = Counter()
    checkouts = []
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(CHECKOUTS):
            client, email = Client(), f"guest{number}@example.no"
            add_routine(client, shop)
            review = checkout_until_review(client, email=email, method="vipps")
            basket_id = review.context["basket"].id
            fault = rng.choice(CREATE_FAULTS)
            inject(vipps_fake, fault)
            figures["faults injected"] += fault is not None
            response = place_order(client)
            order = Order.objects.filter(guest_email=email).first()
            reference = response["Location"].rsplit("/", 1)[1] if order else None
            outcome = rng.choice(["approve"] * 6 + ["decline"] * 2 + ["abandon"] * 2)
            checkouts.append((basket_id, email, order, reference, outcome, fault))
            if order is None:
                figures["checkouts Vipps could not start"] += 1
                continue
            if outcome == "approve":
                vipps_fake.approve(reference)
            elif outcome == "decline":
                vipps_fake.decline(reference)
            name = {"approve": "AUTHORIZED", "decline": "ABORTED"}.get(outcome)
            webhooks = rng.choice([0, 1, 1, 2, 3]) if name else 0
            if rng.random() < 0.5:  # the webhook may come before the customer
                for _ in range(webhooks):
                    post_vipps_webhook(
                        vipps_fake, vipps_event(vipps_fake, reference, name)
                    )
                figures["webhooks delivered"] += webhooks
                webhooks = 0
            if outcome != "abandon" and rng.random() < 0.7:
                if rng.random() < 0.25:
                    vipps_fake.fail_next(503)  # Vipps down as the customer returns
                    figures["faults injected"] += 1
                return_from_vipps(client, reference)
            for _ in range(webhooks):
                post_vipps_webhook(vipps_fake, vipps_event(vipps_fake, reference, name))
            figures["webhooks delivered"] += webhooks

        # Later: Vipps has expired what nobody approved, and reconciliation
        # settles whatever neither the customer nor a webhook told the shop.
        for _, _, order, reference, outcome, _ in checkouts:
            if order is not None and outcome == "abandon":
                vipps_fake.expire(reference)
        Order.objects.update(date_placed=timezone.now() - timedelta(hours=1))
        call_command("reconcile_payments", stdout=StringIO())

        for order in Order.objects.filter(status="Payment reserved"):
            if rng.random() < 0.3:
                vipps_fake.fail_next(500, after_acting=rng.random() < 0.5)
                figures["faults injected"] += 1
                with pytest.raises(handling.HandlingRefused):
                    handling.mark_shipped(
                        order, tracking_number="70730259304981234", by=staff_user
                    )
                figures["captures refused, then retried by staff"] += 1
            handling.mark_shipped(
                order, tracking_number="70730259304981234", by=staff_user
            )

    for basket_id, email, order, reference, outcome, fault in checkouts:
        placed = order is not None
        payments = [
            r
            for r in vipps_fake.payments
            if placed and r.startswith(f"order-{order.number}-")
        ]
        assert len(payments) == (1 if placed else 0), (email, fault)
        confirmations = [m for m in mail.outbox if m.to == [email]]
        if placed and outcome == "approve":
            order.refresh_from_db()
            assert order.status == "Shipped", (email, fault)
            aggregate = vipps_fake.payments[reference]["aggregate"]
            assert aggregate["capturedAmount"]["value"] == 146795
            captures = [
                e for e in vipps_fake.events(reference) if e["name"] == "CAPTURED"
            ]
            assert len(captures) == 1
            # The confirmation, then the shipped e-mail with the receipt.
            assert len(confirmations) == 2, (email, [m.subject for m in confirmations])
            figures["orders confirmed, captured once, e-mailed once"] += 1
        else:
            assert not Order.objects.filter(guest_email=email).exists(), (
                email,
                outcome,
            )
            # The basket is open again, as the customer left it.
            basket = Basket.objects.get(pk=basket_id)
            assert basket.status == Basket.OPEN and basket.num_items == 4
            assert confirmations == []
            figures["orders that did not happen, nothing kept or sent"] += 1
    # Stock: only the shipped orders took units; nothing is left held.
    for product in shop.products:
        record = product.stockrecords.get()
        assert (record.num_allocated or 0) == 0
    figures["double charges"] = sum(
        len([e for e in vipps_fake.events(r) if e["name"] == "CAPTURED"]) > 1
        for r in vipps_fake.payments
    )
    assert figures["double charges"] == 0
    print(f"\nVipps fault storm, {CHECKOUTS} checkouts, seed {SEED}:")  # noqa: T201
    for name, count in figures.items():
        print(f"  {name}: {count}")  # noqa: T201
