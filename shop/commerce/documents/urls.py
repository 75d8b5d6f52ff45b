"""Addresses of the documents' pages: customers' downloads (under the
account's address, so private: SHOP_PRIVATE_PATHS) and the staff pages
(under /admin/, listed in shop/urls.py before admin's own)."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from shop.commerce.documents import views

app_name = "documents"

# Beside Oscar's addresses of the same orders ("orders/<number>/",
# "order-status/<number>/<hash>/"), which the customer app keeps untranslated.
customer_urlpatterns = [
    path(
        format_lazy(
            "orders/<str:order_number>/{}<int:pk>/", pgettext_lazy("URL", "documents/")
        ),
        views.SalesDocumentCustomerPdfView.as_view(),
        name="customer-pdf",
    ),
    path(
        format_lazy(
            "order-status/<str:order_number>/<str:hash>/{}<int:pk>/",
            pgettext_lazy("URL", "documents/"),
        ),
        views.SalesDocumentGuestPdfView.as_view(),
        name="guest-pdf",
    ),
]

admin_urlpatterns = [
    path(
        "admin/documents/<int:pk>/pdf/",
        views.SalesDocumentAdminPdfView.as_view(),
        name="admin-document-pdf",
    ),
    path(
        "admin/orders/<int:pk>/refund/",
        views.OrderRefundView.as_view(),
        name="admin-order-refund",
    ),
]
