"""Oscar's checkout app, forked for our forms, payment methods and order rules.

Stripe's and Vipps' webhooks have addresses without a language, in
shop/urls.py."""

from django.urls import path
from oscar.apps.checkout.apps import CheckoutConfig as CoreCheckoutConfig
from oscar.core.loading import get_class


class CheckoutConfig(CoreCheckoutConfig):
    name = "shop.commerce.checkout"

    def ready(self):
        super().ready()
        from shop.commerce import order_privacy, orders

        orders.connect_signals()
        order_privacy.register()
        self.card_return_view = get_class("checkout.views", "CardReturnView")
        self.card_cancel_view = get_class("checkout.views", "CardCancelView")
        self.vipps_return_view = get_class("checkout.views", "VippsReturnView")

    def get_urls(self):
        urls = [
            path("card/return/", self.card_return_view.as_view(), name="card-return"),
            path("card/cancel/", self.card_cancel_view.as_view(), name="card-cancel"),
            path(
                "vipps/return/", self.vipps_return_view.as_view(), name="vipps-return"
            ),
        ]
        return super().get_urls() + self.post_process_urls(urls)
