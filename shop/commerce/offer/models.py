"""Oscar's offer models, with range membership read from the cache.

Oscar asks the database whether a range holds a product once per basket line
and per check (the routine's coverage condition, then its fixed-price benefit),
through a query joining products, categories and classes: the routine in the
basket cost 18 queries and 25 ms on every page rendered for its visitor. A
range's products change only when something that moves the page version on
changes (products, categories, ranges: products/apps.py), so the ids are
stored once per range and version, and each check is a set lookup.
"""

from django.core.cache import cache
from oscar.apps.offer.abstract_models import AbstractRange

from shop.core.page_versions import current_version


class Range(AbstractRange):
    def contains_product(self, product):
        if self.proxy or self.includes_all_products:
            # Proxies decide in code; an all-products range would store every id.
            return super().contains_product(product)
        return product.id in self.product_ids()

    def product_ids(self) -> frozenset[int]:
        """The ids of the products in this range, as Oscar's own queryset
        defines them (included products, their children, classes, categories,
        minus exclusions)."""
        if getattr(self, "_product_ids", None) is None:
            key = f"shop:range-products:{current_version()}:{self.pk}"
            ids = cache.get(key)
            if ids is None:
                ids = frozenset(self.product_queryset.values_list("id", flat=True))
                cache.set(key, ids)
            self._product_ids = ids
        return self._product_ids

    def invalidate_cached_queryset(self):
        super().invalidate_cached_queryset()
        self._product_ids = None


from oscar.apps.offer.models import *  # noqa: E402, F403
