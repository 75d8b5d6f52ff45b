"""An article body as a page shows it: sanitised HTML with live cards between.

A card gets to the page in three steps. Rendering the Markdown turned each
shortcode into a Card (articles/rendering.py, cached). Here each card is
looked up among the public objects of its kind, with what a card shows
fetched up front, in one query per kind whatever the number of cards; a
routine also gets its price quote. The article template then draws each part
with the card templates the catalogue and the home page use, so price, stock
and the add-to-basket form come from the catalogue at request time. A card
whose target is missing or not for sale is left out for readers and
explained to staff in the preview.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Q
from django.utils.safestring import mark_safe

from articles.rendering import Card, CardKind, Heading, render_body
from products.models import Product, Routine
from products.routines import RoutineQuote, routine_quote
from shop.core.languages import slug_in_any_language, slugs_of


class PartKind(StrEnum):
    """What the article template draws for a part."""

    HTML = "html"
    PRODUCT = CardKind.PRODUCT.value
    ROUTINE = CardKind.ROUTINE.value
    PROBLEM = "problem"


@dataclass(frozen=True)
class BodyPart:
    kind: PartKind
    html: str = ""
    product: Product | None = None
    routine: Routine | None = None
    quote: RoutineQuote | None = None
    message: str = ""


@dataclass(frozen=True)
class ShownBody:
    """The parts in reading order, the sections, and the products carded."""

    parts: list[BodyPart] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)

    @property
    def products(self) -> list[Product]:
        return [part.product for part in self.parts if part.kind == PartKind.PRODUCT]


def show_body(text: str, request, *, preview: bool = False) -> ShownBody:
    """An article's body as its page shows it."""
    body = render_body(text)
    products = _by_slug(Product.objects.for_cards(), body.cards, CardKind.PRODUCT)
    routines = _by_slug(Routine.objects.for_pages(), body.cards, CardKind.ROUTINE)
    parts = []
    if preview:
        parts += [
            BodyPart(PartKind.PROBLEM, message=problem) for problem in body.problems
        ]
    for part in body.parts:
        if not isinstance(part, Card):
            parts.append(BodyPart(PartKind.HTML, html=mark_safe(part)))  # nh3-cleaned
        elif part.kind == CardKind.PRODUCT and part.slug in products:
            parts.append(BodyPart(PartKind.PRODUCT, product=products[part.slug]))
        elif part.kind == CardKind.ROUTINE and part.slug in routines:
            routine = routines[part.slug]
            quote = routine_quote(routine, strategy=request.strategy)
            parts.append(BodyPart(PartKind.ROUTINE, routine=routine, quote=quote))
        elif preview:
            parts.append(BodyPart(PartKind.PROBLEM, message=_why_missing(part)))
    return ShownBody(parts=parts, headings=body.headings)


def _by_slug(queryset, cards: list[Card], kind: CardKind) -> dict:
    slugs = {card.slug for card in cards if card.kind == kind}
    if not slugs:
        return {}
    # A card names its product by the slug of either language.
    found = queryset.filter(Q(slug_nb__in=slugs) | Q(slug_en__in=slugs))
    return {slug: obj for obj in found for slug in slugs_of(obj)}


def _why_missing(card: Card) -> str:
    model = Product if card.kind == CardKind.PRODUCT else Routine
    if model.objects.filter(slug_in_any_language(card.slug)).exists():
        return (
            f"{card.shortcode}: this {card.kind} is not public, so readers do not "
            "see its card."
        )
    return f"{card.shortcode}: there is no {card.kind} with this slug; check it."
