"""Oscar's basket middleware, with a basket cookie other sites cannot use."""

from oscar.apps.basket.middleware import BasketMiddleware as CoreBasketMiddleware


class BasketMiddleware(CoreBasketMiddleware):
    def process_response(self, request, response):
        response = super().process_response(request, response)
        cookie = response.cookies.get(self.get_cookie_key(request))
        if cookie is not None and cookie.value:
            # Not sent along with requests other sites start (forms posting
            # into the shop), so they cannot reach a visitor's basket.
            cookie["samesite"] = "Lax"
        return response
