"""What admin shows of the apps the shop installs but does not own.

Oscar registers an admin page for nearly every model it has, and staff
never work with most of them: counters, basket and wish-list rows, product
reviews (switched off), e-mail records the outbox replaces, the parts an
order is made of (shown on the order's own page instead,
shop/commerce/order/admin.py). They are unregistered here, so no one
lands on a page that edits what only code should write. Of django-axes'
records, admin shows only the sign-in lockouts (deleting one lifts it): the
shop keeps no log of sign-ins. The index's order is shop/admin_site.py.
"""

from django.apps import apps
from django.contrib import admin

NOT_FOR_STAFF = (
    "analytics.productrecord",
    "analytics.userproductview",
    "analytics.userrecord",
    "analytics.usersearch",
    "axes.accesslog",
    "axes.accessfailurelog",
    "basket.line",
    "basket.lineattribute",
    "catalogue.productattributevalue",
    "catalogue.productcategory",
    "communication.communicationeventtype",
    "communication.email",
    "communication.notification",
    "customer.productalert",
    "payment.bankcard",
    "payment.source",
    "payment.sourcetype",
    "payment.transaction",
    "reviews.productreview",
    "reviews.vote",
    "voucher.voucherapplication",
    "wishlists.line",
    "wishlists.wishlist",
    "wishlists.wishlistsharedemail",
)

for label in NOT_FOR_STAFF:
    model = apps.get_model(label)
    if admin.site.is_registered(model):
        admin.site.unregister(model)
