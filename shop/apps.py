"""The project app: what belongs to the shop as a whole, not to one room.

It keeps the staff groups and the Site row in step after every migrate,
notes lost database connections, keeps HTML out of Oscar's names and the
original columns of translated fields filled; its
migrations hold the history of the models it once owned.
"""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.core.signals import got_request_exception
from django.db.models.signals import post_migrate, pre_save


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = "Shop"

    def ready(self):
        from shop import setup
        from shop.core import database, sanitising

        post_migrate.connect(setup.ensure_staff_groups, dispatch_uid="shop.groups")
        post_migrate.connect(setup.sync_site_with_settings, dispatch_uid="shop.site")
        got_request_exception.connect(
            database.note_lost_connection, dispatch_uid="shop.lost_connection"
        )
        from modeltranslation.translator import translator

        from shop.core.languages import keep_untranslated_columns_filled

        for model in translator.get_registered_models():
            pre_save.connect(keep_untranslated_columns_filled, sender=model)
        sanitising.refuse_markup_in_oscar_names()
        sanitising.clean_oscar_html_on_save()


class ShopAdminConfig(AdminConfig):
    """Django's admin, with the index in staff's task order (shop/admin_site.py)."""

    default_site = "shop.admin_site.ShopAdminSite"
