"""Live cards inside an article body, looked up when the page is shown.

The body says which product or routine goes where; price, stock and the
add-to-basket form come from the catalogue at request time, in one query
per kind whatever the number of cards. A card whose target is missing or
not for sale is left out for readers and explained to staff in the preview.
"""

from dataclasses import dataclass

from django.utils.safestring import mark_safe

from articles.rendering import Card
from products.models import Product, Routine
from products.routines import routine_quote


@dataclass(frozen=True)
class BodyPart:
    kind: str  # "html", "product", "routine" or "problem"
    html: str = ""
    product: object = None
    routine: object = None
    quote: object = None
    message: str = ""


def fill_cards(body, request, *, preview=False):
    """The rendered body as parts a template can show in order."""
    cards = body.cards
    products = _by_slug(
        Product.objects.for_cards(), {c.slug for c in cards if c.kind == "product"}
    )
    routines = _by_slug(
        Routine.objects.for_pages(), {c.slug for c in cards if c.kind == "routine"}
    )
    parts = []
    if preview:
        parts += [BodyPart("problem", message=problem) for problem in body.problems]
    for part in body.parts:
        if not isinstance(part, Card):
            parts.append(BodyPart("html", html=mark_safe(part)))  # nh3-cleaned
        elif part.kind == "product" and part.slug in products:
            parts.append(BodyPart("product", product=products[part.slug]))
        elif part.kind == "routine" and part.slug in routines:
            routine = routines[part.slug]
            quote = routine_quote(routine, strategy=request.strategy)
            parts.append(BodyPart("routine", routine=routine, quote=quote))
        elif preview:
            parts.append(BodyPart("problem", message=_why_missing(part)))
    return parts


def _by_slug(queryset, slugs):
    if not slugs:
        return {}
    return {obj.slug: obj for obj in queryset.filter(slug__in=slugs)}


def _why_missing(card):
    model = Product if card.kind == "product" else Routine
    if model.objects.filter(slug=card.slug).exists():
        return (
            f"{card.shortcode}: this {card.kind} is not public, so readers do not "
            "see its card."
        )
    return f"{card.shortcode}: there is no {card.kind} with this slug; check it."
