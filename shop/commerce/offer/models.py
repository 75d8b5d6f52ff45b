"""Oscar's offer models, with range membership read from the cache, and
conditions and benefits that load their range once per request.

Oscar asks the database whether a range holds a product once per basket line
and per check (the routine's coverage condition, then its fixed-price benefit),
through a query joining products, categories and classes: the routine in the
basket cost 18 queries and 25 ms on every page rendered for its visitor. A
range's products change only when something that moves the page version on
changes (products, categories, ranges: products/apps.py), so the ids are
stored once per range and version, and each check is a set lookup.

Oscar also turns a condition or benefit into its type's proxy class every
time it is used (twice per offer and basket), by copying its fields without
what was loaded with it, so each proxy asked the database for the range
again. The proxy is now made once, and keeps the range the site offers were
loaded with (shop/commerce/offer/applicator.py).

An order's use of an offer is counted without saving the offer, so it does
not renew every cached page (ConditionalOffer.record_usage).
"""

from django.core.cache import cache
from django.db.models import F
from oscar.apps.offer.abstract_models import (
    AbstractBenefit,
    AbstractCondition,
    AbstractConditionalOffer,
    AbstractRange,
)

from shop.core.page_versions import current_version, renew_all_pages


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


class ConditionalOffer(AbstractConditionalOffer):
    def record_usage(self, discount):
        """Count an order's use of the offer in the database itself: Oscar
        saves the whole offer, which loses a count when two orders are placed
        at once, and renews every cached page for counters no page shows."""
        type(self).objects.filter(pk=self.pk).update(
            num_applications=F("num_applications") + discount["freq"],
            total_discount=F("total_discount") + discount["discount"],
            num_orders=F("num_orders") + 1,
        )
        if self.max_global_applications:
            # A limited offer: pages and cached offers read how much is left.
            renew_all_pages()

    record_usage.alters_data = True


class ProxyMadeOnce:
    def proxy(self):
        if getattr(self, "_proxy", None) is None:
            proxy = super().proxy()
            for field in self._meta.concrete_fields:
                if field.is_relation and field.is_cached(self):
                    field.set_cached_value(proxy, field.get_cached_value(self))
            self._proxy = proxy
        return self._proxy


class Condition(ProxyMadeOnce, AbstractCondition):
    pass


class Benefit(ProxyMadeOnce, AbstractBenefit):
    pass


from oscar.apps.offer.models import *  # noqa: E402, F403
