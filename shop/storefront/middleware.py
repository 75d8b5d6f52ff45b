"""The storefront's middleware: the robots header of pages kept out of search."""

from shop.storefront import seo


def robots_header_middleware(get_response):
    """``X-Robots-Tag: noindex`` on search, basket, checkout and account pages,
    including Oscar's own templates, which have no robots meta tag of ours."""

    def middleware(request):
        response = get_response(request)
        if seo.is_noindex(request):
            response["X-Robots-Tag"] = "noindex"
        return response

    return middleware
