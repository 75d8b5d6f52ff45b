"""Which language a request is in, the language switcher, and the 301s from
the addresses the shop had when it spoke English only.

Every storefront address says its language: Bokmål at the root, English
under /en/ (shop/urls.py). So a page is the same for every visitor who asks
for it, and the page cache needs no other key than the address. The one
exception is the bare home page: a visitor who chose English with the
switcher is sent from "/" to "/en/" (the choice is kept in a cookie).
"""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

from shop.core.languages import language_codes

OLD_LANGUAGE = "en"


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, which takes the language from the address,
    with three differences:

    - staff pages (admin) are in English, as their help texts are;
    - the bare "/" follows the visitor's chosen language;
    - an address of the English-only shop that no Bokmål page answers (it
      has no language prefix) answers 301 with its /en/ page.
    """

    def process_request(self, request):
        if request.path_info.startswith("/admin/"):
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
            return None
        super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if (
            request.path_info == "/"
            and chosen in language_codes()
            and chosen != settings.LANGUAGE_CODE
        ):
            response = HttpResponseRedirect(f"/{chosen}/")
            patch_vary_headers(response, ("Cookie",))
            return response
        return None

    def process_response(self, request, response):
        if response.status_code == 404 and not _has_language_prefix(request):
            moved = _english_address(request)
            if moved:
                redirect = (
                    HttpResponsePermanentRedirect
                    if request.method in ("GET", "HEAD")
                    else _PermanentRedirectKeepingMethod
                )
                return redirect(moved)
        # Addresses carry their language, so Django's "Vary: Accept-Language"
        # would only split caches for nothing.
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class _PermanentRedirectKeepingMethod(HttpResponsePermanentRedirect):
    status_code = 308


def _has_language_prefix(request):
    return translation.get_language_from_path(request.path_info) is not None


def _english_address(request):
    """The /en/ address answering what the English-only shop answered at
    this path, or None."""
    path = f"/{OLD_LANGUAGE}{request.path_info}"
    with translation.override(OLD_LANGUAGE):
        try:
            resolve(path)
        except Resolver404:
            return None
    query = request.META.get("QUERY_STRING", "")
    return f"{request.META.get('SCRIPT_NAME', '')}{path}" + (
        f"?{query}" if query else ""
    )


def choose_language(request, language):
    """Remember ``language`` for the bare home page, then show ``next`` (the
    same page in that language, which the switcher links to)."""
    if language not in language_codes():
        raise Http404("No such language")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
        httponly=True,
    )
    return response
