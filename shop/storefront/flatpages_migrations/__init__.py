"""Migrations of django.contrib.flatpages, kept here because the footer pages
gain a column per language (shop/storefront/translation.py). 0001 is Django's
own, copied unchanged, so databases that applied it go on from it."""
