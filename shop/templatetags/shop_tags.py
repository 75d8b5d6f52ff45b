"""Template helpers for the storefront: prices and responsive images."""

from django import template

from products.images import CARD_WIDTH, pick
from shop.money import format_price, split_gross

register = template.Library()


@register.filter
def price(amount, currency_code=None):
    """``{{ amount|price }}`` → ``1.467,95 NOK``."""
    return format_price(amount, currency_code)


@register.filter
def vat_in(amount):
    """The VAT contained in a VAT-inclusive amount (25 %)."""
    if amount is None:
        return None
    return split_gross(amount)[1]


@register.inclusion_tag("includes/picture.html")
def product_picture(image, sizes="100vw", width=CARD_WIDTH, loading="lazy", alt=None):
    """An <img> with a WebP srcset, its intrinsic size and its alt text."""
    renditions = image.renditions() if image else []
    chosen = pick(renditions, width)
    return {
        "image": image,
        "renditions": renditions,
        "src": chosen,
        "sizes": sizes,
        "loading": loading,
        "alt": image.alt_text if alt is None and image else (alt or ""),
    }
