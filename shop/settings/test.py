"""Test runs: fast hashing, e-mails kept in memory, static files unhashed."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The manifest storage needs `collectstatic`; tests serve the source files.
# Pictures go to a folder per test (tests/conftest.py), whatever the
# environment says; the object-storage tests switch to a local S3 stand-in
# themselves (tests/media_storage/).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SHOP_MEDIA_STORAGE = "filesystem"
MEDIA_URL = "/media/"
WHITENOISE_AUTOREFRESH = True
# No test reaches the real Bring: with no address the pickup-point list is off
# (the fallback); the pickup tests point it at tests/fake_bring.py.
BRING_API_BASE = ""
# Query budgets measure the pages themselves; the page cache has tests of its own.
SHOP_PAGE_CACHE_SECONDS = 0
# Rate limits count in this process's memory here; production shares them
# in Redis (see shop/security/rate_limits.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# The demo catalogue, articles and staff (`manage.py load_demo_data`); no
# deployment installs it.
INSTALLED_APPS = [*INSTALLED_APPS, "shop.demo.apps.DemoConfig"]
