"""The shop's URLs: our pages first, then Oscar's, then the footer pages."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.flatpages.views import flatpage
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, reverse_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from oscar.core.loading import get_class
from oscar.views.decorators import login_forbidden

from shop.commerce.accounts.views import PasswordResetView
from shop.security.cross_site import refuse_cross_site
from shop.storefront.sitemaps import sitemap_index, sitemap_sections
from shop.storefront.views import HomeView, RobotsView

# Adding to the basket takes no CSRF token, as most shops' "add to cart" does:
# then product, category and article pages carry no per-visitor token and can
# be served from the page cache (shop/storefront/page_cache.py). Requests another site
# sends are refused by their Origin and Sec-Fetch-Site (shop/security/cross_site.py);
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
        {"sitemaps": sitemap_sections(), "template_name": "seo/sitemap.xml"},
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

if settings.DEBUG:
    # While developing, the app serves uploaded pictures itself; production
    # has a web server or object storage for them (`static()` is empty then).
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + (
        urlpatterns
    )
