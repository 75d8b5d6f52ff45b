"""Oscar's basket app, forked for a quantity form that names the limit it
hits, a basket page hardened against hand-made posts (Oscar finds both here by
their module names), a SameSite basket cookie, notices about lines the shop
removed, and the item count cached pages show in the header (summary.py)."""

from django.db.models.signals import pre_delete
from oscar.apps.basket.apps import BasketConfig as CoreBasketConfig


class BasketConfig(CoreBasketConfig):
    name = "shop.commerce.basket"

    def ready(self):
        super().ready()
        from shop.commerce.basket import personal_data, summary
        from shop.commerce.basket.notices import notify_baskets_of_deleted_product

        personal_data.register()
        summary.connect_signals()
        pre_delete.connect(
            notify_baskets_of_deleted_product,
            sender="catalogue.Product",
            dispatch_uid="basket.notify_baskets_of_deletion",
        )
