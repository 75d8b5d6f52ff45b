"""The version number every cached page is stored under, and what moves it on.

Each app names the models its pages show in its own ``AppConfig.ready()``
(``renew_pages_on_change(Product, ...)``); a save or delete of one of them,
once it commits, moves the version on, and every stored page becomes
unreachable at once. The page cache (shop/storefront/page_cache.py) reads
the version; no module needs to know every app's models.
"""

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "shop:page-cache:version"

_watched: list[type[models.Model]] = []


def current_version() -> int:
    """The version pages are stored under now (1 in a fresh cache)."""
    return cache.get_or_set(VERSION_KEY, 1, None)


def renew_all_pages(using: str | None = None, **kwargs) -> None:
    """Renew every page once the change commits: a visitor in between would
    read the old data and store it under the new version otherwise."""
    transaction.on_commit(move_version_on, using=using)


def move_version_on() -> None:
    """Every stored page becomes unreachable at once."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (a fresh cache): nothing is stored
        cache.set(VERSION_KEY, 2, None)


def renew_pages_on_change(*watched: type[models.Model]) -> None:
    """Renew every page whenever one of these models is saved or deleted."""
    for model in watched:
        for signal in (post_save, post_delete):
            signal.connect(
                renew_all_pages,
                sender=model,
                dispatch_uid=f"page-cache-{model._meta.label}-{signal}",
            )
        if model not in _watched:
            _watched.append(model)


def watched_models() -> list[type[models.Model]]:
    """The models registered so far, in the order the apps named them."""
    return list(_watched)
