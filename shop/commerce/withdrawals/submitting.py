"""Taking a withdrawal: recorded against the order's lines, then told to
both sides at once: a receipt to the customer (in the language of the page
they used) and, for staff, a note on the order and an e-mail in English."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.commerce import orders
from shop.commerce.outbox import mail
from shop.commerce.withdrawals import rules
from shop.commerce.withdrawals.models import Withdrawal, WithdrawalLine

Order = get_model("order", "Order")


@transaction.atomic
def submit_withdrawal(
    *, order: Order, quantities: dict[int, int], email: str, message: str = ""
) -> Withdrawal:
    """Record a withdrawal of ``quantities`` (order line id → units) and queue
    its receipts. Refuses (``rules.Refusal``) what cannot be withdrawn now:
    two sends at once queue on the order's row lock, and the second finds
    the units already withdrawn."""
    order = Order.objects.select_for_update(of=("self",)).get(pk=order.pk)
    rules.check_withdrawable(order)
    remaining = rules.remaining_quantities(order)
    wanted = {pk: quantity for pk, quantity in quantities.items() if quantity > 0}
    if not wanted or any(
        quantity > remaining.get(pk, 0) for pk, quantity in wanted.items()
    ):
        raise rules.Refusal(
            _(
                "Some of these products have already been withdrawn from. "
                "Choose again from what is left."
            )
        )
    withdrawal = Withdrawal.objects.create(
        order=order,
        email=email.strip(),
        message=message.strip(),
        language=translation.get_language(),
    )
    lines = order.lines.in_bulk(wanted)
    WithdrawalLine.objects.bulk_create(
        WithdrawalLine(withdrawal=withdrawal, order_line=lines[pk], quantity=quantity)
        for pk, quantity in wanted.items()
    )
    tell_staff_and_customer(withdrawal)
    return withdrawal


def tell_staff_and_customer(withdrawal: Withdrawal) -> None:
    order = withdrawal.order
    lines = list(withdrawal.lines.select_related("order_line"))
    listed = "; ".join(f"{line.quantity} × {line.order_line.title}" for line in lines)
    note = f"Withdrawal received on the withdrawal page: {listed}."
    if withdrawal.message:
        note += f" The customer wrote: {withdrawal.message}"
    orders.note(order, note)
    context = {
        "withdrawal": withdrawal,
        "order": order,
        "lines": lines,
        "company": settings.SHOP_COMPANY,
        "site_url": settings.SHOP_SITE_URL,
        "days": rules.withdrawal_days(),
    }
    with translation.override(withdrawal.language):
        mail.queue(
            to=[withdrawal.email],
            subject=_("We have received your withdrawal from order %(number)s")
            % {"number": order.number},
            template="emails/withdrawal_receipt",
            context=context,
        )
    with translation.override("en"):
        mail.queue(
            to=settings.SHOP_ORDER_NOTIFICATION_EMAILS,
            subject=f"Withdrawal from order {order.number}",
            template="emails/withdrawal_notification",
            context={
                **context,
                "admin_url": settings.SHOP_SITE_URL
                + reverse("admin:order_order_change", args=[order.pk]),
            },
        )
