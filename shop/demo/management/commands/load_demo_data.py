"""``manage.py load_demo_data``: the shop's demo catalogue, pages and staff."""

from django.core.management.base import BaseCommand
from django.db import transaction

from shop.demo import article_data as articles_demo
from shop.demo import article_scale as articles_scale
from shop.demo import catalogue_data as products_demo
from shop.demo import catalogue_scale as products_scale
from shop.demo import site_data as shop_demo
from shop.demo.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Create or update the demo catalogue, routine, articles and footer pages. "
        "Safe to run again: it changes nothing the second time. With DEBUG on it "
        "also creates development staff accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also add numbered products until there are N of them, in a "
            "category tree, and one article per 20 products (at least 50), "
            "for measuring the shop at size (make bench uses 10000).",
        )

    def handle(self, *args, scale, **options):
        with transaction.atomic():
            created = products_demo.load()
            created.update(articles_demo.load())
            created["footer pages"] = shop_demo.load_footer_pages()
            created["shipping methods"] = shop_demo.load_shipping_methods()
            accounts = shop_demo.load_dev_staff()
        if scale:
            with transaction.atomic():
                created["scaled products"] = products_scale.load(scale, self.progress)
                created["scaled articles"] = articles_scale.load(
                    articles_scale.articles_for(scale), self.progress
                )
        for kind, count in created.items():
            self.stdout.write(f"{kind}: {count} new")
        for username, role in accounts:
            self.stdout.write(
                f"staff login: {username} / {username} ({role}) at /admin/"
            )
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))

    def progress(self, label, total):
        return ProgressBar(f"Adding {label}", total, self.stdout)
