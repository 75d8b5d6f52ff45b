"""What customers read for an order's and a line's status, in their language.

Oscar stores a status as its English text (shop/commerce/statuses.py, which
stays free of Django so the settings can import it); pages and e-mails show
the label from here instead: ``{{ order.status|order_status }}``.
"""

from django.utils.translation import pgettext_lazy

from shop.commerce.statuses import LineStatus, OrderStatus

# "order status": short words whose Norwegian form depends on what they
# describe ("Ny", "Sendt"), kept apart from the same English words elsewhere.
STATUS_LABELS = {
    OrderStatus.PENDING_PAYMENT: pgettext_lazy("order status", "Pending payment"),
    OrderStatus.AWAITING_PAYMENT: pgettext_lazy("order status", "Awaiting payment"),
    OrderStatus.PAYMENT_RESERVED: pgettext_lazy("order status", "Payment reserved"),
    OrderStatus.PAID: pgettext_lazy("order status", "Paid"),
    OrderStatus.SHIPPED: pgettext_lazy("order status", "Shipped"),
    OrderStatus.CANCELLED: pgettext_lazy("order status", "Cancelled"),
    LineStatus.NEW: pgettext_lazy("order status", "New"),
    LineStatus.SHIPPED: pgettext_lazy("order status", "Shipped"),
    LineStatus.CANCELLED: pgettext_lazy("order status", "Cancelled"),
}


def status_label(status):
    """The label of a stored status; a status without one is returned as is."""
    return STATUS_LABELS.get(status, status)
