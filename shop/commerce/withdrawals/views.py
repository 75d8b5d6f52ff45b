"""The withdrawal page: the rules in short, then two steps that work
without JavaScript.

1. Which order: its number and the e-mail address it was placed with (a
   signed-in customer may pick one of theirs). A wrong number and a wrong
   address get the same answer, and failed tries are rate-limited per IP
   address, so the page cannot be used to find out which orders exist.
2. Which lines, and how many of each. The order number and address travel
   in hidden fields and are checked again, so the step keeps no state on the
   server and the browser's back button works.

Sending records the withdrawal and its receipts (submitting.py), then shows
the receipt page. Every refusal (rules.py) is a message on the page.
"""

from django.shortcuts import redirect, render
from django.views import View
from oscar.core.loading import get_model

from shop.commerce.statuses import OrderStatus
from shop.commerce.withdrawals import rules, submitting
from shop.commerce.withdrawals.forms import ChooseLinesForm, FindOrderForm
from shop.commerce.withdrawals.models import Withdrawal
from shop.security import rate_limits

Order = get_model("order", "Order")

SESSION_KEY = "withdrawal_id"
FIND, SEND = "find", "send"


class WithdrawalView(View):
    template_name = "withdrawals/withdrawal.html"

    def get(self, request):
        initial = {"email": request.user.email} if self.signed_in else {}
        return self.first_step(FindOrderForm(initial=initial, orders=self.own_orders()))

    def post(self, request):
        find = FindOrderForm(request.POST, orders=self.own_orders())
        if not find.is_valid():
            return self.first_step(find)
        wait = rate_limits.failed_lookups_wait(request, action="withdrawal")
        if wait:
            find.add_error(None, rate_limits.limit_message(wait))
            return self.first_step(find)
        try:
            order = self.order_of(find)
            rules.check_withdrawable(order)
        except rules.Refusal as refusal:
            find.add_error(None, refusal.message)
            return self.first_step(find)
        choose = ChooseLinesForm(
            request.POST if request.POST.get("step") == SEND else None,
            order=order,
            remaining=rules.remaining_quantities(order),
        )
        if not choose.is_bound or not choose.is_valid():
            return self.second_step(order, choose)
        wait = rate_limits.seconds_until_allowed(
            request, action="withdrawal", address=order.email, count=False
        )
        if wait:
            choose.add_error(None, rate_limits.limit_message(wait))
            return self.second_step(order, choose)
        try:
            withdrawal = submitting.submit_withdrawal(
                order=order,
                quantities=choose.quantities(),
                email=order.email,
                message=choose.cleaned_data["message"],
            )
        except rules.Refusal as refusal:
            choose.add_error(None, refusal.message)
            return self.second_step(order, choose)
        rate_limits.count_email(request, action="withdrawal", address=order.email)
        request.session[SESSION_KEY] = withdrawal.pk
        return redirect("withdrawal-sent")

    @property
    def signed_in(self):
        return self.request.user.is_authenticated

    def own_orders(self):
        if not self.signed_in:
            return []
        return list(
            Order.objects.filter(user=self.request.user)
            .exclude(status__in=[OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED])
            .order_by("-date_placed")[:20]
        )

    def order_of(self, find):
        """The picked order of a signed-in customer, or the one whose number
        and address were given (rules.find_order refuses a wrong pair, and
        counts it against the visitor's failed tries)."""
        picked = find.picked_order()
        if picked is not None:
            return picked
        try:
            return rules.find_order(
                find.cleaned_data["number"], find.cleaned_data["email"]
            )
        except rules.Refusal:
            rate_limits.failed_lookups_wait(
                self.request, action="withdrawal", count=True
            )
            raise

    def first_step(self, find):
        return render(
            self.request,
            self.template_name,
            {"step": FIND, "find": find, "days": rules.withdrawal_days()},
        )

    def second_step(self, order, choose):
        return render(
            self.request,
            self.template_name,
            {
                "step": SEND,
                "order": order,
                "choose": choose,
                "rows": choose.line_rows(),
                "days": rules.withdrawal_days(),
                "deadline": rules.deadline(order),
            },
        )


class WithdrawalSentView(View):
    """The receipt page, for the visitor who just sent the withdrawal."""

    def get(self, request):
        withdrawal = (
            Withdrawal.objects.filter(pk=request.session.get(SESSION_KEY))
            .select_related("order")
            .first()
        )
        if withdrawal is None:
            return redirect("withdrawal")
        return render(
            request,
            "withdrawals/withdrawal_sent.html",
            {
                "withdrawal": withdrawal,
                "lines": withdrawal.lines.select_related("order_line"),
                "days": rules.withdrawal_days(),
            },
        )
