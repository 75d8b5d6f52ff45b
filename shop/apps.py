"""The project app: site-wide templates tags, staff groups and demo data."""

from django.apps import AppConfig


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = "Shop"

    def ready(self):
        from . import receivers  # noqa: F401
        from .sanitising import clean_oscar_html_on_save, refuse_markup_in_oscar_names

        refuse_markup_in_oscar_names()
        clean_oscar_html_on_save()
