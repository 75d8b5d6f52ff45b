"""Routines: their Oscar offer, their price quote and the one-click add.

A routine's price is an Oscar site offer (a range of its products, a COVERAGE
condition for one of each, a FIXED_PRICE benefit). The routine is the source
of truth: saving it in admin rewrites the offer to match.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.apps.basket.signals import basket_addition
from oscar.apps.basket.utils import BasketMessageGenerator
from oscar.apps.partner.strategy import PurchaseInfo
from oscar.core.loading import get_model

from products.models import Product, Routine, RoutineStep
from shop.core.languages import language_codes

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
RangeProduct = get_model("offer", "RangeProduct")


class RoutineUnavailable(Exception):
    """The routine cannot be added to the basket; ``problems`` says why."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class RoutineItem:
    step: RoutineStep
    info: PurchaseInfo  # for the step's product

    @property
    def product(self) -> Product:
        return self.step.product

    @property
    def is_available(self) -> bool:
        return self.info.availability.is_available_to_buy

    @property
    def price(self) -> Decimal | None:
        return self.info.price.incl_tax if self.info.price.exists else None


@dataclass
class RoutineQuote:
    routine: Routine
    items: list[RoutineItem] = field(default_factory=list)

    @property
    def separate_total(self) -> Decimal:
        return sum((item.price or Decimal("0")) for item in self.items)

    @property
    def saving(self) -> Decimal:
        return max(self.separate_total - self.routine.price, Decimal("0"))

    @property
    def unavailable_items(self) -> list[RoutineItem]:
        return [item for item in self.items if not item.is_available]

    @property
    def is_available(self) -> bool:
        return bool(self.items) and not self.unavailable_items


def routine_quote(routine: Routine, *, strategy) -> RoutineQuote:
    """Price and availability of each step, from already-fetched products."""
    return RoutineQuote(
        routine=routine,
        items=[
            RoutineItem(step=step, info=strategy.fetch_for_product(step.product))
            for step in routine.steps.all()
        ],
    )


def routine_add_to_basket(*, request, routine: Routine) -> RoutineQuote:
    """Put one of each of the routine's products into the visitor's basket.

    Every product is checked first, as Oscar's add form would, so the basket
    is changed completely or not at all.
    """
    basket = request.basket
    quote = routine_quote(routine, strategy=basket.strategy)
    if not quote.items:
        raise RoutineUnavailable([_("This routine has no products yet.")])
    problems = []
    for item in quote.items:
        wanted = basket.product_quantity(item.product) + 1
        permitted, reason = item.info.availability.is_purchase_permitted(wanted)
        if not permitted:
            problems.append(f"{item.product.get_title()}: {reason}")
    allowed, reason = basket.is_quantity_allowed(len(quote.items))
    if not allowed:
        problems.append(reason)
    if problems:
        raise RoutineUnavailable(problems)

    offers_before = basket.applied_offers()
    with transaction.atomic():
        for item in quote.items:
            basket.add_product(item.product, 1)
    # add_product() drops applied offers; re-apply them and say what changed.
    BasketMessageGenerator().apply_messages(request, offers_before)
    for item in quote.items:
        basket_addition.send(
            sender=routine_add_to_basket,
            product=item.product,
            user=request.user,
            request=request,
        )
    return quote


def routine_sync_offer(*, routine: Routine):
    """Create or update the site offer that gives the routine its price."""
    products = [step.product for step in routine.steps.select_related("product")]
    # The offer's name is what customers see on the basket's discount line and
    # the offer's page, in each language.
    names, range_names, descriptions = {}, {}, {}
    for code in language_codes():
        with translation.override(code):
            names[f"name_{code}"] = routine.name[:128]
            descriptions[f"description_{code}"] = routine.summary
            range_names[f"name_{code}"] = (
                _("Routine: %(name)s") % {"name": routine.name}
            )[:128]
    with transaction.atomic():
        offer = routine.offer
        if offer is None:
            product_range = Range.objects.create(**range_names)
            condition = Condition.objects.create(
                range=product_range, type=Condition.COVERAGE, value=len(products)
            )
            # A fixed-price benefit takes its products from the condition's range.
            benefit = Benefit.objects.create(
                type=Benefit.FIXED_PRICE, value=routine.price
            )
            offer = ConditionalOffer.objects.create(
                **names,
                **descriptions,
                offer_type=ConditionalOffer.SITE,
                condition=condition,
                benefit=benefit,
            )
            routine.offer = offer
            routine.save(update_fields=["offer"])
        condition, benefit = offer.condition, offer.benefit
        product_range = condition.range

        for field, value in range_names.items():
            setattr(product_range, field, value)
        product_range.save(update_fields=["name", *range_names])
        RangeProduct.objects.filter(range=product_range).delete()
        RangeProduct.objects.bulk_create(
            RangeProduct(range=product_range, product=product, display_order=position)
            for position, product in enumerate(products)
        )
        product_range.invalidate_cached_queryset()

        condition.type, condition.value = Condition.COVERAGE, len(products)
        condition.save(update_fields=["type", "value"])
        benefit.type, benefit.value, benefit.range = (
            Benefit.FIXED_PRICE,
            routine.price,
            None,
        )
        benefit.save(update_fields=["type", "value", "range"])

        for field, value in {**names, **descriptions}.items():
            setattr(offer, field, value)
        active = routine.is_public and bool(products)
        offer.status = ConditionalOffer.OPEN if active else ConditionalOffer.SUSPENDED
        offer.save(
            update_fields=["name", *names, "description", *descriptions, "status"]
        )
    return offer
