"""The version number every cached page is stored under, what moves it on,
and when pages change by themselves.

Each app names the models its pages show in its own ``AppConfig.ready()``
(``renew_pages_on_change(Product, ...)``); a save or delete of one of them,
once it commits, moves the version on, and every stored page becomes
unreachable at once. The page cache (shop/storefront/page_cache.py) reads
the version; no module needs to know every app's models.

Some changes need no save: a sale starts or ends at its time. An app names
when its next such moment is (``register_scheduled_change(fn)``, fn(now) ->
datetime or None), and the page cache keeps no page beyond it.
"""

from collections.abc import Callable
from datetime import datetime

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

VERSION_KEY = "shop:page-cache:version"
NEXT_CHANGE_KEY = "shop:page-cache:next-change:{version}"
NO_SCHEDULED_CHANGE = 0.0

_watched: list[type[models.Model]] = []
_schedules: list[Callable[[datetime], datetime | None]] = []


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


def register_scheduled_change(next_change: Callable[[datetime], datetime | None]):
    """``next_change(now)``: the next moment after ``now`` the app's pages
    change without a save (None: none planned)."""
    if next_change not in _schedules:
        _schedules.append(next_change)


def seconds_until_pages_change(now: datetime | None = None) -> float | None:
    """How long a page stored now stays right, as far as schedules know; None
    when nothing is planned. Worked out once per version and moment: any
    save that could plan a change moves the version on."""
    now = now or timezone.now()
    key = NEXT_CHANGE_KEY.format(version=current_version())
    moment = cache.get(key)
    if moment is None or NO_SCHEDULED_CHANGE < moment <= now.timestamp():
        found = [change for fn in _schedules if (change := fn(now)) is not None]
        moment = min(found).timestamp() if found else NO_SCHEDULED_CHANGE
        cache.set(key, moment, None)
    if moment == NO_SCHEDULED_CHANGE:
        return None
    return moment - now.timestamp()
