"""The shop's addresses and one that fails, to see what a server error does:
at /__fail__/ (a Bokmål page) and /en/__fail__/ (its English one)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from shop.urls import urlpatterns as shop_urlpatterns


def fail(request):
    raise RuntimeError("Could not reach ola@example.no about order 100001")


urlpatterns = [
    *i18n_patterns(path("__fail__/", fail), prefix_default_language=False),
    *shop_urlpatterns,
]
