"""The withdrawal page and its receipt, inside the storefront's languages
(shop/urls.py: /angrerett/ and /en/withdrawal/)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from shop.commerce.withdrawals.views import WithdrawalSentView, WithdrawalView

urlpatterns = [
    path("", WithdrawalView.as_view(), name="withdrawal"),
    path(
        pgettext_lazy("URL", "done/"),
        WithdrawalSentView.as_view(),
        name="withdrawal-sent",
    ),
]
