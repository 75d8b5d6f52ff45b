"""The pickup points near a postcode, from Bring's Pickup Point API.

The delivery step lists the nearest Posten/Bring pickup points for the
delivery address's postcode (or one the customer searches), so the customer
can choose where to collect the parcel. This module owns the one call it
takes:

    GET {BRING_API_BASE}/pickuppoint/api/pickuppoint/NO/postalCode/{code}.json

with the Mybring headers (``X-Mybring-API-Uid``, ``X-Mybring-API-Key``,
``X-Bring-Client-URL``), answered by ``{"pickupPoint": [...]}``, nearest
first. Bring gives two addresses per point: a postbox (``address``,
``postalCode``, ``city``) for the label, and a visiting address
(``visitingAddress`` ...) for people; customers are shown the visiting one.

Bring is never allowed to break the checkout:

- the postcode is checked (four digits) before any call;
- the call waits ``BRING_TIMEOUT_SECONDS`` (2 s) at most;
- answers are cached per postcode (6 hours; Bring asks for data no older
  than a day), failures for a minute only, so a Bring outage costs one
  timeout a minute per postcode rather than one per page view;
- any failure (not configured, timeout, refused connection, non-200, bad
  JSON) is an empty answer marked ``unavailable``, logged without the
  postcode or anything else about the customer. The delivery step then
  offers the fallback: Posten's nearest pickup point to the address.
"""

import logging
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

logger = logging.getLogger(__name__)

# The shipping method (shop/demo/catalogue_content.py) that goes to a pickup point.
PICKUP_METHOD_CODE = "pickup-point"
# A Norwegian postcode: four digits.
POSTCODE = re.compile(r"\d{4}")
# Bring answers ten by default; a phone screen shows five comfortably.
HOW_MANY = 5
CACHE_SECONDS = 6 * 60 * 60
FAILURE_CACHE_SECONDS = 60
PATH = "/pickuppoint/api/pickuppoint/NO/postalCode/{postcode}.json"


class InvalidPostcode(ValueError):
    """Not four digits: no call is made for it."""


@dataclass(frozen=True)
class PickupPoint:
    """One pickup point as the customer reads it, in the active language."""

    id: str
    name: str
    address: str  # street address (the visiting address)
    postcode: str
    city: str
    opening_hours: str
    distance_km: Decimal | None

    def snapshot(self) -> dict:
        """What the checkout session, and then the order, keep of it."""
        return {
            "id": self.id,
            "name": self.name,
            "address": self.address,
            "postcode": self.postcode,
            "city": self.city,
        }


@dataclass(frozen=True)
class PickupPoints:
    """Bring's answer for a postcode: the points, nearest first. With
    ``unavailable`` Bring could not be asked (or answered nonsense), and
    ``points`` is empty."""

    postcode: str
    points: tuple[PickupPoint, ...] = ()
    unavailable: bool = False

    @property
    def nearest(self) -> PickupPoint | None:
        return self.points[0] if self.points else None

    def find(self, point_id: str) -> PickupPoint | None:
        return next((point for point in self.points if point.id == point_id), None)


def clean_postcode(value) -> str:
    """The postcode without spaces; InvalidPostcode unless four digits."""
    postcode = "".join(str(value or "").split())
    if not POSTCODE.fullmatch(postcode):
        raise InvalidPostcode(postcode)
    return postcode


def is_configured() -> bool:
    """Bring is asked only with an address and Mybring keys; without them
    every answer is ``unavailable`` and the checkout uses the fallback."""
    return bool(
        settings.BRING_API_BASE and settings.BRING_API_UID and settings.BRING_API_KEY
    )


def near(postcode) -> PickupPoints:
    """The pickup points nearest ``postcode`` (InvalidPostcode if it is not
    four digits); never raises for anything Bring does."""
    postcode = clean_postcode(postcode)
    key = f"shop:pickup-points:NO:{postcode}"
    records = cache.get(key)
    if records is None:
        records = fetch(postcode)
        seconds = FAILURE_CACHE_SECONDS if records == "unavailable" else CACHE_SECONDS
        cache.set(key, records, seconds)
    if records == "unavailable":
        return PickupPoints(postcode, unavailable=True)
    english = translation.get_language() == "en"
    points = tuple(
        PickupPoint(
            id=record["id"],
            name=record["name"],
            address=record["address"],
            postcode=record["postcode"],
            city=record["city"],
            opening_hours=record["hours_en" if english else "hours_nb"],
            distance_km=(
                Decimal(record["distance_km"]) if record["distance_km"] else None
            ),
        )
        for record in records
    )
    return PickupPoints(postcode, points)


def fetch(postcode: str):
    """Bring's points for ``postcode`` as plain dicts (what the cache keeps,
    both languages' opening hours), or "unavailable"."""
    if not is_configured():
        return "unavailable"
    try:
        response = requests.get(
            settings.BRING_API_BASE.rstrip("/") + PATH.format(postcode=postcode),
            params={"numberOfResponses": HOW_MANY},
            headers={
                "Accept": "application/json",
                "X-Mybring-API-Uid": settings.BRING_API_UID,
                "X-Mybring-API-Key": settings.BRING_API_KEY,
                "X-Bring-Client-URL": settings.BRING_CLIENT_URL,
            },
            timeout=settings.BRING_TIMEOUT_SECONDS,
        )
    except requests.RequestException as error:
        # The exception's text holds the URL, and so the postcode: the class only.
        logger.warning("Bring pickup points unavailable: %s", type(error).__name__)
        return "unavailable"
    if response.status_code != 200:
        logger.warning("Bring pickup points unavailable: HTTP %s", response.status_code)
        return "unavailable"
    try:
        entries = response.json()["pickupPoint"]
        if not isinstance(entries, list):
            raise TypeError("pickupPoint is not a list")
        return [record for entry in entries if (record := parse(entry))][:HOW_MANY]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        logger.warning(
            "Bring pickup points unavailable: unexpected answer (%s)",
            type(error).__name__,
        )
        return "unavailable"


def parse(entry: dict) -> dict | None:
    """One of Bring's entries, as the cache keeps it; None without an id or
    a name (a point nobody could find or a label could not name)."""
    point_id, name = str(entry.get("id") or "").strip(), (entry.get("name") or "")
    if not point_id or not name.strip():
        return None
    try:
        distance = str(Decimal(str(entry["distanceInKm"])).quantize(Decimal("0.1")))
    except (KeyError, InvalidOperation, ValueError):
        distance = ""
    english = entry.get("openingHoursEnglish") or ""
    norwegian = entry.get("openingHoursNorwegian") or english
    return {
        "id": point_id,
        "name": name.strip(),
        "address": readable(entry.get("visitingAddress") or entry.get("address")),
        "postcode": str(
            entry.get("visitingPostalCode") or entry.get("postalCode") or ""
        ),
        "city": readable(entry.get("visitingCity") or entry.get("city")),
        "hours_nb": norwegian,
        "hours_en": english or norwegian,
        "distance_km": distance,
    }


def readable(text) -> str:
    """Bring writes streets and towns in capitals ("SJØSKOGENVEIEN 7");
    customers read "Sjøskogenveien 7"."""
    text = " ".join(str(text or "").split())
    return text.title() if text.isupper() else text


@dataclass(frozen=True)
class ChosenPoint:
    """A pickup point as the checkout session and the order keep it: the
    point's id (for the label), its name and its street address."""

    id: str
    name: str
    address: str  # street, then "postcode town", one per line

    @classmethod
    def from_snapshot(cls, snapshot: dict) -> "ChosenPoint":
        town = f"{snapshot.get('postcode', '')} {snapshot.get('city', '')}".strip()
        lines = [snapshot.get("address", ""), town]
        return cls(
            id=snapshot["id"],
            name=snapshot["name"],
            address="\n".join(line for line in lines if line),
        )

    @property
    def lines(self) -> list[str]:
        return [self.name, *self.address.splitlines()]


@dataclass(frozen=True)
class DeliveryChoice:
    """What the customer chose with the shipping method: for a pickup point,
    the point (None: the nearest to the address, Posten's choice); for home
    delivery, whether the parcel may be left at the door."""

    pickup: bool
    point: ChosenPoint | None = None
    leave_at_door: bool = False
