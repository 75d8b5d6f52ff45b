"""Middleware of the project app."""

from django.contrib import messages

from shop.models import BasketNotice


def basket_notice_middleware(get_response):
    """Turn pending basket notices into one-off messages for the visitor."""

    def middleware(request):
        basket = request.basket
        if basket.id:
            notices = list(BasketNotice.objects.filter(basket_id=basket.id))
            for notice in notices:
                messages.warning(request, notice.message)
            if notices:
                BasketNotice.objects.filter(pk__in=[n.pk for n in notices]).delete()
        return get_response(request)

    return middleware
