"""Oscar's basket middleware, with a basket cookie other sites cannot use,
and the notices about changes the customer did not make."""

from django.contrib import messages
from oscar.apps.basket.middleware import BasketMiddleware as CoreBasketMiddleware
from oscar.core.loading import get_class

from shop.commerce.basket.models import BasketNotice
from shop.commerce.basket.notices import shown_lazily
from shop.commerce.basket.summary import basket_facts

Applicator = get_class("offer.applicator", "Applicator")


class BasketMiddleware(CoreBasketMiddleware):
    def apply_offers_to_basket(self, request, basket):
        # Loading the lines tells whether there are any: Oscar counts them in
        # a query of its own first, then loads them to apply the offers.
        if basket.id and basket.all_lines():
            Applicator().apply(basket, request.user, request)

    def process_response(self, request, response):
        response = super().process_response(request, response)
        cookie = response.cookies.get(self.get_cookie_key(request))
        if cookie is not None and cookie.value:
            # Not sent along with requests other sites start (forms posting
            # into the shop), so they cannot reach a visitor's basket.
            cookie["samesite"] = "Lax"
        return response


def basket_notice_middleware(get_response):
    """Turn pending basket notices into one-off messages for the visitor,
    in the visitor's language."""

    def middleware(request):
        basket = request.basket
        # Whether any wait is known without a query (shop/commerce/basket/summary.py).
        if basket.id and basket_facts(basket.id).has_notices:
            notices = list(BasketNotice.objects.filter(basket_id=basket.id))
            for notice in notices:
                messages.warning(request, shown_lazily(notice.message))
            if notices:
                BasketNotice.objects.filter(pk__in=[n.pk for n in notices]).delete()
        return get_response(request)

    return middleware
