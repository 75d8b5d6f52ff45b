"""Order models: Oscar's, with the language the customer ordered in."""

from django.conf import settings
from django.db import models
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    # The language of the pages the order was placed from; its confirmation
    # and every later e-mail about it use it (shop/commerce/outbox/mail.py).
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        editable=False,
    )


from oscar.apps.order.models import *  # noqa: E402, F403
