"""Staff pages about an order outside its admin form: the packing slip."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from oscar.core.loading import get_model

from shop.commerce.order.packing_slip import packing_slip_pdf
from shop.security import staff

Order = get_model("order", "Order")


def packing_slip(request, pk):
    """The order's packing slip as a PDF, for shop managers. Wrapped in the
    admin's sign-in (shop/urls.py)."""
    if not staff.may_handle_orders(request.user):
        raise PermissionDenied
    order = get_object_or_404(
        Order.objects.select_related("shipping_address__country"), pk=pk
    )
    response = HttpResponse(packing_slip_pdf(order), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="packing-slip-{order.number}.pdf"'
    )
    return response
