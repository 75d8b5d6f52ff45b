"""``manage.py apply_retention``: orders past the bookkeeping period lose
their buyer (and only those), abandoned baskets, expired sessions, old outbox
rows and expired sign-in pauses go; a second run changes nothing."""

import datetime
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from shop.commerce.order_privacy import bookkeeping_cutoff
from shop.commerce.outbox import mail
from shop.commerce.outbox.models import OutgoingEmail
from shop.commerce.partner.strategy import Selector
from tests.helpers import make_product
from tests.test_personal_data import order_for

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
ShippingAddress = get_model("order", "ShippingAddress")
BillingAddress = get_model("order", "BillingAddress")


def oslo(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def run():
    out = StringIO()
    call_command("apply_retention", stdout=out)
    return out.getvalue()


def placed(order, when):
    Order.objects.filter(pk=order.pk).update(date_placed=when)


def test_the_period_runs_five_years_from_the_end_of_the_financial_year(settings):
    assert settings.SHOP_BOOKKEEPING_YEARS == 5
    # An order of 31 December 2020 is kept through 2025 and goes in 2026.
    assert bookkeeping_cutoff(oslo(2026, 1, 1)) == timezone.make_aware(
        datetime.datetime(2021, 1, 1)
    )
    assert bookkeeping_cutoff(oslo(2025, 12, 31)) == timezone.make_aware(
        datetime.datetime(2020, 1, 1)
    )


def test_orders_past_the_period_lose_their_buyer_and_newer_ones_keep_it(customer):
    this_year = timezone.localtime().year
    old_account_order = order_for(customer, first_name="Kari", line1="Storgata 5")
    old_guest_order = order_for(None, first_name="Ola", line1="Olavs gate 9")
    Order.objects.filter(pk=old_guest_order.pk).update(guest_email="ola@example.no")
    OrderNote.objects.create(order=old_guest_order, message="Ola rang about it")
    kept_order = order_for(customer, first_name="Kari", line1="Storgata 5")
    placed(old_account_order, oslo(this_year - 6, 12, 31))
    placed(old_guest_order, oslo(this_year - 7, 6, 1))
    # The last year still kept: placed on its first day.
    placed(kept_order, timezone.make_aware(datetime.datetime(this_year - 5, 1, 1)))

    output = run()

    assert "orders anonymised (past the bookkeeping period): 2" in output
    for order in (old_account_order, old_guest_order):
        order.refresh_from_db()
        assert order.user is None
        assert order.guest_email == ""
        assert order.shipping_address is None and order.billing_address is None
        assert order.notes.count() == 0
        # What the shop's sales figures need stays.
        assert order.lines.count() == 1 and order.total_incl_tax > 0
    assert not ShippingAddress.objects.filter(first_name="Ola").exists()
    assert not BillingAddress.objects.filter(first_name="Ola").exists()
    kept_order.refresh_from_db()
    assert kept_order.user == customer
    assert kept_order.shipping_address.first_name == "Kari"

    assert "orders anonymised (past the bookkeeping period): 0" in run()


def basket(**fields):
    made = Basket.objects.create(**fields)
    made.strategy = Selector().strategy()
    return made


def test_baskets_nobody_touched_for_the_set_days_are_deleted(settings, customer):
    settings.SHOP_ABANDONED_BASKET_DAYS = 30
    product = make_product()
    long_ago = timezone.now() - timedelta(days=31)
    abandoned = basket()
    abandoned.add_product(product)
    recently_added_to = basket(owner=customer)
    recently_added_to.add_product(product)
    new_and_empty = Basket.objects.create()
    frozen = Basket.objects.create(status=Basket.FROZEN)
    Basket.objects.filter(
        pk__in=[abandoned.pk, recently_added_to.pk, frozen.pk]
    ).update(date_created=long_ago)
    Line.objects.filter(basket=abandoned).update(date_created=long_ago)

    output = run()

    assert "abandoned baskets deleted: 1" in output
    assert set(Basket.objects.values_list("pk", flat=True)) == {
        recently_added_to.pk,
        new_and_empty.pk,
        frozen.pk,
    }
    assert "abandoned baskets deleted: 0" in run()


def test_expired_sessions_old_e_mails_and_sign_in_pauses_are_deleted(settings):
    now = timezone.now()
    Session.objects.create(
        session_key="a" * 32, session_data="", expire_date=now - timedelta(seconds=1)
    )
    Session.objects.create(
        session_key="b" * 32, session_data="", expire_date=now + timedelta(days=1)
    )
    settings.SHOP_OUTBOX_KEEP_DAYS = 180
    for subject in ("old sent", "recent sent", "old never sent", "waiting"):
        mail.queue(
            to=["kari@example.no"],
            subject=subject,
            template="emails/signup_link",
            context={"link": "x", "hours": 1},
        )
    long_ago = now - timedelta(days=181)
    OutgoingEmail.objects.filter(subject="old sent").update(sent_at=long_ago)
    OutgoingEmail.objects.filter(subject="recent sent").update(sent_at=now)
    OutgoingEmail.objects.filter(subject="old never sent").update(created_at=long_ago)
    for minutes, name in (
        (settings.AXES_COOLOFF_TIME.seconds // 60 + 1, "old"),
        (1, "new"),
    ):
        attempt = AccessAttempt.objects.create(
            username=f"{name}@example.no",
            user_agent="x",
            http_accept="x",
            path_info="/",
            get_data="",
            post_data="",
            failures_since_start=1,
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=now - timedelta(minutes=minutes)
        )

    output = run()

    assert "expired sessions deleted: 1" in output
    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]
    assert "old outbox e-mails deleted: 2" in output
    assert sorted(OutgoingEmail.objects.values_list("subject", flat=True)) == [
        "recent sent",
        "waiting",
    ]
    assert "expired failed sign-ins deleted: 1" in output
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [
        "new@example.no"
    ]
    second = run()
    assert "expired sessions deleted: 0" in second
    assert "old outbox e-mails deleted: 0" in second
    assert "expired failed sign-ins deleted: 0" in second


def test_sessions_kept_only_in_the_cache_are_left_to_it(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    assert "expired sessions deleted: left to the session store" in run()
