"""Order models: Oscar's, with the language the customer ordered in and the
parcel's tracking number."""

from urllib.parse import quote

from django.conf import settings
from django.db import models
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    # The language of the pages the order was placed from; its confirmation
    # and every later e-mail about it use it (shop/commerce/outbox/mail.py).
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        editable=False,
    )
    # The carrier's number for the parcel, typed by staff when they ship it
    # (shop/commerce/order/handling.py); the shipped e-mail links to it.
    tracking_number = models.CharField(max_length=64, blank=True, editable=False)

    @property
    def tracking_url(self) -> str:
        """The carrier's tracking page for the parcel ("" before it ships)."""
        if not self.tracking_number:
            return ""
        return settings.SHOP_TRACKING_URL.format(
            number=quote(self.tracking_number, safe="")
        )


from oscar.apps.order.models import *  # noqa: E402, F403
