"""A local stand-in for Bring's Pickup Point API, for development and tests.

It answers the one call the shop makes (shop/commerce/shipping/pickup_points.py):

    GET /pickuppoint/api/pickuppoint/NO/postalCode/{postalCode}.json

with Bring's JSON shape (``{"pickupPoint": [...]}``, the nearest first, every
field Bring sends: the postbox and the visiting address, opening hours in
five languages, coordinates, distance and driving time), checking the
Mybring headers as Bring does. It knows real Norwegian postcodes in the
centres of Oslo, Bergen, Trondheim, Stavanger and Tromsø (``POSTCODES``)
and a handful of invented but plausible pickup points in each; the distance
is the driving distance from the postcode's centre (the air distance, a
third longer), so nearby postcodes get the same points in another order.
A valid postcode it does not know gets an empty list, a malformed one 400,
and anything else 404, so a call the fake does not know fails loudly.

Faults, one use each: ``fail_next(status)``, ``hang_next(seconds)``
(answers late, as a slow Bring) and ``garble_next()`` (200 with a body that
is not JSON). ``requests`` records every call, so a test can tell when the
shop answered from its cache.

``python -m tests.fake_bring --port 8012`` runs it alone for ``make run``.
"""

import json
import math
import re
import threading
from urllib.parse import parse_qs, urlsplit

from tests.fake_server import FakeHandler, LocalFake

API_UID = "shop@skinome.example"
API_KEY = "fake-bring-api-key"
PATH = re.compile(r"/pickuppoint/api/pickuppoint/NO/postalCode/(?P<code>[^/]*)\.json")

# Opening hours as Bring writes them, per language it offers.
HOURS = {
    "supermarket": {
        "Norwegian": "Man - Fre: 0700-2300, Lør: 0800-2200",
        "English": "Mon - Fri: 0700-2300, Sat: 0800-2200",
        "Finnish": "Maa - Per: 0700-2300, Lau: 0800-2200",
        "Danish": "Man - Fre: 0700-2300, Lør: 0800-2200",
        "Swedish": "Mån - Fre: 0700-2300, Lör: 0800-2200",
    },
    "late": {
        "Norwegian": "Man - Fre: 0700-2300, Lør: 0900-2100, Søn: 1000-2100",
        "English": "Mon - Fri: 0700-2300, Sat: 0900-2100, Sun: 1000-2100",
        "Finnish": "Maa - Per: 0700-2300, Lau: 0900-2100, Sun: 1000-2100",
        "Danish": "Man - Fre: 0700-2300, Lør: 0900-2100, Søn: 1000-2100",
        "Swedish": "Mån - Fre: 0700-2300, Lör: 0900-2100, Sön: 1000-2100",
    },
    "post office": {
        "Norwegian": "Man - Fre: 0900-1700, Lør: 1000-1500",
        "English": "Mon - Fri: 0900-1700, Sat: 1000-1500",
        "Finnish": "Maa - Per: 0900-1700, Lau: 1000-1500",
        "Danish": "Man - Fre: 0900-1700, Lør: 1000-1500",
        "Swedish": "Mån - Fre: 0900-1700, Lör: 1000-1500",
    },
    "locker": {
        "Norwegian": "Man - Søn: 0000-2400",
        "English": "Mon - Sun: 0000-2400",
        "Finnish": "Maa - Sun: 0000-2400",
        "Danish": "Man - Søn: 0000-2400",
        "Swedish": "Mån - Sön: 0000-2400",
    },
}

# Pickup points per town: id, name, Bring type (4 Post i Butikk, 21
# Postkontor, 37 Pakkeboks), visiting street and postcode, postbox (None: the
# visiting address), latitude, longitude, hours. Invented shops in real streets.
TOWNS = {
    "oslo": {
        "city": "OSLO",
        "municipality": "OSLO",
        "county": "OSLO",
        "points": [
            (
                "171001",
                "Coop Extra Storgata",
                "4",
                "STORGATA 33",
                "0184",
                "POSTBOKS 9301 GRØNLAND",
                59.9149,
                10.7531,
                "late",
            ),
            (
                "171002",
                "Kiwi Tollbugata",
                "4",
                "TOLLBUGATA 24",
                "0157",
                "POSTBOKS 412 SENTRUM",
                59.9099,
                10.7466,
                "supermarket",
            ),
            (
                "171003",
                "Posten Oslo Sentrum",
                "21",
                "DRONNINGENS GATE 15",
                "0152",
                "POSTBOKS 1181 SENTRUM",
                59.9107,
                10.7436,
                "post office",
            ),
            (
                "171004",
                "Pakkeboks Oslo S",
                "37",
                "JERNBANETORGET 1",
                "0154",
                None,
                59.9113,
                10.7515,
                "locker",
            ),
            (
                "171005",
                "Joker Kvadraturen",
                "4",
                "PRINSENS GATE 7",
                "0152",
                "POSTBOKS 530 SENTRUM",
                59.9092,
                10.7412,
                "supermarket",
            ),
            (
                "171006",
                "Rema 1000 Grønland",
                "4",
                "GRØNLANDSLEIRET 15",
                "0190",
                "POSTBOKS 9402 GRØNLAND",
                59.9125,
                10.7619,
                "late",
            ),
            (
                "171007",
                "Meny Kirkegata",
                "4",
                "KIRKEGATA 20",
                "0153",
                "POSTBOKS 88 SENTRUM",
                59.9118,
                10.7449,
                "supermarket",
            ),
        ],
    },
    "bergen": {
        "city": "BERGEN",
        "municipality": "BERGEN",
        "county": "VESTLAND",
        "points": [
            (
                "172001",
                "Kiwi Bryggen",
                "4",
                "ØVREGATEN 20",
                "5003",
                "POSTBOKS 1000 SENTRUM",
                60.3973,
                5.3254,
                "supermarket",
            ),
            (
                "172002",
                "Coop Extra Strandgaten",
                "4",
                "STRANDGATEN 59",
                "5004",
                "POSTBOKS 1120 SENTRUM",
                60.3939,
                5.3188,
                "late",
            ),
            (
                "172003",
                "Posten Bergen Sentrum",
                "21",
                "SMÅSTRANDGATEN 3",
                "5014",
                "POSTBOKS 1400 SENTRUM",
                60.3937,
                5.3266,
                "post office",
            ),
            (
                "172004",
                "Rema 1000 Kaigaten",
                "4",
                "KAIGATEN 4",
                "5015",
                "POSTBOKS 2020 SENTRUM",
                60.3905,
                5.3301,
                "supermarket",
            ),
            (
                "172005",
                "Pakkeboks Bergen Storsenter",
                "37",
                "STRØMGATEN 8",
                "5015",
                None,
                60.3892,
                5.3323,
                "locker",
            ),
        ],
    },
    "trondheim": {
        "city": "TRONDHEIM",
        "municipality": "TRONDHEIM",
        "county": "TRØNDELAG",
        "points": [
            (
                "173001",
                "Kiwi Olav Tryggvasons gate",
                "4",
                "OLAV TRYGGVASONS GATE 24",
                "7011",
                "POSTBOKS 600 SENTRUM",
                63.4335,
                10.3984,
                "supermarket",
            ),
            (
                "173002",
                "Posten Trondheim Sentrum",
                "21",
                "DRONNINGENS GATE 10",
                "7011",
                "POSTBOKS 1010 SENTRUM",
                63.4312,
                10.3966,
                "post office",
            ),
            (
                "173003",
                "Coop Mega Solsiden",
                "4",
                "BEDDINGEN 10",
                "7014",
                "POSTBOKS 1450 SENTRUM",
                63.4342,
                10.4142,
                "late",
            ),
            (
                "173004",
                "Rema 1000 Prinsens gate",
                "4",
                "PRINSENS GATE 40",
                "7012",
                "POSTBOKS 1700 SENTRUM",
                63.4288,
                10.3904,
                "supermarket",
            ),
            (
                "173005",
                "Extra Bakklandet",
                "4",
                "ØVRE BAKKLANDET 5",
                "7013",
                "POSTBOKS 1905 SENTRUM",
                63.4290,
                10.4040,
                "late",
            ),
        ],
    },
    "stavanger": {
        "city": "STAVANGER",
        "municipality": "STAVANGER",
        "county": "ROGALAND",
        "points": [
            (
                "174001",
                "Coop Extra Klubbgata",
                "4",
                "KLUBBGATA 5",
                "4006",
                "POSTBOKS 140 SENTRUM",
                58.9693,
                5.7318,
                "late",
            ),
            (
                "174002",
                "Posten Stavanger Sentrum",
                "21",
                "HAAKON VIIS GATE 9",
                "4005",
                "POSTBOKS 300 SENTRUM",
                58.9703,
                5.7349,
                "post office",
            ),
            (
                "174003",
                "Rema 1000 Kongsgata",
                "4",
                "KONGSGATA 30",
                "4005",
                "POSTBOKS 410 SENTRUM",
                58.9671,
                5.7345,
                "supermarket",
            ),
            (
                "174004",
                "Kiwi Pedersgata",
                "4",
                "PEDERSGATA 40",
                "4013",
                "POSTBOKS 520 SENTRUM",
                58.9656,
                5.7440,
                "supermarket",
            ),
        ],
    },
    "tromsø": {
        "city": "TROMSØ",
        "municipality": "TROMSØ",
        "county": "TROMS",
        "points": [
            (
                "175001",
                "Kiwi Sjøgata",
                "4",
                "SJØGATA 25",
                "9008",
                "POSTBOKS 1050",
                69.6490,
                18.9560,
                "supermarket",
            ),
            (
                "175002",
                "Posten Tromsø",
                "21",
                "STRANDGATA 41",
                "9008",
                "POSTBOKS 1100",
                69.6497,
                18.9580,
                "post office",
            ),
            (
                "175003",
                "Coop Extra Storgata",
                "4",
                "STORGATA 80",
                "9008",
                "POSTBOKS 1150",
                69.6470,
                18.9527,
                "late",
            ),
            (
                "175004",
                "Rema 1000 Grønnegata",
                "4",
                "GRØNNEGATA 60",
                "9008",
                "POSTBOKS 1200",
                69.6459,
                18.9508,
                "supermarket",
            ),
        ],
    },
}

# The postcodes the fake knows: town, and the postcode's centre.
POSTCODES = {
    "0150": ("oslo", 59.9082, 10.7437),
    "0151": ("oslo", 59.9101, 10.7402),
    "0152": ("oslo", 59.9106, 10.7431),
    "0153": ("oslo", 59.9118, 10.7452),
    "0154": ("oslo", 59.9111, 10.7505),
    "0155": ("oslo", 59.9127, 10.7485),
    "0157": ("oslo", 59.9097, 10.7470),
    "0158": ("oslo", 59.9093, 10.7493),
    "0159": ("oslo", 59.9130, 10.7431),
    "0160": ("oslo", 59.9143, 10.7410),
    "0182": ("oslo", 59.9170, 10.7545),
    "0184": ("oslo", 59.9152, 10.7555),
    "0190": ("oslo", 59.9120, 10.7630),
    "5003": ("bergen", 60.3968, 5.3236),
    "5004": ("bergen", 60.3944, 5.3196),
    "5014": ("bergen", 60.3930, 5.3270),
    "5015": ("bergen", 60.3898, 5.3310),
    "7010": ("trondheim", 63.4305, 10.3880),
    "7011": ("trondheim", 63.4323, 10.3970),
    "7012": ("trondheim", 63.4290, 10.3920),
    "7013": ("trondheim", 63.4285, 10.4020),
    "4005": ("stavanger", 58.9698, 5.7335),
    "4006": ("stavanger", 58.9686, 5.7300),
    "4007": ("stavanger", 58.9662, 5.7290),
    "4010": ("stavanger", 58.9640, 5.7360),
    "9007": ("tromsø", 69.6520, 18.9600),
    "9008": ("tromsø", 69.6485, 18.9550),
    "9009": ("tromsø", 69.6440, 18.9480),
}


def air_km(lat1, lon1, lat2, lon2):
    """The great-circle distance, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(a))


def pickup_points(postcode, how_many=10):
    """Bring's entries for ``postcode``, nearest first (empty if unknown)."""
    if postcode not in POSTCODES:
        return []
    town_key, lat, lon = POSTCODES[postcode]
    town = TOWNS[town_key]
    entries = []
    for point in town["points"]:
        point_id, name, kind, street, code, postbox, p_lat, p_lon, hours = point
        # Driving in a town centre: a third longer than the crow flies.
        km = max(0.1, air_km(lat, lon, p_lat, p_lon) * 1.35)
        entries.append(
            {
                "id": point_id,
                "unitId": point_id,
                "name": name,
                "address": postbox or street,
                # A postbox has a postcode of its own (the label's).
                "postalCode": f"{code[:3]}1" if postbox else code,
                "city": town["city"],
                "countryCode": "NO",
                "municipality": town["municipality"],
                "county": town["county"],
                "visitingAddress": street,
                "visitingPostalCode": code,
                "visitingCity": town["city"],
                **{
                    f"openingHours{language}": text
                    for language, text in HOURS[hours].items()
                },
                "latitude": p_lat,
                "longitude": p_lon,
                "postenMapsLink": f"http://www.posten.no/kundeservice/kart?ID={point_id}",
                "googleMapsLink": (
                    f"http://maps.google.com/maps?f=q&hl=en&geocode=&q={p_lat},{p_lon}"
                ),
                "distanceInKm": f"{km:.1f}",
                "distanceType": "DRIVING_DISTANCE",
                "durationInMinutes": str(max(1, round(km * 2.5))),
                "durationType": "DRIVING_TIME",
                "type": kind,
                "additionalServiceCode": "1036",
                "routeMapsLink": (
                    "https://api.bring.com/pickuppoint/map/route?"
                    f"origlat={lat}&origlong={lon}&destlat={p_lat}&destlong={p_lon}"
                ),
            }
        )
    entries.sort(key=lambda entry: float(entry["distanceInKm"]))
    return entries[:how_many]


class _Handler(FakeHandler):
    def do_GET(self):
        fake = self.server.fake
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        with fake._lock:
            fake.requests.append((url.path, query, dict(self.headers)))
        match = PATH.fullmatch(url.path)
        if match is None:
            return self._json(404, {"message": f"No such resource: {url.path}"})
        if not (
            self.headers.get("X-Mybring-API-Uid") == API_UID
            and self.headers.get("X-Mybring-API-Key") == API_KEY
        ):
            return self._json(
                401, {"message": "Authentication failed: check the Mybring keys."}
            )
        if not self.headers.get("X-Bring-Client-URL"):
            return self._json(400, {"message": "X-Bring-Client-URL is missing."})
        kind, value = fake._next_fault()
        if kind == "fail":
            return self._json(value, {"message": "Fake Bring failure."})
        if kind == "hang":
            fake._stopping.wait(value)
        if kind == "garble":
            return self._send(200, "text/html", b"<html><body>Maintenance</body>")
        postcode = match["code"]
        if not re.fullmatch(r"\d{4}", postcode):
            return self._json(
                400, {"message": f"Invalid postal code: {postcode}", "code": 400}
            )
        try:
            how_many = int(query.get("numberOfResponses", ["10"])[0])
        except ValueError:
            how_many = 10
        self._json(200, {"pickupPoint": pickup_points(postcode, how_many)})

    def _json(self, status, body):
        self._send(status, "application/json;charset=UTF-8", json.dumps(body).encode())


class FakeBring(LocalFake):
    """``with FakeBring() as fake:`` point BRING_API_BASE at ``fake.url``,
    with ``API_UID`` and ``API_KEY`` as the Mybring keys."""

    Handler = _Handler

    def __init__(self):
        super().__init__()
        self.requests = []  # (path, query, headers) of every call
        self._faults = []  # ("fail", status) / ("hang", seconds) / ("garble",)
        self._lock = threading.Lock()

    def shop_settings(self) -> dict:
        """The settings that point the shop at this fake."""
        return {
            "BRING_API_BASE": self.url,
            "BRING_API_UID": API_UID,
            "BRING_API_KEY": API_KEY,
        }

    # --- faults, one call each --------------------------------------------

    def fail_next(self, status=500):
        with self._lock:
            self._faults.append(("fail", status))

    def hang_next(self, seconds):
        with self._lock:
            self._faults.append(("hang", seconds))

    def garble_next(self):
        with self._lock:
            self._faults.append(("garble", None))

    def _next_fault(self):
        with self._lock:
            return self._faults.pop(0) if self._faults else (None, None)

    def calls_for(self, postcode):
        """How many times the shop asked for ``postcode``."""
        return sum(1 for path, _, _ in self.requests if f"/{postcode}.json" in path)


def main():
    """``python -m tests.fake_bring``: pickup points for ``make run``."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=8012)
    options = parser.parse_args()
    fake = FakeBring().start(port=options.port)
    print(  # noqa: T201 a command-line tool telling its user how to start the shop
        "Fake Bring is listening. Start the shop with:\n"
        f"  BRING_API_BASE={fake.url} BRING_API_UID={API_UID} "
        f"BRING_API_KEY={API_KEY} make run\n"
        f"It knows the postcodes {', '.join(sorted(POSTCODES))}. Ctrl-C stops it.",
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
