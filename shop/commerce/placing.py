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
   on Stripe's page, and a Vipps payment approved in Vipps, once the order
   holds its stock.
4. Create the order and reserve its stock, in one savepoint
   (``PlaceOrderMixin.handle_order_placement``). Oscar's ``OrderCreator`` writes
   the order in its method's first status (invoice: Awaiting payment; card
   and Vipps: Pending payment; statuses.py). Each line then reserves its units
   with one conditional UPDATE (partner/models.py, ``StockRecord.allocate``).
   Units sold meanwhile, or Stripe or Vipps being out of reach (step 6), roll
   it all back and give the basket back.
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
   Vipps: a Vipps payment for the order's total is created
   (``start_vipps_payment``, through payments/vipps.py), with a reference
   derived from the order number and new for each attempt, and recorded
   (``VippsPayment``). A timeout or 5xx is retried once with the same
   Idempotency-Key, so the retry reaches the same payment; if Vipps is still
   unavailable, step 4 rolls back. The basket goes back to frozen, and the
   customer is sent to Vipps (the app on a phone, its landing page on a
   computer).

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

For a Vipps order, what happens next depends on the payment's state, which
the shop always asks Vipps for (or reads in a signed webhook): the return
address is never taken at its word.

9. AUTHORIZED: the money is reserved, not taken. The webhook
   (``handle_vipps_event``), the customer's return (checkout/views.py
   ``VippsReturnView``) and the reconciliation call ``confirm_vipps_payment``:
   under the order's row lock, once, if the amount is the order's total (else
   it is left pending, with a note for staff), the order becomes "Payment
   reserved" with a Vipps payment source, the basket is submitted and the
   e-mails are queued (the confirmation says the amount is charged when the
   parcel ships). No receipt yet.
10. ABORTED, EXPIRED or TERMINATED: ``discard_unpaid_order``, as step 8.
    Still CREATED (the customer came back without approving, or Vipps is
    slow): nothing changes; the return page says so and offers to open Vipps
    again, check again or pay another way. Vipps expires a payment nobody
    approves after 10 minutes.
11. Shipping captures the money, then the receipt is issued and goes with the
    shipped e-mail; cancelling releases the reservation
    (order/handling.py). Refunds go back through Vipps (documents/refunds.py).

After that, staff move the order on. orders.py keeps the stock in step with
its status.
"""

import logging
import re
import secrets
from dataclasses import dataclass
from decimal import Decimal
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
from shop.commerce.payments import methods, stripe_checkout, vipps
from shop.commerce.payments.methods import PaymentMethod, PaymentMethodCode
from shop.commerce.payments.models import (
    StripeCheckoutSession,
    StripeEvent,
    VippsEvent,
    VippsPayment,
)
from shop.commerce.payments.stripe_checkout import (
    PAID_EVENTS,
    UNPAID_EVENTS,
    CardPayment,
)
from shop.commerce.payments.vipps import EventName, PaymentState
from shop.commerce.statuses import OrderStatus
from shop.core.money import format_price
from shop.security import rate_limits

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
PaymentEventType = get_model("order", "PaymentEventType")
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
        except (vipps.VippsUnavailable, vipps.VippsRefused) as error:
            logger.warning("Vipps payment could not start: %s", error)
            self.restore_frozen_basket()
            messages.error(
                self.request,
                _(
                    "Vipps is not available right now, nothing was charged; "
                    "try again or pick another way to pay."
                ),
            )
            return redirect("checkout:payment-method")

    # 6. Then by method: e-mails and the thank-you page, Stripe, or Vipps.

    def handle_successful_order(self, order):
        if self.get_payment_method() is methods.VIPPS:
            payment_page = start_vipps_payment(
                order,
                return_url=self.request.build_absolute_uri(
                    reverse("checkout:vipps-return")
                ),
                user_flow=user_flow_for(self.request),
            )
            return http.HttpResponseRedirect(payment_page)
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
        vipps_record = VippsPayment.objects.filter(order_number=order.number).first()
        if order.status == OrderStatus.PENDING_PAYMENT and vipps_record is not None:
            # The same payment at Vipps again; the return page asks its state.
            return http.HttpResponseRedirect(vipps_record.redirect_url)
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


# The User-Agent words of phones and tablets (iPadOS asks as a Mac, and gets
# the landing page, which opens the app from there too).
MOBILE_USER_AGENT = re.compile(r"Mobi|Android|iPhone|iPad|iPod", re.IGNORECASE)


def user_flow_for(request) -> str:
    """How the customer gets to Vipps. On a phone the Vipps app is on the
    same device, so NATIVE_REDIRECT switches straight to it (and it sends the
    customer back to the return address); on a computer the customer types
    their phone number on Vipps' landing page and approves on the phone
    (WEB_REDIRECT). The User-Agent is all a first request tells about the
    device, and a wrong guess only costs the customer the landing page."""
    user_agent = request.headers.get("User-Agent", "")
    return "NATIVE_REDIRECT" if MOBILE_USER_AGENT.search(user_agent) else "WEB_REDIRECT"


def vipps_reference(order: Order) -> str:
    """The payment's reference at Vipps: the order number, and a part new for
    each attempt (an order placed again after an abandoned payment keeps its
    number, and Vipps never takes a reference twice). Vipps allows 8 to 50
    of a-z, A-Z, 0-9 and "-"."""
    return f"order-{order.number}-{secrets.token_hex(4)}"


def start_vipps_payment(order: Order, *, return_url: str, user_flow: str) -> str:
    """Create the Vipps payment for the order's total; return where the
    customer approves it. The basket stays frozen until Vipps has reserved
    the money. A timeout or 5xx is tried once more with the same key, which
    Vipps answers with the payment the first try made, if it made one: never
    two payments. Raises VippsUnavailable or VippsRefused (step 4 rolls the
    order back)."""
    reference = vipps_reference(order)
    with translation.override(order.language):
        description = _("%(shop)s order %(number)s") % {
            "shop": settings.OSCAR_SHOP_NAME,
            "number": order.number,
        }
    request = {
        "reference": reference,
        "amount": order.total_incl_tax,
        "currency": order.currency,
        "description": description,
        # The reference rides along for a return in another browser (the
        # app opens the phone's default one), where the session is unknown.
        "return_url": f"{return_url}?reference={reference}",
        "user_flow": user_flow,
        "idempotency_key": f"{reference}-create",
    }
    try:
        payment = vipps.create_payment(**request)
    except vipps.VippsUnavailable as error:
        logger.warning("Vipps create for order %s: %s; retrying", order.number, error)
        payment = vipps.create_payment(**request)
    redirect_url = payment.get("redirectUrl") or ""
    if not redirect_url:
        raise vipps.VippsUnavailable("Vipps' answer held no redirectUrl.")
    # The order number comes from the basket: an order placed again after an
    # abandoned payment has the number of the one removed, and this payment.
    VippsPayment.objects.update_or_create(
        order_number=order.number,
        defaults={
            "reference": reference,
            "redirect_url": redirect_url,
            "state": PaymentState.CREATED,
            "authorized_amount": 0,
            "captured_amount": 0,
            "refunded_amount": 0,
            "cancelled_amount": 0,
        },
    )
    Basket.objects.filter(pk=order.basket_id).update(status=Basket.FROZEN)
    orders.note(order, f"Sent to Vipps to approve (payment {reference}).")
    return redirect_url


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
    NOT_PAID = "not paid"  # Vipps: still CREATED, waiting for the customer
    NOT_OURS = "not an order of this shop"  # a session made elsewhere
    NO_SUCH_ORDER = "no such order"
    DISCARDED = "discarded"  # Vipps: aborted, expired or terminated


@dataclass(frozen=True)
class Settlement:
    """The outcome, the order it is about (None if there is none), and the
    basket a discarded order gave back."""

    outcome: Settled
    order: Order | None = None
    basket: Basket | None = None


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
    if not orders.note_once(order, message):
        return  # already seen by another path (webhook, return, reconciliation)
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


def leave_vipps_mismatch_for_staff(order: Order, reference: str, amount, via) -> None:
    """A reservation that is not the order's total is never taken as payment:
    the order stays pending until staff look at it in Vipps' portal."""
    with translation.override("en"):
        reserved = "nothing" if amount is None else format_price(amount, "NOK")
        total = format_price(order.total_incl_tax, order.currency)
    message = (
        f"Vipps reports {reserved} reserved ({reference}), which does not match "
        f"the order's total of {total}. The order is not confirmed: check the "
        "payment in Vipps' portal, then cancel the order (which releases the "
        "reservation) and ask the customer to order again."
    )
    if not orders.note_once(order, message):
        return  # already seen by another path (webhook, return, reconciliation)
    logger.error(
        "Vipps payment %s for order %s does not match the order's total (%s). "
        "Left pending for staff.",
        reference,
        order.number,
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


# Vipps: steps 9 and 10.


def vipps_source_type():
    source_type, _ = SourceType.objects.get_or_create(
        code=PaymentMethodCode.VIPPS, defaults={"name": "Vipps"}
    )
    return source_type


def remember_vipps_state(reference: str, payment: dict) -> None:
    """What Vipps last said of the payment, for staff on the order's page."""
    aggregate = payment.get("aggregate")
    aggregate = aggregate if isinstance(aggregate, dict) else {}
    fields = {}
    state = payment.get("state")
    if state in PaymentState.__members__.values():
        fields["state"] = state
    for name in ("authorized", "captured", "refunded", "cancelled"):
        amount = vipps.amount_of({"amount": aggregate.get(f"{name}Amount")})
        if amount is not None:
            fields[f"{name}_amount"] = amount
    if fields:
        VippsPayment.objects.filter(reference=reference).update(**fields)


def settle_vipps_payment(reference: str, payment: dict, *, via: str) -> Settlement:
    """What a Vipps payment's state, as Vipps gave it, makes of its order:
    AUTHORIZED confirms it (step 9), ABORTED, EXPIRED and TERMINATED discard
    it (step 10), CREATED leaves it waiting."""
    record = VippsPayment.objects.filter(reference=reference).first()
    if record is None:
        return Settlement(Settled.NOT_OURS)
    remember_vipps_state(reference, payment)
    state = payment.get("state")
    if state == PaymentState.AUTHORIZED:
        return confirm_vipps_payment(
            record.order_number, reference, vipps.amount_of(payment), via=via
        )
    if state in (PaymentState.ABORTED, PaymentState.EXPIRED, PaymentState.TERMINATED):
        basket = discard_unpaid_order(record.order_number, why=f"Vipps {state}")
        return Settlement(Settled.DISCARDED, basket=basket)
    return Settlement(Settled.NOT_PAID)


@transaction.atomic
def confirm_vipps_payment(
    order_number: str, reference: str, amount: Decimal | None, *, via: str
) -> Settlement:
    """Confirm a Vipps order whose payment Vipps reserved, once, whichever
    path gets here first, if the reservation is the order's total."""
    order = (
        Order.objects.select_for_update(of=("self",))
        .filter(number=order_number)
        .select_related("basket")
        .first()
    )
    if order is None:
        logger.error("Vipps payment %s for unknown order %s", reference, order_number)
        return Settlement(Settled.NO_SUCH_ORDER)
    if order.status != OrderStatus.PENDING_PAYMENT:
        return Settlement(Settled.CONFIRMED, order)
    if amount != order.total_incl_tax or order.currency != "NOK":
        leave_vipps_mismatch_for_staff(order, reference, amount, via)
        return Settlement(Settled.LEFT_FOR_STAFF, order)
    # Reserved, not received: the source allocates the amount, and shipping
    # debits it when Vipps captures (order/handling.py).
    source = Source.objects.create(
        order=order,
        source_type=vipps_source_type(),
        currency=order.currency,
        amount_allocated=0,
        reference=reference,
    )
    source.allocate(amount, reference=reference)
    VippsPayment.objects.filter(reference=reference).update(
        state=PaymentState.AUTHORIZED, authorized_amount=amount
    )
    event_type, _ = PaymentEventType.objects.get_or_create(
        code="reserved", defaults={"name": "Reserved"}
    )
    order.payment_events.create(
        event_type=event_type, amount=amount, reference=reference
    )
    order.set_status(OrderStatus.PAYMENT_RESERVED)
    orders.note(order, f"Vipps payment {reference} reserved ({via}).")
    if order.basket and order.basket.status != order.basket.SUBMITTED:
        order.basket.submit()
    # The receipt comes when the money is captured, at shipping.
    queue_order_emails(order)
    return Settlement(Settled.CONFIRMED, order)


def vipps_event_key(event: dict) -> str:
    """What tells one event of a payment from another of the same name:
    Vipps' pspReference, or the idempotency key of the shop's own call."""
    for field in ("pspReference", "idempotencyKey"):
        value = event.get(field)
        if isinstance(value, str) and value:
            return value[:100]
    return ""


# What the shop only records, for staff: the shop made these itself.
VIPPS_RECORDED_EVENTS = (EventName.CAPTURED, EventName.REFUNDED, EventName.CANCELLED)
VIPPS_SETTLING_EVENTS = (
    EventName.AUTHORIZED,
    EventName.ABORTED,
    EventName.EXPIRED,
    EventName.TERMINATED,
)


def handle_vipps_event(event: dict) -> WebhookAnswer:
    """Settle, discard or record what a signed Vipps webhook tells, once: a
    replay finds its event recorded and changes nothing."""
    reference, name = event.get("reference"), event.get("name")
    # Anything else Vipps signs (other events, payments of another shop or
    # of an attempt placed again since) is answered 200: an error would only
    # make Vipps send it again.
    if not isinstance(reference, str) or not isinstance(name, str):
        return WebhookAnswer.IGNORED
    if name not in VIPPS_SETTLING_EVENTS + VIPPS_RECORDED_EVENTS:
        return WebhookAnswer.IGNORED
    record = VippsPayment.objects.filter(reference=reference).first()
    if record is None:
        return WebhookAnswer.IGNORED
    # One transaction: an event is recorded only with what it changed, so
    # if acting on it fails, Vipps' next delivery tries again.
    with transaction.atomic():
        _, is_new = VippsEvent.objects.get_or_create(
            reference=reference,
            name=name,
            event_key=vipps_event_key(event),
            defaults={"amount": vipps.amount_of(event)},
        )
        if not is_new:
            return WebhookAnswer.ALREADY_HANDLED
        via = "Vipps webhook"
        if name == EventName.AUTHORIZED:
            VippsPayment.objects.filter(pk=record.pk).update(
                state=PaymentState.AUTHORIZED
            )
            confirm_vipps_payment(
                record.order_number, reference, vipps.amount_of(event), via=via
            )
        elif name in VIPPS_SETTLING_EVENTS:
            VippsPayment.objects.filter(pk=record.pk).update(state=name)
            discard_unpaid_order(record.order_number, why=f"Vipps {name}")
    return WebhookAnswer.HANDLED
