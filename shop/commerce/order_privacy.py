"""What orders keep about their buyer, for how long, and what they give
"download my data" (registered as the ``orders`` section of
shop/core/personal_data.py by the checkout app).

The rule, also told to customers on the privacy page:

1. **While the bookkeeping period runs, an order keeps what its sales
   document needs.** Bokføringsloven §13 and bokføringsforskriften §5-1-1
   make the invoice or receipt, and the order data behind it, primary
   documentation to be kept five years from the end of the financial year
   (``SHOP_BOOKKEEPING_YEARS``; the shop's financial year is the calendar
   year). The sales document names the buyer (name and address), so the
   order's billing and delivery addresses, lines, totals, payment and
   number stay, also when the customer deletes their account.
2. **Deleting the account removes the person, not the bookkeeping.** The
   account itself, the address book, baskets, sign-in pauses, Oscar's
   e-mail history, wishlists, reviews and notifications go (most by the
   database's cascade, the rest by the sections' ``anonymise``); the sent
   e-mails' log rows to the account's address go (shop/commerce/outbox).
   The orders are detached from the account and keep the account's e-mail
   address (``keep_email_on_orders``): not for bookkeeping, but because the
   shop still owes the buyer things through that address while the order
   lives: the invoice reminder of an unpaid order, a withdrawal's receipt
   (14 days, up to a year when information was missing), and answering a
   complaint (reklamasjon, up to five years under forbrukerkjøpsloven). The
   phone number, only there for the carrier's text message, is blanked on
   orders already shipped or cancelled.
3. **After the bookkeeping period nothing personal stays.** ``apply_retention``
   removes the orders' addresses (and so the buyer's name and phone), the
   pickup point chosen and the door consent (they tell where the buyer
   lives or collects), the e-mail, the link to an account and staff notes,
   for guest and account orders alike; number, date, lines and totals stay
   for the shop's sales figures.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model

from shop.commerce.statuses import OrderStatus
from shop.core import personal_data

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
ShippingAddress = get_model("order", "ShippingAddress")
BillingAddress = get_model("order", "BillingAddress")

# Finished orders, whose phone number the carrier no longer needs.
FINISHED = (OrderStatus.SHIPPED, OrderStatus.CANCELLED)
ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line2", "line3", "line4")


def money(amount):
    return None if amount is None else str(amount)


def address_data(address, *, phone=False):
    if address is None:
        return None
    data = {
        "first_name": address.first_name,
        "last_name": address.last_name,
        "lines": [
            line
            for line in (address.line1, address.line2, address.line3)
            if line.strip()
        ],
        "postcode": address.postcode,
        "town": address.line4,
        "country": address.country_id,
    }
    if phone:
        data["phone_number"] = str(address.phone_number or "")
        data["notes"] = address.notes
    return data


def order_data(order):
    return {
        "number": order.number,
        "placed": order.date_placed.isoformat(),
        "status": order.status,
        "language": order.language,
        "email": order.email,
        "currency": order.currency,
        "lines": [
            {
                "product": line.title,
                "sku": line.partner_sku,
                "quantity": line.quantity,
                "unit_price_incl_tax": money(line.unit_price_incl_tax),
                "total_incl_tax": money(line.line_price_incl_tax),
                "status": line.status,
            }
            for line in order.lines.all()
        ],
        "shipping_method": order.shipping_method,
        "pickup_point": (
            {
                "id": order.pickup_point_id,
                "name": order.pickup_point_name,
                "address": order.pickup_point_address.splitlines(),
            }
            if order.pickup_point_name
            else None
        ),
        "leave_at_door": order.leave_at_door,
        "shipping_incl_tax": money(order.shipping_incl_tax),
        "discounts_incl_tax": money(order.total_discount_incl_tax),
        "total_incl_tax": money(order.total_incl_tax),
        "total_excl_tax": money(order.total_excl_tax),
        "payment": [source.source_type.name for source in order.sources.all()],
        "shipping_address": address_data(order.shipping_address, phone=True),
        "billing_address": address_data(order.billing_address),
    }


def export_orders(user):
    """The account's own orders. Guest orders placed with the same e-mail
    address are left out: an account's address can be changed without
    proving it, so it would let anyone read a stranger's guest orders by
    taking their address. Staff answer for those (docs/staff.md)."""
    orders = (
        Order.objects.filter(user=user)
        .select_related("shipping_address", "billing_address")
        .prefetch_related("lines", "sources__source_type", "discounts")
        .order_by("date_placed", "pk")
    )
    return [order_data(order) for order in orders]


def keep_email_on_orders(user):
    """An account's orders stay (they belong to the accounts) with no user;
    Oscar's ``Order.email`` then reads ``guest_email``, so it gets the
    address the shop still answers the buyer at (rule 2 above)."""
    if user.email:
        Order.objects.filter(user=user, guest_email="").update(guest_email=user.email)


def forget_account_on_orders(user):
    """Account deletion: orders keep the e-mail; finished ones lose the phone."""
    keep_email_on_orders(user)
    ShippingAddress.objects.filter(order__user=user, order__status__in=FINISHED).update(
        phone_number="", notes=""
    )


def bookkeeping_cutoff(now=None):
    """Orders placed before this moment are past the bookkeeping period:
    kept ``SHOP_BOOKKEEPING_YEARS`` after the end of the financial (calendar)
    year they were placed in, so in 2026 the orders of 2020 and earlier."""
    now = timezone.localtime(now or timezone.now())
    first_kept_year = now.year - settings.SHOP_BOOKKEEPING_YEARS
    return timezone.make_aware(datetime.datetime(first_kept_year, 1, 1))


def still_personal(orders):
    """Those of ``orders`` that still hold something about their buyer."""
    return orders.filter(
        Q(user__isnull=False)
        | ~Q(guest_email="")
        | Q(shipping_address__isnull=False)
        | Q(billing_address__isnull=False)
        | Q(notes__isnull=False)
        | ~Q(pickup_point_id="")
        | ~Q(pickup_point_name="")
        | Q(leave_at_door=True)
    ).distinct()


def anonymise_orders(orders):
    """Remove the buyer from ``orders``: addresses (names, phone), the pickup
    point and door consent, e-mail, account and staff notes. Returns how
    many orders changed."""
    pks = list(still_personal(orders).values_list("pk", flat=True))
    if not pks:
        return 0
    selected = Order.objects.filter(pk__in=pks)
    personal_data.anonymise_orders(selected)
    shipping = list(selected.values_list("shipping_address_id", flat=True))
    billing = list(selected.values_list("billing_address_id", flat=True))
    selected.update(
        user=None,
        guest_email="",
        shipping_address=None,
        billing_address=None,
        pickup_point_id="",
        pickup_point_name="",
        pickup_point_address="",
        leave_at_door=False,
    )
    ShippingAddress.objects.filter(pk__in=[pk for pk in shipping if pk]).delete()
    BillingAddress.objects.filter(pk__in=[pk for pk in billing if pk]).delete()
    OrderNote.objects.filter(order_id__in=pks).delete()
    return len(pks)


def anonymise_expired_orders(now=None):
    """Anonymise every order past the bookkeeping period; how many changed."""
    return anonymise_orders(
        Order.objects.filter(date_placed__lt=bookkeeping_cutoff(now))
    )


def register():
    """Called by the checkout app's ready()."""
    personal_data.register(
        "orders", export=export_orders, anonymise=forget_account_on_orders
    )
