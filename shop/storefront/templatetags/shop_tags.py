"""Template helpers for the storefront: prices (with the unit price and any
reduction), VAT, order summaries, responsive images, staff HTML, the cookie
and retention tables."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from shop.commerce import totals
from shop.commerce.status_labels import status_label
from shop.core.languages import missing_translation
from shop.core.money import format_price, format_unit_price, vat_percent
from shop.core.renditions import CARD_WIDTH, pick
from shop.core.sanitising import clean_html
from shop.storefront import navigation, privacy_facts

register = template.Library()
NO_BREAK_SPACE = mark_safe("&nbsp;")  # between a number and its unit, as pages write it


@register.filter
def price(amount, currency_code=None):
    """``{{ amount|price }}`` → ``1.467,95 NOK``."""
    return format_price(amount, currency_code)


@register.inclusion_tag("includes/price.html")
def product_price(product, info, large=False, each=False):
    """The one way a product's price is shown: ``{% product_price product
    info %}`` → ``199,00 NOK · 1.326,67 NOK/l``, with the before-price when
    it is on sale (``{% reduction %}``). ``each``: a basket line's unit price."""
    price = info.price
    unit_price = None
    if price.exists and price.is_tax_known:
        found = product.get_unit_price(price.incl_tax)
        unit_price = format_unit_price(found, price.currency) if found else None
    return {
        "price": price,
        "unit_price": unit_price,
        "large": large,
        "each": each,
    }


@register.inclusion_tag("includes/reduction.html")
def reduction(price):
    """``{% reduction info.price %}``: the only way a page shows that a price
    is reduced, and it always names the before-price (the lowest price of
    the 30 days before the sale, shop/commerce/partner/sales.py). A price
    without one, or charged at no less than it, shows no reduction at all."""
    before_price = getattr(price, "before_price", None)
    if before_price is not None and before_price <= price.incl_tax:
        before_price = None
    return {"before_price": before_price, "currency": getattr(price, "currency", None)}


@register.filter
def order_status(status):
    """``{{ order.status|order_status }}``: the status in the customer's
    language (shop/commerce/status_labels.py); an unknown one unchanged."""
    return status_label(status)


@register.filter
def cleaned(html):
    """``{{ flatpage.content|cleaned }}``: HTML staff wrote, through the
    allow-list each time it is shown, so content stored before cleaning (or
    written around admin) is safe too."""
    return mark_safe(clean_html(html))  # nh3-cleaned


@register.simple_tag
def vat_rate(space=NO_BREAK_SPACE):
    """SHOP_VAT_RATE as the shop writes it: ``{% vat_rate %}`` → ``25&nbsp;%``
    (a no-break space), ``{% vat_rate space=" " %}`` → ``25 %`` (e-mails)."""
    return format_html("{}{}%", vat_percent(), space)


@register.inclusion_tag("includes/order_totals.html")
def basket_totals(
    basket, shipping_method=None, shipping_charge=None, total=None, ids="order"
):
    """The summary under a basket's lines: on the basket page
    ``{% basket_totals basket ids="basket" %}``; in the checkout's review with
    the chosen shipping and the order total. ``ids`` names the total's and
    the VAT's elements (``order-total``, ``order-vat``)."""
    rows = totals.basket_rows(
        basket,
        shipping_name=getattr(shipping_method, "name", None),
        shipping_charge=shipping_charge,
        total=getattr(total, "incl_tax", total),
        space=NO_BREAK_SPACE,
    )
    return {"totals": rows, "ids": ids}


@register.inclusion_tag("includes/order_totals.html")
def order_totals(order, ids="order"):
    """The summary under an order's lines (thank-you and order pages)."""
    return {"totals": totals.order_rows(order, space=NO_BREAK_SPACE), "ids": ids}


@register.simple_tag
def order_totals_rows(order, space=NO_BREAK_SPACE):
    """The same rows for e-mails, which lay them out with inline styles or as
    text: ``{% order_totals_rows order space=" " as rows %}``."""
    return totals.order_rows(order, space=space)


@register.simple_tag
def withdrawal_days():
    """``{% withdrawal_days as days %}``: the withdrawal period (angrefrist) in
    days, as the withdrawal page counts it."""
    return settings.SHOP_SHIPPING_FACTS["return_days"]


@register.simple_tag
def footer_page_address(english_address):
    """``{% footer_page_address "/pages/terms-of-sale/" as terms_url %}``: the
    footer page's address in the page's language."""
    return navigation.footer_page_address(english_address)


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


@register.inclusion_tag("includes/translation_note.html")
def translation_note(obj, *fields):
    """``{% translation_note article "title" "body" %}``: a note when the
    page shows ``obj``'s text in the other language, because it has not been
    written in this one yet (the fields fall back, see settings)."""
    shown_in = missing_translation(obj, *fields)
    return {"shown_in": shown_in}


@register.simple_tag
def text_lang(obj, field):
    """``<h1{% text_lang article "title" %}>``: a ``lang`` attribute when the
    field is shown in the other language, so screen readers pronounce it and
    search engines know it for what it is."""
    shown_in = missing_translation(obj, field)
    return format_html(' lang="{}"', shown_in) if shown_in else ""


@register.inclusion_tag("includes/cookie_table.html")
def cookie_table():
    """``{% cookie_table %}``: every cookie the shop sets, from the settings
    that name them and set their lifetimes (shop/storefront/privacy_facts.py)."""
    return {
        "cookies": [
            (cookie, privacy_facts.duration(cookie.lifetime))
            for cookie in privacy_facts.cookies()
        ]
    }


@register.inclusion_tag("includes/retention_table.html")
def retention_table():
    """``{% retention_table %}``: how long each kind of personal data is kept."""
    return {"kept": privacy_facts.retention()}
