"""The account's own sections of "download my data" (shop/core/personal_data.py):
the profile, the address book, Oscar's e-mail history and the sign-in pauses.

Deleting the account removes all of them: the user row itself, and with it,
by the database's cascade, the address book, baskets, Oscar's e-mail history,
wishlists, reviews and notifications; the sign-in pauses are keyed by the
address, not the user, so they are deleted here.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models.signals import pre_delete
from oscar.core.loading import get_model

from shop.commerce.order_privacy import address_data
from shop.core import personal_data

UserAddress = get_model("address", "UserAddress")
Email = get_model("communication", "Email")


def when(moment):
    return moment.isoformat() if moment else None


def export_profile(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "customer_since": when(user.date_joined),
        "last_sign_in": when(user.last_login),
    }


def export_addresses(user):
    return [
        {
            **address_data(address, phone=True),
            "default_for_delivery": address.is_default_for_shipping,
            "saved": when(address.date_created),
        }
        for address in UserAddress.objects.filter(user=user).order_by("pk")
    ]


def export_account_emails(user):
    """Oscar's e-mail history: the account e-mails (password or address
    changed) that the account page lists, with their text."""
    return [
        {
            "subject": email.subject,
            "sent": when(email.date_sent),
            "text": email.body_text,
        }
        for email in Email.objects.filter(user=user).order_by("date_sent", "pk")
    ]


def export_sign_in_attempts(user):
    """Failed sign-ins counted against the account's address, while they
    count (django-axes keeps them for the cool-off). Not the IP addresses:
    they may be someone else's, trying the account."""
    return [
        {
            "last_failed": when(attempt.attempt_time),
            "failures": attempt.failures_since_start,
        }
        for attempt in _attempts_of(user)
    ]


def _attempts_of(user):
    if not user.email:
        return AccessAttempt.objects.none()
    return AccessAttempt.objects.filter(username=user.email.strip().lower()).only(
        "attempt_time", "failures_since_start"
    )


def forget_addresses(user):
    UserAddress.objects.filter(user=user).delete()


def forget_sign_in_attempts(user):
    _attempts_of(user).delete()


def register():
    """Called by the customer app's ready()."""
    personal_data.register("profile", export=export_profile)
    personal_data.register(
        "addresses", export=export_addresses, anonymise=forget_addresses
    )
    personal_data.register("account_emails", export=export_account_emails)
    personal_data.register(
        "sign_in_attempts",
        export=export_sign_in_attempts,
        anonymise=forget_sign_in_attempts,
    )
    # Every delete of a user (the account page, admin, code) passes here,
    # before Django's collector detaches the orders and cascades the rest.
    pre_delete.connect(
        personal_data.anonymise_before_delete,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="accounts.anonymise_before_delete",
    )
