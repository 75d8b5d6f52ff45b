"""Placing an order: what happens, in order, and where each step lives.

The customer presses "Buy now" on the review page. That page is
checkout/views.py ``PaymentDetailsView``: Oscar's view, with ``PlaceOrderMixin``
below as its placing half. Oscar's ``PaymentDetailsView.submit`` calls the
mixin's hooks in the order they are written here.

1. Check the basket and the limits. Oscar checks each line against its
   availability before every checkout step. Availability holds the stock and
   the limit per product (partner/strategy.py, ``availability_policy``). The
   limit on items per order is checked there too (checkout/session.py).
   Placing adds its own checks: the terms of sale are accepted (checkout/views.py,
   ``handle_place_order_submission``), there is one order per basket (a
   repeated submit is shown the order it placed: ``PlaceOrderMixin.dispatch``
   and ``submit``), and the e-mail rate limit for orders is kept
   (shop/security/rate_limits.py, checked in ``submit``, counted in step 6).
2. Number the order and freeze the basket. Oscar numbers the order from the
   basket, so a basket can only ever have one order
   (oscar.apps.checkout.views ``PaymentDetailsView.submit``).
3. Payment, by method (payments/methods.py, ``PlaceOrderMixin.handle_payment``).
   An invoice order gets an invoice payment source. A card is charged later,
   on Stripe's page, once the order holds its stock.
4. Create the order and reserve its stock, in one savepoint
   (``PlaceOrderMixin.handle_order_placement``). Oscar's ``OrderCreator`` writes
   the order in its method's first status (invoice: Awaiting payment; card:
   Pending payment; statuses.py). Each line then reserves its units with one
   conditional UPDATE (partner/models.py, ``StockRecord.allocate``). Units sold
   meanwhile, or Stripe being out of reach (step 6), roll it all back and give
   the basket back.
5. Submit the basket (Oscar's ``handle_order_placement``).
6. Then by method (``PlaceOrderMixin.handle_successful_order``).
   Invoice: the invoice is issued (documents/issuing.py), then the
   customer's confirmation, carrying it, and the staff notification are
   queued in the outbox in the same transaction, and sent once it commits
   (``queue_order_emails``, outbox/mail.py). Then the thank-you page.
   Card: a Stripe Checkout Session for the order's total is opened
   (``start_card_payment``, payments/stripe_checkout.py) and recorded
   (payments/models.py). The basket goes back to frozen until the session is
   paid, and the customer is sent to Stripe.

For a card order, what happens next depends on the session:

7. Session paid. The webhook (``handle_stripe_event``), the customer's return
   (checkout/views.py ``CardReturnView``) and the reconciliation
   (payments/reconciliation.py) all call ``settle_paid_session``. It checks the
   payment is the order's total in the order's currency. If it is, it
   confirms the order, once: the payment source and event, "Paid", the basket
   submitted, the receipt issued and the e-mails queued. A payment that does
   not match is left pending, with a note for staff.
8. Session expired or cancelled. The webhook, checkout/views.py
   ``CardCancelView`` and the reconciliation call ``discard_unpaid_order``: the
   stock is released, the basket is open again, and the order is removed.

After that, staff move the order on. orders.py keeps the stock in step with
its status.
"""

import logging
from dataclasses import dataclass
from enum import StrEnum

from django import http
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.apps.checkout.utils import CheckoutSessionData
from oscar.core.loading import get_model
from oscar.core.prices import Price

from shop.commerce import orders
from shop.commerce.documents.issuing import (
    confirmation_attachments,
    issue_sales_document,
    sale_document_of,
)
from shop.commerce.outbox import attachments, mail
from shop.commerce.partner.models import InsufficientStock
from shop.commerce.payments import methods, stripe_checkout
from shop.commerce.payments.methods import PaymentMethod, PaymentMethodCode
from shop.commerce.payments.models import StripeCheckoutSession, StripeEvent
from shop.commerce.payments.stripe_checkout import (
    PAID_EVENTS,
    UNPAID_EVENTS,
    CardPayment,
)
from shop.commerce.statuses import OrderStatus
from shop.core.money import format_price
from shop.security import rate_limits

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


class PlaceOrderMixin:
    """Placing an order from Oscar's ``PaymentDetailsView``: steps 1 to 6."""

    # 1. Check the basket and the limits.

    def dispatch(self, request, *args, **kwargs):
        # A repeated "place order" (double click, resubmitted form, back and
        # forth) arrives with the basket already used: show its order rather
        # than an empty-basket error, and never place a second one.
        if request.method == "POST" and request.basket.is_empty:
            placed = self.order_placed_in_this_session(request)
            if placed is not None:
                return self.show_placed_order(placed)
        return super().dispatch(request, *args, **kwargs)

    def submit(self, **kwargs):
        placed = order_placed_for(kwargs["basket"])
        if placed is not None:
            return self.show_placed_order(placed)
        # Each order e-mails the address typed at the first step, so orders
        # count against the e-mail rate limits: checked here, counted when
        # its confirmation is queued (a repeat submit, above, or an order that
        # fails to be placed or paid sends nothing and counts nothing).
        wait = rate_limits.seconds_until_allowed(
            self.request, action="order", address=self.order_email(), count=False
        )
        if wait:
            return self.render_preview(self.request, error=too_many_orders(wait))
        # 2 to 6: Oscar numbers the order and freezes the basket, then calls
        # handle_payment and handle_order_placement below.
        return super().submit(**kwargs)

    # 3. Payment, by method.

    def handle_payment(self, order_number, total, **kwargs):
        if self.get_payment_method() is methods.INVOICE:
            self.add_payment_source(invoice_source(order_number, total))
        # A card is charged on Stripe's page, after the order holds its stock.

    # 4. Create the order and reserve its stock; 5. submit the basket.

    def get_initial_order_status(self, basket):
        return self.get_payment_method().initial_status

    def build_submission(self, **kwargs):
        submission = super().build_submission(**kwargs)
        # Every e-mail about the order speaks the language it was placed in.
        submission["order_kwargs"]["language"] = translation.get_language()
        return submission

    def handle_order_placement(self, *args, **kwargs):
        try:
            # A savepoint: if the stock ran out or Stripe cannot be reached,
            # no order, line or allocation is left behind.
            with transaction.atomic():
                return super().handle_order_placement(*args, **kwargs)
        except InsufficientStock as error:
            self.restore_frozen_basket()
            messages.error(
                self.request,
                _(
                    "Sorry, “%(product)s” sold out while you were checking out, "
                    "so no order was placed. Your basket is kept: change the "
                    "quantity or remove it, then order again."
                )
                % {"product": error.stockrecord.product.get_title()},
            )
            return redirect("basket:summary")
        except stripe_checkout.CardPaymentUnavailable as error:
            logger.warning("Card payment could not start: %s", error)
            self.restore_frozen_basket()
            messages.error(
                self.request,
                _(
                    "Card payment is not available right now and nothing was "
                    "charged. Please try again in a moment, or pay by invoice."
                ),
            )
            return redirect("checkout:payment-method")

    # 6. Then by method: e-mails and the thank-you page, or Stripe.

    def handle_successful_order(self, order):
        if self.get_payment_method() is methods.CARD:
            absolute = self.request.build_absolute_uri
            payment_page = start_card_payment(
                order,
                success_url=absolute(reverse("checkout:card-return"))
                + "?session_id={CHECKOUT_SESSION_ID}",
                cancel_url=absolute(reverse("checkout:card-cancel")),
            )
            return http.HttpResponseRedirect(payment_page)
        # Oscar's: send_order_placed_email (below), then the thank-you page.
        return super().handle_successful_order(order)

    def send_order_placed_email(self, order):
        issue_sales_document(order)  # the invoice, which the confirmation carries
        queue_order_emails(order)
        rate_limits.count_email(self.request, action="order", address=order.email)

    # What the steps ask of the checkout.

    def get_payment_method(self) -> PaymentMethod | None:
        return methods.get(self.checkout_session.payment_method())

    def order_email(self) -> str:
        """Where the order's e-mails go: the account's address once signed
        in, otherwise the one the guest typed at the gateway."""
        if self.request.user.is_authenticated:
            return self.request.user.email
        return self.checkout_session.get_guest_email()

    def order_placed_in_this_session(self, request):
        number = CheckoutSessionData(request).get_order_number()
        if number:
            return Order.objects.filter(number=number).first()
        order_id = request.session.get("checkout_order_id")
        return Order.objects.filter(pk=order_id).first() if order_id else None

    def show_placed_order(self, order):
        """What a repeated submit sees: the order, never a second one."""
        record = StripeCheckoutSession.objects.filter(order_number=order.number).first()
        if order.status == OrderStatus.PENDING_PAYMENT and record is not None:
            try:  # the same payment page again
                session = stripe_checkout.retrieve_session(record.session_id)
                return http.HttpResponseRedirect(session["url"])
            except stripe_checkout.CardPaymentUnavailable:
                messages.error(self.request, _("Card payment is not available now."))
                return redirect("basket:summary")
        self.request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")


def order_placed_for(basket: Basket) -> Order | None:
    """The order already placed for the basket, if any. A double click or a
    resubmitted form queues on the basket's row lock, then finds the order
    the first request placed. The order number is derived from the basket and
    unique, so even without the lock (SQLite ignores it, but serialises
    transactions) a second order for the basket could not be written."""
    Basket.objects.select_for_update().filter(pk=basket.pk).first()
    return Order.objects.filter(basket_id=basket.pk).first()


def too_many_orders(wait: int) -> str:
    minutes = rate_limits.wait_minutes(wait)
    return ngettext(
        "You have placed several orders in a short while, so we are "
        "holding off to protect the inbox they are confirmed to. Your "
        "basket is kept: please try again in about %(minutes)d minute, "
        "or contact us.",
        "You have placed several orders in a short while, so we are "
        "holding off to protect the inbox they are confirmed to. Your "
        "basket is kept: please try again in about %(minutes)d minutes, "
        "or contact us.",
        minutes,
    ) % {"minutes": minutes}


def invoice_source(order_number: str, total: Price) -> Source:
    """The invoice the customer pays by, for the whole total."""
    source_type, _ = SourceType.objects.get_or_create(
        code=PaymentMethodCode.INVOICE, defaults={"name": "Invoice"}
    )
    return Source(
        source_type=source_type,
        currency=total.currency,
        amount_allocated=total.incl_tax,
        reference=order_number,
    )


def start_card_payment(order: Order, *, success_url: str, cancel_url: str) -> str:
    """Open a Stripe Checkout Session for the order; return the address of
    its payment page. The basket stays frozen until the session is paid."""
    session = stripe_checkout.create_session(
        order, success_url=success_url, cancel_url=cancel_url
    )
    # The order number comes from the basket, so an order placed again
    # after an expired or failed payment has the number of the one that
    # was removed: its session is this new one.
    StripeCheckoutSession.objects.update_or_create(
        order_number=order.number, defaults={"session_id": session["id"]}
    )
    # Oscar submitted the basket with the order; until Stripe confirms
    # payment it is only frozen, so an unpaid order can give it back.
    Basket.objects.filter(pk=order.basket_id).update(status=Basket.FROZEN)
    orders.note(order, f"Sent to Stripe to pay (session {session['id']}).")
    return session["url"]


def queue_order_emails(order: Order) -> None:
    """The customer's confirmation, in the order's language, and the staff
    notification, in English like the admin, via the outbox. Whichever request (the
    customer's, Stripe's webhook) or command confirms the order."""
    sales_document = sale_document_of(order)
    context = {
        "order": order,
        "company": settings.SHOP_COMPANY,
        "site_url": settings.SHOP_SITE_URL,
        "order_url": orders.order_page_url(order),
        "sales_document": sales_document,
    }
    with translation.override(order.language):
        mail.queue(
            to=[order.email],
            subject=_("Order %(number)s is confirmed – %(shop)s")
            % {"number": order.number, "shop": settings.OSCAR_SHOP_NAME},
            template="emails/order_confirmation",
            context=context,
            # The invoice or receipt, and the withdrawal form (angreskjema)
            # filled in with the order.
            attachments=[
                *confirmation_attachments(sales_document),
                attachments.describe("withdrawals.form", order_pk=order.pk),
            ],
        )
    with translation.override("en"):
        mail.queue(
            to=settings.SHOP_ORDER_NOTIFICATION_EMAILS,
            subject=f"New order {order.number} ({order.status})",
            template="emails/order_notification",
            context=context,
        )


# 7. Session paid.


class Settled(StrEnum):
    """What ``settle_paid_session`` made of a Checkout Session."""

    CONFIRMED = "confirmed"  # the order is paid, now or already before
    LEFT_FOR_STAFF = "left for staff"  # paid, but not the order's total
    NOT_PAID = "not paid"
    NOT_OURS = "not an order of this shop"  # a session made elsewhere
    NO_SUCH_ORDER = "no such order"


@dataclass(frozen=True)
class Settlement:
    """The outcome, and the order it is about (None if there is none)."""

    outcome: Settled
    order: Order | None = None


def settle_paid_session(session: dict, *, via: str) -> Settlement:
    """Confirm the order a Checkout Session pays for, once, whichever path
    (webhook, return, reconciliation) gets here first, if the session is paid
    and its payment is the order's total in the order's currency."""
    order_number = stripe_checkout.order_number_of(session)
    if order_number is None:
        return Settlement(Settled.NOT_OURS)
    if not stripe_checkout.is_paid(session):
        return Settlement(Settled.NOT_PAID)
    return confirm_card_payment(
        order_number, stripe_checkout.payment_of(session), via=via
    )


@transaction.atomic
def confirm_card_payment(
    order_number: str, payment: CardPayment, *, via: str
) -> Settlement:
    """Mark a card order paid by ``payment``, unless it is paid already or
    the payment is not its total (then it stays pending, for staff)."""
    order = (
        Order.objects.select_for_update(of=("self",))
        .filter(number=order_number)
        .select_related("basket")
        .first()
    )
    if order is None:
        logger.error(
            "Card payment %s for unknown order %s", payment.reference, order_number
        )
        return Settlement(Settled.NO_SUCH_ORDER)
    if order.status != OrderStatus.PENDING_PAYMENT:
        return Settlement(Settled.CONFIRMED, order)
    if payment.amount != order.total_incl_tax or payment.currency != order.currency:
        leave_mismatch_for_staff(order, payment, via)
        return Settlement(Settled.LEFT_FOR_STAFF, order)
    source_type, _ = SourceType.objects.get_or_create(
        code=PaymentMethodCode.CARD, defaults={"name": "Card (Stripe)"}
    )
    source = Source(
        source_type=source_type,
        currency=order.currency,
        amount_allocated=payment.amount,
        reference=payment.reference,
    )
    orders.record_payment(
        order, source, amount=payment.amount, reference=payment.reference
    )
    order.set_status(OrderStatus.PAID)
    orders.note(order, f"Card payment {payment.reference} confirmed ({via}).")
    if order.basket and order.basket.status != order.basket.SUBMITTED:
        order.basket.submit()
    issue_sales_document(order)  # the receipt, which the confirmation carries
    queue_order_emails(order)
    return Settlement(Settled.CONFIRMED, order)


def leave_mismatch_for_staff(order: Order, payment: CardPayment, via: str) -> None:
    """A payment that is not the order's total is never taken as payment:
    the order stays pending (its stock held) until staff look at it."""
    # Staff read notes in English, and the same note must come out the same
    # whichever path (webhook, return, reconciliation) finds it first.
    with translation.override("en"):
        if payment.amount is None:
            paid = "nothing"
        elif not payment.currency:
            paid = f"{payment.amount} in no currency"
        else:
            paid = format_price(payment.amount, payment.currency)
        total = format_price(order.total_incl_tax, order.currency)
    message = (
        f"Stripe reports a card payment of {paid} ({payment.reference}), which "
        f"does not match the order's total of {total}. "
        "The order is not marked paid: check the payment in Stripe's dashboard, "
        "then mark the order paid, or cancel it and refund the payment."
    )
    if order.notes.filter(message=message).exists():
        return  # already seen by another path (webhook, return, reconciliation)
    orders.note(order, message)
    logger.error(
        "Card payment %s for order %s does not match: Stripe reports %s %s, the "
        "order is %s %s (%s). Left pending for staff.",
        payment.reference,
        order.number,
        payment.amount,
        payment.currency,
        order.total_incl_tax,
        order.currency,
        via,
    )


# 8. Session expired or cancelled.


@transaction.atomic
def discard_unpaid_order(order_number: str, *, why: str) -> Basket | None:
    """Undo a card order whose payment did not happen: its stock is released,
    its basket is open again, and the order is removed, so a declined or
    abandoned payment leaves no order behind. Paid orders are never touched.
    Returns the basket given back, if there was an order to discard."""
    order = (
        Order.objects.select_for_update(of=("self",))
        .filter(number=order_number, status=OrderStatus.PENDING_PAYMENT)
        .select_related("basket")
        .first()
    )
    if order is None:
        return None
    for line in order.lines.select_related("stockrecord__product__product_class"):
        if line.stockrecord is not None:
            line.stockrecord.cancel_allocation(line.quantity)
    basket = order.basket
    if basket is not None and basket.status == basket.FROZEN:
        basket.thaw()
    logger.info("Order %s removed: %s", order_number, why)
    order.delete()
    return basket


# Stripe's webhook: steps 7 and 8 as Stripe reports them.


class WebhookAnswer(StrEnum):
    """What the webhook tells Stripe (always with a 200) about a signed event."""

    IGNORED = "Ignored: not about an order of this shop."
    ALREADY_HANDLED = "Already handled."
    HANDLED = "OK"


def handle_stripe_event(event: dict) -> WebhookAnswer:
    """Settle or discard the order a signed event is about. An event seen
    before, or one that arrives after a later one, changes nothing."""
    event_id, event_type = event.get("id"), event.get("type")
    session = stripe_checkout.session_of(event)
    order_number = session and stripe_checkout.order_number_of(session)
    # Anything else Stripe signs (other event types, sessions made outside
    # the shop) is answered 200: an error would only make Stripe retry it
    # and, in the end, disable the endpoint.
    if not (event_id and order_number) or event_type not in PAID_EVENTS + UNPAID_EVENTS:
        return WebhookAnswer.IGNORED
    _, is_new = StripeEvent.objects.get_or_create(
        event_id=event_id, defaults={"type": event_type}
    )
    if not is_new:
        return WebhookAnswer.ALREADY_HANDLED
    if event_type in PAID_EVENTS:
        settle_paid_session(session, via="Stripe webhook")
    else:
        discard_unpaid_order(order_number, why=event_type)
    return WebhookAnswer.HANDLED
