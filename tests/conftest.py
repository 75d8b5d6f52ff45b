"""Fixtures shared by the whole suite."""

import os

import pytest

from tests.helpers import DemoCatalogue, DemoPictures, make_accounts

# Playwright's sync API runs an event loop in the test thread; pytest-django's
# live server and database access from that thread are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():
    """Most tests read the English pages (under /en/, reversed with English
    active); tests of the Bokmål pages activate "nb" themselves, or request
    a Bokmål address (a request takes the language of its address)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(params=["nb", "en"])
def each_language(request):
    """Runs a test once per language (``pytestmark =
    pytest.mark.usefixtures("each_language")``): addresses are reversed, and
    pages read, in Bokmål and then in English."""
    from django.utils import translation

    with translation.override(request.param):
        yield request.param


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="owner", email="owner@skinome.example", password="owner-password"
    )


@pytest.fixture
def customer(django_user_model):
    return django_user_model.objects.create_user(
        username="kari", email="kari@example.no", password="kari-password"
    )


@pytest.fixture(scope="session")
def demo_picture_cache():
    return DemoPictures()


@pytest.fixture
def demo_pictures(demo_picture_cache, monkeypatch):
    """The demo loaders' pictures, drawn once per run (see DemoPictures)."""
    demo_picture_cache.use(monkeypatch)
    return demo_picture_cache


@pytest.fixture
def demo_catalogue(db, demo_pictures):
    """The demo catalogue exactly as `load_demo_data` creates it; the demo
    articles a test loads as well get their pictures from the cache too."""
    from shop.demo import catalogue_data as demo

    demo.load()
    return DemoCatalogue()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def accounts(django_user_model):
    """One account per role: anonymous (None), customer, editor (Content
    editors), manager (Shop managers) and superuser."""
    return make_accounts(django_user_model)
