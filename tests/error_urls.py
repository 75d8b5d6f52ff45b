"""The shop's addresses and one that fails, to see what a server error does."""

from django.urls import path

from shop.urls import urlpatterns as shop_urlpatterns


def fail(request):
    raise RuntimeError("Could not reach ola@example.no about order 100001")


urlpatterns = [path("__fail__/", fail), *shop_urlpatterns]
