"""Oscar's catalogue, forked (label ``catalogue``) for our product fields,
packshot rules, database-backed listing views and routines (bundles sold at a
fixed price, with a page of their own)."""

from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy
from oscar.apps.catalogue.apps import CatalogueConfig as CoreCatalogueConfig
from oscar.core.loading import get_model


class CatalogueConfig(CoreCatalogueConfig):
    name = "products"
    verbose_name = "Catalogue"

    def ready(self):
        super().ready()
        from products import sitemaps, structured_data
        from products.models import (
            Category,
            Product,
            ProductCategory,
            ProductImage,
            Routine,
            RoutineStep,
        )
        from shop.core.page_versions import renew_pages_on_change
        from shop.core.sitemaps import register_sitemap
        from shop.core.structured_data import register_json_ld

        renew_pages_on_change(
            Product,
            ProductImage,
            Category,
            ProductCategory,
            Routine,
            RoutineStep,
            # A routine's price is its offer's; cards and pages show it.
            get_model("offer", "ConditionalOffer"),
            get_model("offer", "Condition"),
            get_model("offer", "Benefit"),
            get_model("offer", "Range"),
            # Which products a range holds: offers and ranges are read from
            # the cache under the page version (shop/commerce/offer/).
            get_model("offer", "RangeProduct"),
        )
        register_sitemap("products", sitemaps.ProductSitemap)
        register_sitemap("categories", sitemaps.CategorySitemap)
        register_sitemap("routines", sitemaps.RoutineSitemap)
        register_json_ld("product", structured_data.product)
        register_json_ld("routine", structured_data.routine)

    def get_urls(self):
        from products import views

        urls = [
            path(
                format_lazy("{}<slug:slug>/", pgettext_lazy("URL", "routines/")),
                views.RoutineDetailView.as_view(),
                name="routine",
            ),
            path(
                format_lazy(
                    "{}<slug:slug>/add-to-basket/", pgettext_lazy("URL", "routines/")
                ),
                views.RoutineAddToBasketView.as_view(),
                name="routine-add",
            ),
            # Oscar's category address, with its first word translated.
            path(
                pgettext_lazy("URL", "category/"),
                include(
                    [
                        re_path(
                            r"^(?P<category_slug>[\w-]+(/[\w-]+)*)_(?P<pk>\d+)/$",
                            self.category_view.as_view(),
                            name="category",
                        )
                    ]
                ),
            ),
        ]
        oscars = [
            u for u in super().get_urls() if getattr(u, "name", None) != "category"
        ]
        return self.post_process_urls(urls) + oscars
