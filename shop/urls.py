"""The shop's URLs: our pages first, then Oscar's, then the footer pages."""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages.views import flatpage
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, reverse_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from oscar.core.loading import get_class
from oscar.views.decorators import login_forbidden

from shop.accounts.views import PasswordResetView
from shop.cross_site import refuse_cross_site
from shop.sitemaps import SITEMAPS, sitemap_index
from shop.views import HomeView, RobotsView

# Adding to the basket takes no CSRF token, as most shops' "add to cart" does:
# then product, category and article pages carry no per-visitor token and can
# be served from the page cache (shop/page_cache.py). Requests another site
# sends are refused by their Origin and Sec-Fetch-Site (shop/cross_site.py);
# ordering, paying and every account change keep Django's CSRF protection.
BasketAddView = get_class("basket.views", "BasketAddView")

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    # Same address as Oscar's basket:add, listed first so it answers.
    path(
        "basket/add/<int:pk>/",
        csrf_exempt(refuse_cross_site(BasketAddView.as_view())),
    ),
    # Same address as Oscar's password-reset, listed first so it answers: the
    # same view with a rate limit on the e-mails it sends.
    path(
        "password-reset/",
        login_forbidden(
            PasswordResetView.as_view(
                form_class=get_class("customer.forms", "PasswordResetForm"),
                success_url=reverse_lazy("password-reset-done"),
                template_name="oscar/registration/password_reset_form.html",
            )
        ),
    ),
    path("admin/", admin.site.urls),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("sitemap.xml", sitemap_index, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS, "template_name": "seo/sitemap.xml"},
        name="sitemap-section",
    ),
    path("articles/", include("articles.urls")),
    # Oscar's Haystack search lists nothing with the simple backend; the
    # catalogue's own database search answers the same query.
    path(
        "search/",
        RedirectView.as_view(pattern_name="catalogue:index", query_string=True),
    ),
    # Footer pages keep their full URL ("/pages/terms/") in the database, so
    # FlatPage.get_absolute_url() and the page's address agree.
    re_path(r"^(?P<url>pages/.+/)$", flatpage, name="flatpage"),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG or settings.SHOP_SERVE_MEDIA:
    # In production a web server or object storage serves media; the benchmark
    # and audit servers ask the app to, so pages look as they will.
    from django.urls import re_path as _re_path
    from django.views.static import serve

    urlpatterns.insert(
        0,
        _re_path(
            r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
    )

if settings.SHOP_BENCH_VIEWS:
    from shop.bench_views import bare_page

    urlpatterns.insert(0, path("__bench__/bare/<int:size>/", bare_page))
