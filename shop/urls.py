"""The shop's URLs: our pages first, then Oscar's, then the footer pages.

Customer pages exist in both languages: Bokmål at the root, English under
/en/, with the address words translated ("/handlekurv/", "/en/basket/").
The addresses the shop had before it spoke Bokmål answer 301 to their
English page (shop/storefront/languages.py). Staff pages, sitemaps,
robots.txt, the load balancer's health checks and Stripe's and Vipps'
webhooks keep one address without a language.
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import set_language
from oscar.core.loading import get_class
from oscar.views.decorators import login_forbidden

from shop.commerce.accounts.views import PasswordResetView
from shop.commerce.documents import urls as document_urls
from shop.commerce.order.views import packing_slip
from shop.core import health
from shop.security.cross_site import refuse_cross_site
from shop.storefront.languages import choose_language
from shop.storefront.sitemaps import sitemap_index, sitemap_sections
from shop.storefront.views import FooterPageView, HomeView, RobotsView

# Adding to the basket takes no CSRF token, as most shops' "add to cart" does:
# then product, category and article pages carry no per-visitor token and can
# be served from the page cache (shop/storefront/page_cache.py). Requests another site
# sends are refused by their Origin and Sec-Fetch-Site (shop/security/cross_site.py);
# ordering, paying and every account change keep Django's CSRF protection.
BasketAddView = get_class("basket.views", "BasketAddView")
StripeWebhookView = get_class("checkout.views", "StripeWebhookView")
VippsWebhookView = get_class("checkout.views", "VippsWebhookView")
oscar = apps.get_app_config("oscar")


def password_reset_urls():
    """Oscar's password-reset pages (oscar/config.py), with a rate limit on
    the e-mails the first one sends."""
    done = auth_views.PasswordResetDoneView.as_view(
        template_name="oscar/registration/password_reset_done.html"
    )
    confirm = auth_views.PasswordResetConfirmView.as_view(
        form_class=oscar.set_password_form,
        success_url=reverse_lazy("password-reset-complete"),
        template_name="oscar/registration/password_reset_confirm.html",
    )
    complete = auth_views.PasswordResetCompleteView.as_view(
        template_name="oscar/registration/password_reset_complete.html"
    )
    start = PasswordResetView.as_view(
        form_class=oscar.password_reset_form,
        success_url=reverse_lazy("password-reset-done"),
        template_name="oscar/registration/password_reset_form.html",
    )
    return [
        path("", login_forbidden(start), name="password-reset"),
        path(
            pgettext_lazy("URL", "done/"),
            login_forbidden(done),
            name="password-reset-done",
        ),
        path(
            format_lazy(
                "{}<str:uidb64>/<str:token>/", pgettext_lazy("URL", "confirm/")
            ),
            login_forbidden(confirm),
            name="password-reset-confirm",
        ),
        path(
            pgettext_lazy("URL", "complete/"),
            login_forbidden(complete),
            name="password-reset-complete",
        ),
    ]


storefront = [
    path("", HomeView.as_view(), name="home"),
    path(
        pgettext_lazy("URL", "basket/"),
        include(
            [
                # Same address as Oscar's basket:add, listed first so it answers.
                path(
                    "add/<int:pk>/",
                    csrf_exempt(refuse_cross_site(BasketAddView.as_view())),
                ),
            ]
        ),
    ),
    path(pgettext_lazy("URL", "basket/"), oscar.basket_app.urls),
    path(pgettext_lazy("URL", "catalogue/"), oscar.catalogue_app.urls),
    path(pgettext_lazy("URL", "checkout/"), oscar.checkout_app.urls),
    path(
        pgettext_lazy("URL", "accounts/"),
        include((document_urls.customer_urlpatterns, "documents")),
    ),
    path(pgettext_lazy("URL", "accounts/"), oscar.customer_app.urls),
    path(pgettext_lazy("URL", "password-reset/"), include(password_reset_urls())),
    path(pgettext_lazy("URL", "offers/"), oscar.offer_app.urls),
    path(
        pgettext_lazy("URL", "withdrawal/"),
        include("shop.commerce.withdrawals.urls"),
    ),
    path(pgettext_lazy("URL", "articles/"), include("articles.urls")),
    # Oscar's Haystack search lists nothing with the simple backend; the
    # catalogue's own database search answers the same query.
    path(
        pgettext_lazy("URL", "search/"),
        RedirectView.as_view(pattern_name="catalogue:index", query_string=True),
    ),
    # Listed for the names Oscar's own page frame reverses; the redirect above
    # answers at their address.
    path(pgettext_lazy("URL", "search/"), oscar.search_app.urls),
    path(
        format_lazy("{}<path:url>", pgettext_lazy("URL", "pages/")),
        FooterPageView.as_view(),
        name="flatpage",
    ),
]

urlpatterns = [
    # Staff files about an order, behind admin's sign-in; before admin's own
    # addresses, which would answer them with a 404.
    path(
        "admin/orders/<int:pk>/packing-slip/",
        admin.site.admin_view(packing_slip),
        name="admin-packing-slip",
    ),
    # Staff pages of the money documents, before admin's catch-all.
    *document_urls.admin_urlpatterns,
    path("admin/", admin.site.urls),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    # The load balancer's questions: alive, and ready to serve.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("sitemap.xml", sitemap_index, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemap_sections(), "template_name": "seo/sitemap.xml"},
        name="sitemap-section",
    ),
    # The address Stripe is configured with; it has no language.
    path(
        "checkout/stripe/webhook/",
        StripeWebhookView.as_view(),
        name="stripe-webhook",
    ),
    # The address registered with Vipps' Webhooks API; no language either.
    path("vipps/webhook/", VippsWebhookView.as_view(), name="vipps-webhook"),
    # The language switcher: remembers the choice, then shows the page.
    path("language/<str:language>/", choose_language, name="choose-language"),
    # Django's form-based switch, which Oscar's own page frame (offer pages)
    # links to; it sets the same cookie.
    path("i18n/setlang/", set_language, name="set_language"),
    *i18n_patterns(*storefront, prefix_default_language=False),
]

if settings.DEBUG:
    # While developing, the app serves uploaded pictures itself; production
    # has a web server or object storage for them (`static()` is empty then).
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + (
        urlpatterns
    )
