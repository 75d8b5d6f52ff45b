"""The load balancer's checks: /healthz while the process answers, /readyz
while the database and the cache work, each a short plain answer that no
cache keeps."""

import pytest
from django.db import connections
from django.test import Client

from shop.core.cache import redis_cache
from tests.faulty_services import closed_port_url, free_port


def get(path):
    return Client().get(path)


def assert_plain_and_never_stored(response):
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_healthz_answers_ok_without_touching_the_database():
    # No django_db mark: any query would fail the test.
    response = get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert_plain_and_never_stored(response)


@pytest.mark.django_db
def test_readyz_answers_ok_when_the_database_and_cache_work(settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 300

    response = get("/readyz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert_plain_and_never_stored(response)


@pytest.mark.django_db
def test_the_checks_have_no_language_and_robots_keep_out():
    robots = get("/robots.txt").content.decode()

    assert "Disallow: /healthz\n" in robots
    assert "Disallow: /readyz\n" in robots
    assert get("/en/healthz").status_code == 404


@pytest.fixture
def unreachable_database(django_db_blocker, monkeypatch):
    """The default database pointed at nothing: a closed port for PostgreSQL,
    a file in a missing folder for SQLite, so connecting really fails."""
    connection = connections["default"]
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor == "postgresql":
            monkeypatch.setitem(connection.settings_dict, "PORT", str(free_port()))
        else:
            # An in-memory test database is never closed, only set aside.
            monkeypatch.setattr(connection, "connection", None)
            monkeypatch.setitem(
                connection.settings_dict, "NAME", "/nonexistent-folder/shop.sqlite3"
            )
        yield
        connection.close()


def test_readyz_answers_503_with_the_database_unreachable(unreachable_database):
    response = get("/readyz")

    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    assert_plain_and_never_stored(response)


def test_healthz_answers_ok_with_the_database_unreachable(unreachable_database):
    assert get("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_answers_503_when_the_cache_forgets(settings):
    settings.CACHES = {
        "default": redis_cache(
            closed_port_url(), timeout_seconds=settings.REDIS_TIMEOUT_SECONDS
        )
    }

    response = get("/readyz")

    assert response.status_code == 503
    assert response.content == b"cache unavailable\n"
