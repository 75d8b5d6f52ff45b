"""Order models: Oscar's, with the language the customer ordered in, the
delivery choice (the pickup point, or leaving the parcel at the door) and the
parcel's tracking number."""

from urllib.parse import quote

from django.conf import settings
from django.db import models
from oscar.apps.order.abstract_models import AbstractOrder

from shop.commerce.shipping.pickup_points import (
    PICKUP_METHOD_CODE,
    ChosenPoint,
    DeliveryChoice,
)


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
    # The pickup point the customer chose at the delivery step, as Bring
    # described it then (blank: none chosen, Posten's nearest to the address).
    # The id is what the label needs; name and address are for people.
    pickup_point_id = models.CharField(max_length=40, blank=True, editable=False)
    pickup_point_name = models.CharField(max_length=200, blank=True, editable=False)
    pickup_point_address = models.TextField(blank=True, editable=False)
    # Home delivery: the customer ticked "the parcel may be left at the door
    # if no one is home" (never ticked for them).
    leave_at_door = models.BooleanField(default=False, editable=False)

    @property
    def delivery_choice(self) -> DeliveryChoice:
        if self.shipping_code == PICKUP_METHOD_CODE:
            point = None
            if self.pickup_point_name:
                point = ChosenPoint(
                    id=self.pickup_point_id,
                    name=self.pickup_point_name,
                    address=self.pickup_point_address,
                )
            return DeliveryChoice(pickup=True, point=point)
        return DeliveryChoice(pickup=False, leave_at_door=self.leave_at_door)

    @property
    def tracking_url(self) -> str:
        """The carrier's tracking page for the parcel ("" before it ships)."""
        if not self.tracking_number:
            return ""
        return settings.SHOP_TRACKING_URL.format(
            number=quote(self.tracking_number, safe="")
        )


from oscar.apps.order.models import *  # noqa: E402, F403
