"""Template helpers for the storefront: prices, responsive images, staff HTML."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from shop.core.money import format_price, split_gross
from shop.core.renditions import CARD_WIDTH, pick
from shop.core.sanitising import clean_html

register = template.Library()
NO_BREAK_SPACE = mark_safe("&nbsp;")  # between a number and its unit, as pages write it


@register.filter
def price(amount, currency_code=None):
    """``{{ amount|price }}`` → ``1.467,95 NOK``."""
    return format_price(amount, currency_code)


@register.filter
def cleaned(html):
    """``{{ flatpage.content|cleaned }}``: HTML staff wrote, through the
    allow-list each time it is shown, so content stored before cleaning (or
    written around admin) is safe too."""
    return mark_safe(clean_html(html))  # nh3-cleaned


@register.filter
def vat_in(amount):
    """The VAT contained in a VAT-inclusive amount (at SHOP_VAT_RATE)."""
    if amount is None:
        return None
    return split_gross(amount)[1]


@register.simple_tag
def vat_rate(space=NO_BREAK_SPACE):
    """SHOP_VAT_RATE as the shop writes it: ``{% vat_rate %}`` → ``25&nbsp;%``
    (a no-break space), ``{% vat_rate space=" " %}`` → ``25 %`` (e-mails)."""
    percent = f"{(settings.SHOP_VAT_RATE * 100).normalize():f}".replace(".", ",")
    return format_html("{}{}%", percent, space)


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
