"""Oscar's checkout session data, with the delivery choices of the delivery
step: the pickup point chosen, or the consent to leave the parcel at the door.

Both are set together with the shipping method (checkout/views.py
``ShippingMethodView``), so choosing one method forgets the other's choice,
and both end up on the order when it is placed (placing.py).
"""

from oscar.apps.checkout.utils import CheckoutSessionData as CoreCheckoutSessionData


class CheckoutSessionData(CoreCheckoutSessionData):
    def use_delivery_choice(self, *, pickup_point=None, leave_at_door=False):
        """``pickup_point`` is a point's snapshot (pickup_points.PickupPoint
        .snapshot()) or None: none chosen, Posten picks the nearest."""
        self._set("delivery", "pickup_point", pickup_point)
        self._set("delivery", "leave_at_door", bool(leave_at_door))

    def pickup_point(self) -> dict | None:
        return self._get("delivery", "pickup_point")

    def leaves_at_door(self) -> bool:
        return bool(self._get("delivery", "leave_at_door", False))
