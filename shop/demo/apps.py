"""Demo data for development, tests and measuring: the catalogue, the guide,
footer pages, shipping methods, development staff and the scaled catalogue
(`manage.py load_demo_data`). Only dev, test and perf settings install it."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "shop.demo"
    label = "demo"
    verbose_name = "Demo data"
