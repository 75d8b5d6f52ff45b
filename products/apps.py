"""Oscar's catalogue, forked (label ``catalogue``) for our product fields,
packshot rules, database-backed listing views and routines (bundles sold at a
fixed price, with a page of their own)."""

from django.urls import path
from oscar.apps.catalogue.apps import CatalogueConfig as CoreCatalogueConfig


class CatalogueConfig(CoreCatalogueConfig):
    name = "products"
    verbose_name = "Catalogue"

    def get_urls(self):
        from products import views

        urls = [
            path(
                "routines/<slug:slug>/",
                views.RoutineDetailView.as_view(),
                name="routine",
            ),
            path(
                "routines/<slug:slug>/add-to-basket/",
                views.RoutineAddToBasketView.as_view(),
                name="routine-add",
            ),
        ]
        return self.post_process_urls(urls) + super().get_urls()
