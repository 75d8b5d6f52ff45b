"""Oscar's catalogue, forked (label ``catalogue``) for our fields and routines."""

import oscar.apps.catalogue.apps as apps
from django.urls import path


class CatalogueConfig(apps.CatalogueConfig):
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
