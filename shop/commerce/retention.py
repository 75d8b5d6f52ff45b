"""How long the shop keeps what it keeps, applied: ``apply_all`` (the
scheduler's daily job, shop/tasks.py, or ``manage.py apply_retention`` by
hand) runs every step below and reports what each removed. Each step only
removes what is past its time, so a second run the same day removes nothing.

- orders' buyer (names, addresses, e-mail, account, notes): the bookkeeping
  period, 5 years after the financial year (SHOP_BOOKKEEPING_YEARS);
- open baskets: until not touched for N days (SHOP_ABANDONED_BASKET_DAYS);
- sessions: until they expire (SESSION_COOKIE_AGE);
- sent e-mails' log rows: N days after sending (SHOP_OUTBOX_KEEP_DAYS);
- failed sign-ins: the sign-in cool-off (AXES_COOLOFF_TIME).

The privacy page tells customers the same (shop/demo/catalogue_content.py
holds its demo text).
"""

from importlib import import_module

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from shop.commerce.basket.personal_data import delete_abandoned_baskets
from shop.commerce.order_privacy import anonymise_expired_orders
from shop.commerce.outbox.personal_data import delete_old_emails


def clear_expired_sessions(now=None):
    """Django's own ``clearsessions``, counted. Sessions in the database
    (``db`` and ``cached_db``) are deleted once expired; with the ``cache``
    or ``signed_cookies`` engines nothing is stored here, and they expire
    on their own (``None``)."""
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore
    if not hasattr(store, "get_model_class"):
        store.clear_expired()
        return None
    expired = store.get_model_class().objects.filter(
        expire_date__lt=now or timezone.now()
    )
    count = expired.count()
    # Django's clear_expired compares with the real clock; with an explicit
    # moment (tests) the rows themselves are deleted.
    if now is None:
        store.clear_expired()
    else:
        expired.delete()
    return count


def delete_expired_sign_in_attempts(now=None):
    """Failed sign-ins no longer pausing anyone (django-axes deletes them
    too, but only when someone next signs in)."""
    before = (now or timezone.now()) - settings.AXES_COOLOFF_TIME
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=before).delete()
    return deleted


STEPS = [
    ("orders anonymised (past the bookkeeping period)", anonymise_expired_orders),
    ("abandoned baskets deleted", delete_abandoned_baskets),
    ("expired sessions deleted", clear_expired_sessions),
    ("old outbox e-mails deleted", delete_old_emails),
    ("expired failed sign-ins deleted", delete_expired_sign_in_attempts),
]


def apply_all():
    """Run every step, each in a transaction of its own, so a failing step
    leaves the others done; return (label, count) per step, count None where
    the session store expires sessions itself."""
    done = []
    for label, step in STEPS:
        with transaction.atomic():
            done.append((label, step()))
    return done
