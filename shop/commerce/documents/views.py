"""Downloading a document's PDF (the customer, a guest, staff) and the staff
page that refunds an order.

Each download is for the order's own people only, and anyone else gets a
404 (the same answer as for a document that does not exist, so numbers
cannot be probed). Staff pages are for shop managers: a content editor is
refused with 403. PDFs are private: never stored by a browser, a proxy or
the page cache.
"""

from decimal import Decimal

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import FormView
from oscar.core.loading import get_model

from shop.commerce.documents import printing, refunds
from shop.commerce.documents.forms import RefundForm
from shop.commerce.documents.models import SalesDocument
from shop.core.money import format_price

Order = get_model("order", "Order")

VIEW_PERMISSION = "documents.view_salesdocument"
# Refunding changes an order and moves money: shop managers hold both.
REFUND_PERMISSIONS = ("order.change_order", VIEW_PERMISSION)


def pdf_response(document: SalesDocument) -> HttpResponse:
    response = HttpResponse(printing.pdf_of(document), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{printing.filename_of(document)}"'
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


class SalesDocumentCustomerPdfView(LoginRequiredMixin, View):
    """A document of one of the signed-in customer's orders."""

    def get(self, request, order_number, pk):
        document = get_object_or_404(
            SalesDocument,
            pk=pk,
            order__number=order_number,
            order__user=request.user,
        )
        return pdf_response(document)


class SalesDocumentGuestPdfView(View):
    """A document of a guest's order, on the same terms as Oscar's guest
    order page: the order's signed link, and the order's e-mail address
    given in this session (customer/mixins.py ``AnonymousOrderMixin``)."""

    def get(self, request, order_number, hash, pk):
        order = Order.objects.filter(user=None, number=order_number).first()
        if (
            order is None
            or not order.check_verification_hash(hash)
            or request.session.get("anon_order_email") != order.email
        ):
            raise Http404
        return pdf_response(get_object_or_404(SalesDocument, pk=pk, order=order))


def require_permissions(request, permissions) -> None:
    if not (request.user.is_active and request.user.has_perms(permissions)):
        raise PermissionDenied


@method_decorator(staff_member_required, name="dispatch")
class SalesDocumentAdminPdfView(View):
    """Any document, for shop managers (URL name "admin-document-pdf")."""

    def get(self, request, pk):
        require_permissions(request, (VIEW_PERMISSION,))
        return pdf_response(get_object_or_404(SalesDocument, pk=pk))


@method_decorator(staff_member_required, name="dispatch")
class OrderRefundView(FormView):
    """Refund chosen lines and the shipping of an order (URL name
    "admin-order-refund"): pick, see the amount, confirm."""

    form_class = RefundForm
    template_name = "documents/order_refund.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            require_permissions(request, REFUND_PERMISSIONS)
        self.order = get_object_or_404(Order, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "order": self.order}

    def form_valid(self, form):
        chosen = form.chosen()
        try:
            # Nothing is written until the staff member has seen the amount.
            planned, shipping = refunds.plan(self.order, **chosen)
        except ValueError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        amount = sum((a for _, _, a in planned), Decimal(0)) + shipping
        if not form.cleaned_data.get("confirmed"):
            return self.render_to_response(
                self.get_context_data(form=form, planned=planned, amount=amount)
            )
        try:
            credit_note = refunds.refund(
                self.order,
                **chosen,
                returned=form.cleaned_data["returned"],
                by=self.request.user,
            )
        except ValueError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Credit note {credit_note.number} issued for "
            f"{format_price(credit_note.amount, credit_note.currency)} and "
            "e-mailed to the customer.",
        )
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.order.sales_documents
        context.update(
            **admin.site.each_context(self.request),
            order=self.order,
            title=f"Refund order {self.order.number}",
            documents=document.order_by("issued_at"),
            sale_document=refunds.sale_document_of(self.order),
            shipping_left=refunds.shipping_left(self.order),
            credited=refunds.credited_total(self.order),
            currency=self.order.currency,
        )
        return context
