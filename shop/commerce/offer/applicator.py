"""Oscar's offer applicator (found here by its module name, as the offer app
is forked), reading the site offers from the cache.

Every page rendered for a visitor with a basket applies the offers, and
Oscar loads them for each: a query over offers, conditions, benefits and
their ranges with every language's columns, about 5 ms of ORM work for one
offer. Offers change only with what moves the page version on (offers,
conditions, benefits, ranges: products/apps.py), so they are stored once per
version, with their ranges, and only their dates are checked per request.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from oscar.apps.offer.applicator import Applicator as CoreApplicator
from oscar.core.loading import get_model

from shop.core.page_versions import current_version

ConditionalOffer = get_model("offer", "ConditionalOffer")


class Applicator(CoreApplicator):
    def get_site_offers(self):
        key = f"shop:site-offers:{current_version()}"
        offers = cache.get(key)
        if offers is None:
            offers = list(
                ConditionalOffer.objects.filter(
                    offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN
                )
                # What coverage and fixed-price offers read; the proxies
                # keep it (shop/commerce/offer/models.py).
                .select_related("condition__range", "benefit__range")
            )
            cache.set(key, offers, settings.SHOP_PAGE_CACHE_SECONDS or 300)
        now = timezone.now()
        # The dates as Oscar's ActiveOfferManager reads them.
        return [
            offer
            for offer in offers
            if (offer.start_datetime is None or offer.start_datetime <= now)
            and (offer.end_datetime is None or offer.end_datetime >= now)
        ]
