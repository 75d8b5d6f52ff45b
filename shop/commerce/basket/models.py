"""Oscar's basket models, and the notices we leave in a basket."""

from django.db import models
from oscar.apps.basket.abstract_models import AbstractBasket


class Basket(AbstractBasket):
    def all_lines(self):
        # With each product's class: the stock policy and "does it ship?"
        # read it for every line, one query each time otherwise.
        if self._lines is None and self.id is not None:
            self._lines = super().all_lines().select_related("product__product_class")
        return super().all_lines()


class BasketNotice(models.Model):
    """A message for a basket's owner about a change they did not make.

    Oscar deletes basket lines together with their product; the notice keeps
    the customer informed the next time they visit.
    """

    basket = models.ForeignKey(
        "basket.Basket", on_delete=models.CASCADE, related_name="notices"
    )
    message = models.CharField(max_length=300)
    date_created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date_created", "pk"]

    def __str__(self):
        return self.message


from oscar.apps.basket.models import *  # noqa: E402, F403
