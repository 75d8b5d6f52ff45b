"""Oscar's order app, forked to record the language each order was placed in,
so every e-mail about it is written in that language."""

from oscar.apps.order.apps import OrderConfig as CoreOrderConfig


class OrderConfig(CoreOrderConfig):
    name = "shop.commerce.order"
