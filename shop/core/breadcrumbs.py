"""Breadcrumbs: the trail from Home to the current page, shown on the page
and given to search engines as a BreadcrumbList."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str | None = None


def trail(*items):
    """Breadcrumbs from Home to the current page.

    Items are Crumbs, objects with ``get_absolute_url`` (named by ``name``,
    ``title`` or ``str()``), or a plain string naming the current page.
    ``None`` items are skipped, so an optional level can be passed as is.
    """
    crumbs = [Crumb(_("Home"), reverse("home"))]
    for item in items:
        if item is None or item == "":
            continue
        if isinstance(item, Crumb):
            crumbs.append(item)
        elif hasattr(item, "get_absolute_url"):
            name = getattr(item, "name", None) or getattr(item, "title", None)
            crumbs.append(Crumb(str(name or item), item.get_absolute_url()))
        else:
            crumbs.append(Crumb(str(item)))
    return crumbs
