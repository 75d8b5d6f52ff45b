"""The baskets' section of "download my data" (shop/core/personal_data.py):
what the account has in its open and saved baskets. Deleting the account
deletes its baskets (the database's cascade); baskets nobody touched for
SHOP_ABANDONED_BASKET_DAYS are deleted by ``manage.py apply_retention``."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from oscar.core.loading import get_model

from shop.core import personal_data

Basket = get_model("basket", "Basket")


def export_baskets(user):
    baskets = (
        Basket.objects.filter(owner=user, status__in=(Basket.OPEN, Basket.SAVED))
        .prefetch_related("lines__product")
        .order_by("pk")
    )
    return [
        {
            "status": basket.status,
            "created": basket.date_created.isoformat(),
            "lines": [
                {
                    "product": line.product.get_title() if line.product else "",
                    "quantity": line.quantity,
                    "added": line.date_created.isoformat(),
                }
                for line in basket.lines.all()
            ],
        }
        for basket in baskets
    ]


def delete_abandoned_baskets(now=None):
    """Delete open baskets (a guest's or an account's) with no line added
    nor a basket merged into them for SHOP_ABANDONED_BASKET_DAYS; how many.
    Oscar records no other change to a basket. Frozen baskets (a card
    payment under way) and submitted ones (an order's) are left alone."""
    before = (now or timezone.now()) - timedelta(
        days=settings.SHOP_ABANDONED_BASKET_DAYS
    )
    abandoned = (
        Basket.objects.filter(status=Basket.OPEN)
        .annotate(
            touched=Greatest(
                "date_created",
                Coalesce("date_merged", "date_created"),
                Coalesce(Max("lines__date_created"), "date_created"),
            )
        )
        .filter(touched__lt=before)
        .values_list("pk", flat=True)
    )
    pks = list(abandoned)
    Basket.objects.filter(pk__in=pks).delete()
    return len(pks)


def register():
    """Called by the basket app's ready()."""
    personal_data.register("baskets", export=export_baskets)
