"""Oscar's checkout session mixin, with the limit on items per order.

Every checkout step (and placing the order) checks the basket first. Oscar
checks each line against its availability, which holds the limit per product
(shop/commerce/partner/strategy.py); the limit on items per order is added here,
because signing in merges baskets without checking it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.checkout.session import (
    CheckoutSessionMixin as CoreCheckoutSessionMixin,
)
from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")


class CheckoutSessionMixin(CoreCheckoutSessionMixin):
    def check_basket_is_valid(self, request):
        super().check_basket_is_valid(request)
        limit = settings.OSCAR_MAX_BASKET_QUANTITY_THRESHOLD
        items = request.basket.num_items
        if limit and items > limit:
            raise FailedPreCondition(
                url=reverse("basket:summary"),
                message=_(
                    "Your basket has %(items)d items, and one order can hold at "
                    "most %(limit)d. Please take some out to continue."
                )
                % {"items": items, "limit": limit},
            )

    def basket_given_back(self):
        """The basket of an order the payment provider's notice (Stripe's
        expiry, Vipps' webhook) already removed, once it is open again."""
        owner = self.request.user if self.request.user.is_authenticated else None
        return Basket.open.filter(
            pk=self.checkout_session.get_submitted_basket_id(), owner=owner
        ).first()
