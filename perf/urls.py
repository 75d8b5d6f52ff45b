"""The shop's URLs, plus what only measuring needs: the bare reference page
and media served by the app (production has a web server or object storage
for media), so pages load as they will."""

from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from perf.views import bare_page
from shop.urls import urlpatterns as shop_urlpatterns

urlpatterns = [
    path("__bench__/bare/<int:size>/", bare_page),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *shop_urlpatterns,
]
