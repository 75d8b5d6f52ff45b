"""Checkout views: Oscar's flow with a payment-method step, terms of sale,
Stripe for cards and Vipps.

Steps: gateway (e-mail or sign-in) → delivery address → shipping method
(with the pickup point, or leaving the parcel at the door) → payment method →
review and place order → confirmation. What placing the order does, and what
settles a card or Vipps payment, is shop/commerce/placing.py; these views ask
it and answer the customer (or Stripe, or Vipps).
"""

import logging

from django import http
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, RedirectView, TemplateView
from oscar.apps.checkout import signals as checkout_signals
from oscar.apps.checkout import views as core_views
from oscar.apps.checkout.exceptions import FailedPreCondition

from shop.commerce import placing
from shop.commerce.accounts import signup
from shop.commerce.checkout.forms import (
    PaymentMethodForm,
    PlaceOrderForm,
    PostcodeSearchForm,
    ShippingMethodForm,
)
from shop.commerce.checkout.session import CheckoutSessionMixin
from shop.commerce.payments import methods, stripe_checkout, vipps
from shop.commerce.payments.models import StripeCheckoutSession, VippsPayment
from shop.commerce.payments.vipps import PaymentState
from shop.commerce.placing import PlaceOrderMixin, Settled
from shop.commerce.shipping import pickup_points
from shop.commerce.shipping.pickup_points import PICKUP_METHOD_CODE, DeliveryChoice
from shop.security import rate_limits

logger = logging.getLogger(__name__)


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


class ShippingMethodView(core_views.ShippingMethodView):
    """Oscar's delivery step, with the pickup point and the door.

    With the pickup-point method on offer, the page lists Bring's nearest
    points to the delivery address's postcode, or to another one searched
    with ``?postcode=`` (a GET form, so it works without JavaScript); the
    nearest, or the one chosen before, is preselected. Home delivery asks,
    unticked, whether the parcel may be left at the door. Bring down, or no
    point near: the page says so and the parcel goes to the pickup point
    nearest the address (no point chosen), so the order always goes on.
    """

    form_class = ShippingMethodForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if any(method.code == PICKUP_METHOD_CODE for method in self._methods):
            context["pickup"] = self.pickup_context(context["form"])
        context["leave_at_door"] = self.checkout_session.leaves_at_door()
        return context

    def pickup_context(self, form):
        """The search form, the points for the postcode it asks about (the
        address's, unless another valid one was searched), and which is
        preselected."""
        address_postcode = self.delivery_postcode()
        if "postcode" in self.request.GET:
            search = PostcodeSearchForm(self.request.GET)
            postcode = (
                search.cleaned_data["postcode"]
                if search.is_valid()
                else address_postcode
            )
        else:
            search = PostcodeSearchForm(initial={"postcode": address_postcode})
            postcode = address_postcode
            if form.is_bound:  # a choice that did not go through: its list again
                postcode = form.data.get("pickup_postcode") or address_postcode
        result = self.points_near(postcode)
        chosen = (
            form.data.get("pickup_point")
            if form.is_bound
            else (self.checkout_session.pickup_point() or {}).get("id")
        )
        selected = None
        if result is not None:
            selected = result.find(chosen or "") or result.nearest
        return {
            "search": search,
            "result": result,
            "selected": selected,
            "other_postcode": result is not None and postcode != address_postcode,
        }

    def points_near(self, postcode):
        try:
            return pickup_points.near(postcode)
        except pickup_points.InvalidPostcode:
            return None  # an address without a usable postcode: the fallback

    def delivery_postcode(self):
        if not hasattr(self, "_delivery_postcode"):
            address = self.get_shipping_address(self.request.basket)
            self._delivery_postcode = getattr(address, "postcode", "") or ""
        return self._delivery_postcode

    def form_valid(self, form):
        if form.cleaned_data["method_code"] != PICKUP_METHOD_CODE:
            self.checkout_session.use_delivery_choice(
                leave_at_door=form.cleaned_data["leave_at_door"]
            )
            return super().form_valid(form)
        point_id = form.cleaned_data["pickup_point"]
        snapshot = None
        if point_id:
            result = self.points_near(
                form.cleaned_data["pickup_postcode"] or self.delivery_postcode()
            )
            if result is not None and not result.unavailable:
                point = result.find(point_id)
                if point is None:
                    form.add_error(
                        "pickup_point", _("Choose one of the pickup points listed.")
                    )
                    return self.form_invalid(form)
                snapshot = point.snapshot()
            # Bring gone since the list was shown: the nearest to the address.
        self.checkout_session.use_delivery_choice(pickup_point=snapshot)
        return super().form_valid(form)

    def form_invalid(self, form):
        if "method_code" in form.errors:  # Oscar's message: no such method
            return super().form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form))


class PaymentMethodView(CheckoutSessionMixin, FormView):
    """Vipps when configured first, card when Stripe is configured, invoice."""

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


class PaymentDetailsView(PlaceOrderMixin, core_views.PaymentDetailsView):
    """Review the order, accept the terms, place it once (PlaceOrderMixin)."""

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")  # nothing to type on our side
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request):
        if self.get_payment_method() is None:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Choose how you would like to pay."),
            )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("place_order_form", PlaceOrderForm())
        context["payment_method"] = self.get_payment_method()
        context["confirmation_email"] = self.order_email()
        context["delivery_choice"] = self.delivery_choice()
        return context

    def build_submission(self, **kwargs):
        # The delivery choice goes on the order as it is created (Oscar's
        # OrderCreator passes order_kwargs to the Order).
        submission = super().build_submission(**kwargs)
        choice = self.delivery_choice()
        submission["order_kwargs"].update(
            pickup_point_id=choice.point.id if choice.point else "",
            pickup_point_name=choice.point.name if choice.point else "",
            pickup_point_address=choice.point.address if choice.point else "",
            leave_at_door=choice.leave_at_door,
        )
        return submission

    def delivery_choice(self) -> DeliveryChoice:
        session = self.checkout_session
        snapshot = session.pickup_point()
        if session.shipping_method_code(self.request.basket) == PICKUP_METHOD_CODE:
            return DeliveryChoice(
                pickup=True,
                point=pickup_points.ChosenPoint.from_snapshot(snapshot)
                if snapshot
                else None,
            )
        return DeliveryChoice(pickup=False, leave_at_door=session.leaves_at_door())

    def handle_place_order_submission(self, request):
        form = PlaceOrderForm(request.POST)
        if not form.is_valid():
            return self.render_preview(request, place_order_form=form)
        return super().handle_place_order_submission(request)


class CardReturnView(CheckoutSessionMixin, View):
    """Where Stripe sends the customer after paying."""

    def get(self, request):
        session_id = request.GET.get("session_id", "")
        try:
            session = stripe_checkout.retrieve_session(session_id)
        except stripe_checkout.CardPaymentUnavailable:
            messages.warning(
                request,
                _(
                    "We could not confirm your card payment yet. If it went "
                    "through, your order confirmation arrives by e-mail shortly."
                ),
            )
            return redirect("basket:summary")
        settled = placing.settle_paid_session(
            session, via="customer returned from Stripe"
        )
        if settled.outcome is Settled.NOT_OURS:
            return redirect("basket:summary")
        if settled.outcome is Settled.NOT_PAID:
            return redirect("checkout:card-cancel")
        if settled.outcome is Settled.LEFT_FOR_STAFF:
            # Paid, but not the order's total: staff have a note to look at.
            messages.warning(
                request,
                _(
                    "Thank you. We need to check your payment before we can "
                    "confirm your order, and will be in touch by e-mail."
                ),
            )
            return redirect("home")
        order = settled.order
        placed_here = order is not None and order.number == str(
            self.checkout_session.get_order_number()
        )
        if not placed_here:
            messages.info(request, _("Thank you: the payment is confirmed."))
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
                _(
                    "We could not reach the payment provider. Please try again in "
                    "a minute; nothing was charged."
                ),
            )
            return redirect("basket:summary")
        if stripe_checkout.is_paid(session):  # paid in another tab meanwhile
            return redirect(
                reverse("checkout:card-return") + f"?session_id={session['id']}"
            )
        basket = (
            placing.discard_unpaid_order(order_number, why="card payment not completed")
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
            _(
                "Your card payment was not completed and nothing was charged. "
                "Your basket is as you left it: choose how to pay to try again."
            ),
        )
        return redirect("checkout:payment-method")


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """Stripe's signed notices about payments (placing.handle_stripe_event)."""

    def post(self, request):
        try:
            event = stripe_checkout.verified_event(
                request.body, request.headers.get("Stripe-Signature")
            )
        except ValueError:
            return http.HttpResponseBadRequest("Invalid signature.")
        return http.HttpResponse(placing.handle_stripe_event(event))


class VippsReturnView(CheckoutSessionMixin, TemplateView):
    """Where Vipps sends the customer back, whatever happened there. The
    address is never taken at its word: the payment's state comes from Vipps
    (placing.settle_vipps_payment). Approved: the thank-you page. Aborted or
    expired: the basket back. Not yet approved, or Vipps out of reach: a page
    that says we are waiting, to check again, open Vipps again or pay
    another way (POST: the payment is cancelled at Vipps first)."""

    template_name = "oscar/checkout/vipps_waiting.html"

    def record(self):
        """The payment asked about: named in the address (the app may open
        another browser than the one the order was placed in), or else the
        one of the order placed in this session. Only one of ours counts."""
        reference = self.request.GET.get("reference") or self.request.POST.get(
            "reference", ""
        )
        records = VippsPayment.objects.all()
        if reference:
            return records.filter(reference=reference[:50]).first()
        number = self.checkout_session.get_order_number()
        return records.filter(order_number=number).first() if number else None

    def get(self, request):
        record = self.record()
        if record is None:
            return redirect("basket:summary")
        try:
            payment = vipps.get_payment(record.reference)
        except (vipps.VippsUnavailable, vipps.VippsRefused) as error:
            logger.warning("Vipps return for %s: %s", record.reference, error)
            return self.waiting(record, unreachable=True)
        return self.answer(record, payment)

    def post(self, request):
        """ "Pay another way": the payment is closed at Vipps (a payment
        approved meanwhile is confirmed instead), then the basket is back."""
        record = self.record()
        if record is None:
            return redirect("basket:summary")
        try:
            payment = vipps.get_payment(record.reference)
            if payment.get("state") == PaymentState.CREATED:
                vipps.cancel(
                    record.reference, idempotency_key=f"{record.reference}-cancel"
                )
                payment = vipps.get_payment(record.reference)
        except (vipps.VippsUnavailable, vipps.VippsRefused) as error:
            logger.warning("Vipps cancel for %s: %s", record.reference, error)
            return self.waiting(record, unreachable=True)
        return self.answer(record, payment)

    def answer(self, record, payment):
        request = self.request
        settled = placing.settle_vipps_payment(
            record.reference, payment, via="customer returned from Vipps"
        )
        if settled.outcome is Settled.NOT_PAID:
            return self.waiting(record)
        if settled.outcome is Settled.DISCARDED:
            basket = settled.basket or self.basket_given_back()
            if basket is not None:
                # As CardCancelView: the basket cookie points at it again.
                request.basket = basket
            messages.error(
                request,
                _(
                    "Your Vipps payment was not completed and nothing was "
                    "charged. Your basket is as you left it: choose how to pay "
                    "to try again."
                ),
            )
            return redirect("checkout:payment-method")
        if settled.outcome is Settled.LEFT_FOR_STAFF:
            messages.warning(
                request,
                _(
                    "Thank you. We need to check your payment before we can "
                    "confirm your order, and will be in touch by e-mail."
                ),
            )
            return redirect("home")
        order = settled.order
        placed_here = order is not None and order.number == str(
            self.checkout_session.get_order_number()
        )
        if not placed_here:
            messages.info(
                request,
                _(
                    "Thank you: Vipps has reserved the payment. Your order "
                    "confirmation arrives by e-mail."
                ),
            )
            return redirect("home")
        self.checkout_session.flush()
        request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")

    def waiting(self, record, *, unreachable=False):
        return self.render_to_response(
            self.get_context_data(record=record, unreachable=unreachable)
        )


@method_decorator(csrf_exempt, name="dispatch")
class VippsWebhookView(View):
    """Vipps' signed webhooks about payments (placing.handle_vipps_event)."""

    def post(self, request):
        try:
            event = vipps.verified_webhook(
                method=request.method,
                path_and_query=request.get_full_path(),
                headers=request.headers,
                body=request.body,
            )
        except vipps.WebhookSignatureInvalid:
            return http.HttpResponseBadRequest("Invalid signature.")
        return http.HttpResponse(placing.handle_vipps_event(event))
