"""Middleware of the project app."""

from django.contrib import messages

from shop import seo
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


def robots_header_middleware(get_response):
    """``X-Robots-Tag: noindex`` on search, basket, checkout and account pages,
    including Oscar's own templates, which have no robots meta tag of ours."""

    def middleware(request):
        response = get_response(request)
        if seo.is_noindex(request):
            response["X-Robots-Tag"] = "noindex"
        return response

    return middleware
