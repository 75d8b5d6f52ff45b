"""Header and footer links, cached per language until staff change a
category, routine or page."""

from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from products.models import Category, Routine
from shop.core.languages import language_codes
from shop.storefront.footer_pages import footer_page_url, language_prefix

MENU_KEY = "shop:navigation:menu"
ROUTINES_KEY = "shop:navigation:routines"
FOOTER_KEY = "shop:navigation:footer"
FOOTER_ADDRESSES_KEY = "shop:navigation:footer-addresses"


def _key(name):
    return f"{name}:{translation.get_language()}"


def _forget(name):
    cache.delete_many([f"{name}:{code}" for code in language_codes()])


def menu_categories():
    """(name, url) of the public top-level categories, in tree order."""
    return cache.get_or_set(
        _key(MENU_KEY),
        lambda: [
            (category.name, category.get_absolute_url())
            for category in Category.objects.get_root_nodes().filter(
                is_public=True, exclude_from_menu=False
            )
        ],
    )


def menu_routines():
    """(name, url) of the public routines."""
    return cache.get_or_set(
        _key(ROUTINES_KEY),
        lambda: [
            (routine.name, routine.get_absolute_url())
            for routine in Routine.objects.filter(is_public=True)
        ],
    )


def footer_pages():
    """(title, url) of the public footer pages, by URL."""
    return cache.get_or_set(
        _key(FOOTER_KEY),
        lambda: [
            (page.title, footer_page_url(page))
            for page in FlatPage.objects.filter(registration_required=False).order_by(
                "url"
            )
        ],
    )


def footer_page_address(english_address):
    """The address in the active language of the footer page stored at
    ``english_address`` ("/pages/terms-of-sale/"), the demo's and the
    code's one name for it whatever staff call it in Bokmål."""
    addresses = cache.get_or_set(
        _key(FOOTER_ADDRESSES_KEY),
        lambda: {
            page.url_en: footer_page_url(page)
            for page in FlatPage.objects.exclude(url_en=None).exclude(url_en="")
        },
    )
    return (
        addresses.get(english_address)
        or language_prefix(translation.get_language()) + english_address
    )


# Connected in the storefront's ready(); forgotten once the change commits,
# so no visitor in between caches the old links again.


def forget_menu(using=None, **kwargs):
    transaction.on_commit(lambda: _forget(MENU_KEY), using=using)


def forget_routines(using=None, **kwargs):
    transaction.on_commit(lambda: _forget(ROUTINES_KEY), using=using)


def forget_footer(using=None, **kwargs):
    transaction.on_commit(lambda: _forget(FOOTER_KEY), using=using)
    transaction.on_commit(lambda: _forget(FOOTER_ADDRESSES_KEY), using=using)
