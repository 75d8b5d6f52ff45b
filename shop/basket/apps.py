"""Oscar's basket app, forked for a basket form that names the limit it hits."""

from oscar.apps.basket import apps


class BasketConfig(apps.BasketConfig):
    name = "shop.basket"
