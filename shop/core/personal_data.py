"""The registry of what the shop holds about a person, section by section.

Each app that stores something about a customer registers a section in its
own ``AppConfig.ready()``, so "download my data" (the account's JSON file),
account deletion and the retention command (``manage.py apply_retention``)
reach everything without a list of apps here::

    from shop.core import personal_data

    personal_data.register(
        "withdrawals",
        export=lambda user: [...],            # JSON-able: dicts, lists, str, int
        anonymise=forget_withdrawals_of,      # optional: fn(user) -> None
        anonymise_orders=forget_withdrawals,  # optional: fn(order queryset) -> None
    )

- ``export(user)`` returns what the section holds about a signed-in
  customer: plain JSON values (dates as ISO 8601 strings, money as strings
  like "1467.95"), keys in English whatever the customer's language (a file
  for the customer and for any program they take it to; the account page
  says so), and never internal ids beyond what helps the customer (an order
  number, yes; a database key, no).
- ``anonymise(user)`` runs just before the user is deleted (the account's
  "delete" page, admin, any ``user.delete()``): it removes what the section
  keeps about the person, apart from what bookkeeping must keep (see
  shop/commerce/order_privacy.py for the rule).
- ``anonymise_orders(orders)`` runs in the retention command for orders past
  the bookkeeping period: data a section keeps per order (a withdrawal's
  name, a document's buyer) goes with the order's own.

The registry holds no models and imports no app: apps below it in the
import rule (docs/architecture.md) would not be able to reach it otherwise.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[Any], Any]
    anonymise: Callable[[Any], None] | None = None
    anonymise_orders: Callable[[Any], None] | None = None


_sections: dict[str, Section] = {}


def register(section, *, export, anonymise=None, anonymise_orders=None):
    """Add (or, registered again under the same name, replace) a section."""
    _sections[section] = Section(section, export, anonymise, anonymise_orders)


def sections() -> list[Section]:
    """The registered sections, in the order they were registered."""
    return list(_sections.values())


def export_for(user) -> dict:
    """Every section's data about ``user``, by section name."""
    return {section.name: section.export(user) for section in sections()}


def anonymise(user) -> None:
    """Forget ``user`` in every section that keeps something about them."""
    for section in sections():
        if section.anonymise is not None:
            section.anonymise(user)


def anonymise_orders(orders) -> None:
    """Let every section forget what it keeps about these orders' buyers."""
    for section in sections():
        if section.anonymise_orders is not None:
            section.anonymise_orders(orders)


def anonymise_before_delete(sender, instance, **kwargs):
    """pre_delete receiver for the user model, connected by the accounts app:
    it runs before Django's collector detaches the orders (SET_NULL) and
    cascades the rest, so sections still find what belongs to the user."""
    anonymise(instance)
