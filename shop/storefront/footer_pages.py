"""Footer pages (Django's flatpages) at an address per language.

A page stores its address in each language without the language prefix
("/sider/personvern/" and "/pages/privacy/"); the English one is shown
under /en/. Django's own ``FlatPage.get_absolute_url()`` knows neither, so
links are made with ``footer_page_url()``.
"""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.utils import translation


def language_prefix(language: str) -> str:
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def footer_page_url(page: FlatPage, language: str | None = None) -> str:
    """The page's address in ``language`` (the active one by default); a page
    not yet given an address in it is shown at its other address."""
    language = language or translation.get_language()
    own = getattr(page, f"url_{language}", None)
    if own:
        return language_prefix(language) + own
    for code, _name in settings.LANGUAGES:
        other = getattr(page, f"url_{code}", None)
        if other:
            return language_prefix(code) + other
    return page.url


def find_footer_page(path: str, site) -> FlatPage | None:
    """The page at ``path`` (with its language prefix) on ``site``."""
    language = translation.get_language()
    stored = path.removeprefix(language_prefix(language))
    return FlatPage.objects.filter(sites=site, **{f"url_{language}": stored}).first()
