"""The fake Bring answers the Pickup Point API the way Bring does, and the
shop's client reads it.

If these pass, shop/commerce/shipping/pickup_points.py runs unchanged
against the fake: the same address, headers and JSON shape, Bring's
refusals (keys, malformed postcodes) and the faults the tests switch on.
"""

import time

import pytest
import requests
from django.utils import translation

from shop.commerce.shipping import pickup_points
from tests import fake_bring
from tests.fake_bring import FakeBring

HEADERS = {
    "X-Mybring-API-Uid": fake_bring.API_UID,
    "X-Mybring-API-Key": fake_bring.API_KEY,
    "X-Bring-Client-URL": "https://shop.skinome.example",
}


@pytest.fixture
def fake():
    with FakeBring() as fake:
        yield fake


def get(fake, postcode, headers=HEADERS, **params):
    return requests.get(
        f"{fake.url}/pickuppoint/api/pickuppoint/NO/postalCode/{postcode}.json",
        headers=headers,
        params=params,
        timeout=5,
    )


@pytest.mark.parametrize(
    "postcode, town", [("0150", "OSLO"), ("5003", "BERGEN"), ("9008", "TROMSØ")]
)
def test_a_known_postcode_gets_its_towns_points_nearest_first(fake, postcode, town):
    response = get(fake, postcode)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    points = response.json()["pickupPoint"]
    assert len(points) >= 4
    assert {point["visitingCity"] for point in points} == {town}
    distances = [float(point["distanceInKm"]) for point in points]
    assert distances == sorted(distances)
    for point in points:
        assert point["openingHoursNorwegian"].startswith("Man - ")
        assert point["openingHoursEnglish"].startswith("Mon - ")
        assert point["id"] and point["name"] and point["visitingAddress"]


def test_nearby_postcodes_get_the_same_points_in_another_order(fake):
    first = [point["id"] for point in get(fake, "0150").json()["pickupPoint"]]
    other = [point["id"] for point in get(fake, "0190").json()["pickupPoint"]]

    assert sorted(first) == sorted(other) and first != other


def test_number_of_responses_limits_the_list(fake):
    assert len(get(fake, "0155", numberOfResponses=3).json()["pickupPoint"]) == 3


def test_an_unknown_postcode_gets_none_and_a_malformed_one_400(fake):
    assert get(fake, "2999").json() == {"pickupPoint": []}
    assert get(fake, "12a4").status_code == 400
    assert get(fake, "123").status_code == 400


@pytest.mark.parametrize("missing", list(HEADERS))
def test_every_mybring_header_is_required(fake, missing):
    headers = {name: value for name, value in HEADERS.items() if name != missing}

    assert get(fake, "0155", headers=headers).status_code in (400, 401)


def test_the_faults_are_used_once_each(fake):
    fake.fail_next(503)
    fake.garble_next()
    fake.hang_next(0.3)

    assert get(fake, "0155").status_code == 503
    garbled = get(fake, "0155")
    assert garbled.status_code == 200
    with pytest.raises(ValueError):
        garbled.json()
    started = time.monotonic()
    assert get(fake, "0155").status_code == 200
    assert time.monotonic() - started >= 0.3
    assert get(fake, "0155").status_code == 200
    assert fake.calls_for("0155") == 4


def test_an_unknown_address_is_404(fake):
    response = requests.get(f"{fake.url}/pickuppoint/api/pickuppoint/NO/all.json")

    assert response.status_code == 404


@pytest.mark.django_db
def test_the_shops_client_reads_the_fake(fake, settings):
    fake.point_at_me(settings)

    with translation.override("nb"):
        found = pickup_points.near(" 50 03 ")

    assert found.postcode == "5003" and not found.unavailable
    assert len(found.points) == pickup_points.HOW_MANY
    nearest = found.nearest
    assert nearest.name == fake_bring.pickup_points("5003")[0]["name"]
    assert nearest.city == "Bergen"  # Bring's capitals, as people write it
    assert nearest.opening_hours.startswith("Man - ")
    (path, query, headers) = fake.requests[0]
    assert path.endswith("/NO/postalCode/5003.json")
    assert query == {"numberOfResponses": [str(pickup_points.HOW_MANY)]}
    assert headers["X-Bring-Client-URL"] == settings.BRING_CLIENT_URL


@pytest.mark.django_db
def test_the_client_asks_nothing_for_a_malformed_postcode(fake, settings):
    settings.BRING_API_BASE = fake.url

    with pytest.raises(pickup_points.InvalidPostcode):
        pickup_points.near("12345")

    assert fake.requests == []
