"""Header and footer links, cached until staff change a category or page."""

from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import transaction

from products.models import Category, Routine

MENU_KEY = "shop:navigation:menu"
ROUTINES_KEY = "shop:navigation:routines"
FOOTER_KEY = "shop:navigation:footer"


def menu_categories():
    """(name, url) of the public top-level categories, in tree order."""
    return cache.get_or_set(
        MENU_KEY,
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
        ROUTINES_KEY,
        lambda: [
            (routine.name, routine.get_absolute_url())
            for routine in Routine.objects.filter(is_public=True)
        ],
    )


def footer_pages():
    """(title, url) of the public footer pages, by URL."""
    return cache.get_or_set(
        FOOTER_KEY,
        lambda: [
            (page.title, page.get_absolute_url())
            for page in FlatPage.objects.filter(registration_required=False).order_by(
                "url"
            )
        ],
    )


# Connected in the storefront's ready(); forgotten once the change commits,
# so no visitor in between caches the old links again.


def forget_menu(using=None, **kwargs):
    transaction.on_commit(lambda: cache.delete(MENU_KEY), using=using)


def forget_routines(using=None, **kwargs):
    transaction.on_commit(lambda: cache.delete(ROUTINES_KEY), using=using)


def forget_footer(using=None, **kwargs):
    transaction.on_commit(lambda: cache.delete(FOOTER_KEY), using=using)
