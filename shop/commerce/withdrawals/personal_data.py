"""What the withdrawals hold about a person, for "download my data" and for
anonymising (registered in shop.core.personal_data by the privacy part)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from shop.commerce.withdrawals.models import Withdrawal


def _of(user_or_email):
    if isinstance(user_or_email, AbstractBaseUser):
        query = Q(order__user=user_or_email)
        if user_or_email.email:
            query |= Q(email__iexact=user_or_email.email)
    else:
        query = Q(email__iexact=user_or_email) | Q(
            order__guest_email__iexact=user_or_email
        )
    return Withdrawal.objects.filter(query).distinct()


def withdrawals_of(user_or_email) -> list[dict]:
    """Every withdrawal from the person's orders (an account, or a guest's
    e-mail address), as JSON-able data."""
    withdrawals = (
        _of(user_or_email).select_related("order").prefetch_related("lines__order_line")
    )
    return [
        {
            "order_number": withdrawal.order.number,
            "submitted_at": withdrawal.submitted_at.isoformat(),
            "email": withdrawal.email,
            "message": withdrawal.message,
            "language": withdrawal.language,
            "lines": [
                {"product": line.order_line.title, "quantity": line.quantity}
                for line in withdrawal.lines.all()
            ],
        }
        for withdrawal in withdrawals.order_by("submitted_at", "pk")
    ]


def anonymise_withdrawals_of(user_or_email) -> None:
    """Forget who wrote: the address and the message go; which lines were
    withdrawn, and when, stay with the order for the books."""
    Withdrawal.objects.filter(pk__in=_of(user_or_email).values("pk")).update(
        email="", message=""
    )


def anonymise_withdrawals_of_orders(orders) -> None:
    """At the end of the bookkeeping period (``apply_retention``): the same,
    for the withdrawals from these orders."""
    Withdrawal.objects.filter(order__in=orders).update(email="", message="")
