"""Checkout views: Oscar's flow with a payment-method step, terms of sale,
one order per basket, stock that cannot oversell, and Stripe for cards.

Steps: gateway (e-mail or sign-in) → delivery address → shipping method →
payment method → review and place order → confirmation. A card order is
placed in "Pending payment" (its stock held), then the customer pays on
Stripe's page; shop.commerce.orders confirms or discards it.
"""

import logging

from django import http
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, RedirectView
from oscar.apps.checkout import signals as checkout_signals
from oscar.apps.checkout import views as core_views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.checkout.utils import CheckoutSessionData
from oscar.core.loading import get_model

from shop.commerce import orders
from shop.commerce.accounts import signup
from shop.commerce.checkout.forms import PaymentMethodForm, PlaceOrderForm
from shop.commerce.checkout.session import CheckoutSessionMixin
from shop.commerce.partner.models import InsufficientStock
from shop.commerce.payments import methods, stripe_checkout
from shop.commerce.payments.models import StripeCheckoutSession, StripeEvent
from shop.security import rate_limits

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


class UserAddressUpdateView(RedirectView):
    """Saved addresses are edited in the address book, in the shop's own
    layout; Oscar's checkout copy of that page brings Bootstrap and jQuery."""

    pattern_name = "customer:address-detail"


class UserAddressDeleteView(RedirectView):
    pattern_name = "customer:address-delete"


class IndexView(core_views.IndexView):
    """E-mail or sign in. Signing in here is counted like any other sign-in
    (django-axes), which needs the request passed to the form. Asking for an
    account e-mails the address (the same answer whether or not it has one)
    and the order goes on as a guest's."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        if not form.is_new_account_checkout():
            return super().form_valid(form)
        email = form.cleaned_data["username"]
        self.checkout_session.set_guest_email(email)
        checkout_signals.start_checkout.send_robust(
            sender=self, request=self.request, email=email
        )
        wait = rate_limits.seconds_until_allowed(
            self.request, action="signup", address=email
        )
        if wait:
            messages.warning(self.request, rate_limits.limit_message(wait))
        else:
            signup.queue_signup_email(email)
            messages.info(
                self.request,
                _(
                    "We have e-mailed you a link to finish creating your account. "
                    "Meanwhile your order goes on: you can place it as a guest."
                ),
            )
        return redirect(self.get_success_url())


class PaymentMethodView(CheckoutSessionMixin, FormView):
    """Invoice, or card when Stripe is configured."""

    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm
    pre_conditions = core_views.PaymentMethodView.pre_conditions

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "methods": methods.available()}

    def get_initial(self):
        return {"method": self.checkout_session.payment_method()}

    def form_valid(self, form):
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect("checkout:preview")


class PaymentDetailsView(core_views.PaymentDetailsView):
    """Review the order, accept the terms, place it once."""

    def dispatch(self, request, *args, **kwargs):
        # A repeated "place order" (double click, resubmitted form, back and
        # forth) arrives with the basket already used: show its order rather
        # than an empty-basket error, and never place a second one.
        if request.method == "POST" and request.basket.is_empty:
            placed = self.order_placed_in_this_session(request)
            if placed is not None:
                return self.show_placed_order(placed)
        return super().dispatch(request, *args, **kwargs)

    def order_placed_in_this_session(self, request):
        number = CheckoutSessionData(request).get_order_number()
        if number:
            return Order.objects.filter(number=number).first()
        order_id = request.session.get("checkout_order_id")
        return Order.objects.filter(pk=order_id).first() if order_id else None

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")  # nothing to type on our side
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request):
        if self.get_payment_method() is None:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message="Choose how you would like to pay.",
            )

    def get_payment_method(self):
        return methods.get(self.checkout_session.payment_method())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("place_order_form", PlaceOrderForm())
        context["payment_method"] = self.get_payment_method()
        context["confirmation_email"] = self.confirmation_email()
        return context

    def confirmation_email(self):
        """Where the order's e-mails go: the account's address once signed
        in, otherwise the one the guest typed at the gateway."""
        if self.request.user.is_authenticated:
            return self.request.user.email
        return self.checkout_session.get_guest_email()

    def handle_place_order_submission(self, request):
        form = PlaceOrderForm(request.POST)
        if not form.is_valid():
            return self.render_preview(request, place_order_form=form)
        return super().handle_place_order_submission(request)

    def submit(self, **kwargs):
        basket = kwargs["basket"]
        # A double click or a resubmitted form queues on this row lock and
        # then finds the order the first request placed.
        Basket.objects.select_for_update().filter(pk=basket.pk).first()
        placed = Order.objects.filter(basket_id=basket.pk).first()
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
            minutes = rate_limits.wait_minutes(wait)
            message = ngettext(
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
            return self.render_preview(self.request, error=message)
        # The order number is derived from the basket and unique, so even
        # without the lock (SQLite ignores it, but serialises transactions)
        # a second order for this basket could not be written.
        return super().submit(**kwargs)

    def order_email(self):
        if self.request.user.is_authenticated:
            return self.request.user.email
        return self.checkout_session.get_guest_email()

    def handle_payment(self, order_number, total, **kwargs):
        if self.get_payment_method() == methods.INVOICE:
            source_type, _ = SourceType.objects.get_or_create(
                code="invoice", defaults={"name": "Invoice"}
            )
            self.add_payment_source(
                Source(
                    source_type=source_type,
                    currency=total.currency,
                    amount_allocated=total.incl_tax,
                    reference=order_number,
                )
            )
        # A card is charged on Stripe's page, after the order holds its stock.

    def get_initial_order_status(self, basket):
        return self.get_payment_method().initial_status

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
                f"Sorry, “{error.stockrecord.product.get_title()}” sold out while "
                "you were checking out, so no order was placed. Your basket is "
                "kept: change the quantity or remove it, then order again.",
            )
            return redirect("basket:summary")
        except stripe_checkout.CardPaymentUnavailable as error:
            logger.warning("Card payment could not start: %s", error)
            self.restore_frozen_basket()
            messages.error(
                self.request,
                "Card payment is not available right now and nothing was charged. "
                "Please try again in a moment, or pay by invoice.",
            )
            return redirect("checkout:payment-method")

    def handle_successful_order(self, order):
        if self.get_payment_method() == methods.CARD:
            return self.start_card_payment(order)
        return super().handle_successful_order(order)

    def start_card_payment(self, order):
        """Send the customer to Stripe; the basket stays frozen until paid."""
        session = stripe_checkout.create_session(
            order,
            success_url=self.request.build_absolute_uri(reverse("checkout:card-return"))
            + "?session_id={CHECKOUT_SESSION_ID}",
            cancel_url=self.request.build_absolute_uri(reverse("checkout:card-cancel")),
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
        return http.HttpResponseRedirect(session["url"])

    def send_order_placed_email(self, order):
        orders.queue_order_emails(order)
        rate_limits.count_email(self.request, action="order", address=order.email)

    def show_placed_order(self, order):
        """What a repeated submit sees: the order, never a second one."""
        record = StripeCheckoutSession.objects.filter(order_number=order.number).first()
        if order.status == orders.PENDING_PAYMENT and record is not None:
            try:  # the same payment page again
                session = stripe_checkout.retrieve_session(record.session_id)
                return http.HttpResponseRedirect(session["url"])
            except stripe_checkout.CardPaymentUnavailable:
                messages.error(self.request, "Card payment is not available now.")
                return redirect("basket:summary")
        self.request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")


class CardReturnView(CheckoutSessionMixin, View):
    """Where Stripe sends the customer after paying."""

    def get(self, request):
        session_id = request.GET.get("session_id", "")
        try:
            session = stripe_checkout.retrieve_session(session_id)
        except stripe_checkout.CardPaymentUnavailable:
            messages.warning(
                request,
                "We could not confirm your card payment yet. If it went through, "
                "your order confirmation arrives by e-mail shortly.",
            )
            return redirect("basket:summary")
        order_number = stripe_checkout.order_number_of(session)
        if order_number is None:  # not a session of this shop
            return redirect("basket:summary")
        if not stripe_checkout.is_paid(session):
            return redirect("checkout:card-cancel")
        order = orders.confirm_card_payment(
            order_number,
            **stripe_checkout.payment_of(session),
            via="customer returned from Stripe",
        )
        if order is not None and order.status == orders.PENDING_PAYMENT:
            # Paid, but not the order's total: staff have a note to look at.
            messages.warning(
                request,
                _(
                    "Thank you. We need to check your payment before we can "
                    "confirm your order, and will be in touch by e-mail."
                ),
            )
            return redirect("home")
        placed_here = str(self.checkout_session.get_order_number()) == order_number
        if order is None or not placed_here:
            messages.info(request, "Thank you: the payment is confirmed.")
            return redirect("home")
        self.checkout_session.flush()
        request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")


class CardCancelView(CheckoutSessionMixin, View):
    """Where Stripe sends a customer who did not pay (declined, or went back)."""

    def get(self, request):
        order_number = self.checkout_session.get_order_number()
        record = StripeCheckoutSession.objects.filter(order_number=order_number).first()
        if record is None:
            return redirect("basket:summary")
        try:
            session = stripe_checkout.expire_session(record.session_id)
        except stripe_checkout.CardPaymentUnavailable:
            messages.warning(
                request,
                "We could not reach the payment provider. Please try again in a "
                "minute; nothing was charged.",
            )
            return redirect("basket:summary")
        if stripe_checkout.is_paid(session):  # paid in another tab meanwhile
            return redirect(
                reverse("checkout:card-return") + f"?session_id={session['id']}"
            )
        basket = (
            orders.discard_unpaid_order(order_number, why="card payment not completed")
            or self.basket_given_back()
        )
        record.delete()
        if basket is not None:
            # The middleware let go of the frozen basket; hand it back, as
            # Oscar's restore_frozen_basket does, so that the basket cookie
            # points at it again.
            request.basket = basket
        messages.error(
            request,
            "Your card payment was not completed and nothing was charged. Your "
            "basket is as you left it: choose how to pay to try again.",
        )
        return redirect("checkout:payment-method")

    def basket_given_back(self):
        """The basket of an order Stripe's expiry notice already removed."""
        owner = self.request.user if self.request.user.is_authenticated else None
        return Basket.open.filter(
            pk=self.checkout_session.get_submitted_basket_id(), owner=owner
        ).first()


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """Stripe's signed notices about payments. A notice seen before, or one
    that arrives after a later one, changes nothing."""

    PAID_EVENTS = (
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
    )
    UNPAID_EVENTS = (
        "checkout.session.expired",
        "checkout.session.async_payment_failed",
    )

    def post(self, request):
        try:
            event = stripe_checkout.verified_event(
                request.body, request.headers.get("Stripe-Signature")
            )
        except ValueError:
            return http.HttpResponseBadRequest("Invalid signature.")
        event_id, event_type = event.get("id"), event.get("type")
        session = stripe_checkout.session_of(event)
        order_number = session and stripe_checkout.order_number_of(session)
        # Anything else Stripe signs (other event types, sessions made outside
        # the shop) is answered 200: an error would only make Stripe retry it
        # and, in the end, disable the endpoint.
        if not (event_id and order_number) or event_type not in (
            self.PAID_EVENTS + self.UNPAID_EVENTS
        ):
            return http.HttpResponse("Ignored: not about an order of this shop.")
        _, is_new = StripeEvent.objects.get_or_create(
            event_id=event_id, defaults={"type": event_type}
        )
        if not is_new:
            return http.HttpResponse("Already handled.")
        if event_type in self.PAID_EVENTS and stripe_checkout.is_paid(session):
            orders.confirm_card_payment(
                order_number,
                **stripe_checkout.payment_of(session),
                via="Stripe webhook",
            )
        elif event_type in self.UNPAID_EVENTS:
            orders.discard_unpaid_order(order_number, why=event_type)
        return http.HttpResponse("OK")
