"""Oscar's basket app, forked (models and migrations unchanged) for a
quantity form that names the limit it hits, and a basket page hardened
against hand-made posts; Oscar finds both here by their module names."""

from oscar.apps.basket import apps


class BasketConfig(apps.BasketConfig):
    name = "shop.basket"
