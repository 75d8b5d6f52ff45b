"""``manage.py load_demo_data``: the shop's demo catalogue, pages and staff."""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles import demo as articles_demo
from products import demo as products_demo
from shop import demo as shop_demo


class Command(BaseCommand):
    help = (
        "Create or update the demo catalogue, routine, articles and footer pages. "
        "Safe to run again: it changes nothing the second time. With DEBUG on it "
        "also creates development staff accounts."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            created = products_demo.load()
            created.update(articles_demo.load())
            created["footer pages"] = shop_demo.load_footer_pages()
            created["shipping methods"] = shop_demo.load_shipping_methods()
            accounts = shop_demo.load_dev_staff()
        for kind, count in created.items():
            self.stdout.write(f"{kind}: {count} new")
        for username, role in accounts:
            self.stdout.write(
                f"staff login: {username} / {username} ({role}) at /admin/"
            )
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
