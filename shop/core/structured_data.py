"""What every JSON-LD builder shares, and the builders each app registers.

The builders follow the properties Google documents as required or
recommended for each rich result. An app registers the ones for its pages in
its own ``AppConfig.ready()`` (``register_json_ld("product", product)``); the
storefront's template tags ask for them by page type with ``json_ld_for``.
Every address is absolute and built from SHOP_SITE_URL.
"""

from collections.abc import Callable, Iterable
from datetime import datetime

from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.utils import timezone
from django.utils.text import Truncator

from shop.core.renditions import preview_rendition
from shop.core.site_urls import absolute, site_url

SCHEMA = "https://schema.org"
DESCRIPTION_LENGTH = 160

Builder = Callable[..., dict | None]
_builders: dict[str, Builder] = {}


def register_json_ld(page_type: str, builder: Builder) -> None:
    """``builder`` writes the structured data of pages of ``page_type``."""
    if _builders.setdefault(page_type, builder) is not builder:
        raise ImproperlyConfigured(f"Two builders claim the page type {page_type!r}.")


def json_ld_for(page_type: str, *args, **kwargs) -> dict | None:
    """The structured data of a page, from the builder its app registered."""
    return _builders[page_type](*args, **kwargs)


def plain_text(value, length: int | None = DESCRIPTION_LENGTH) -> str:
    """Text for a title or description: one line, cut at a word. Sources
    written in HTML (footer pages, Oscar's category texts) are passed through
    ``striptags`` first; plain text keeps every character it has."""
    text = " ".join(str(value or "").split())
    return Truncator(text).chars(length) if length else text


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in the shop's time zone: 2026-10-01T08:00:00+02:00."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def organization_id() -> str:
    return site_url("/#organization")


def logo_url() -> str:
    return absolute(static("images/logo.png"))


def default_preview_image_url() -> str:
    return absolute(static("images/og-default.png"))


def image_urls(pictures: Iterable) -> list[str]:
    """Link-preview addresses of the pictures, or the shop's own preview."""
    urls = []
    for picture in pictures:
        rendition = preview_rendition(picture)
        if rendition:
            urls.append(absolute(rendition.url))
    return urls or [default_preview_image_url()]
