"""JSON-LD for catalogue pages: a product, and a routine sold as one
(Google's merchant listing), with the shop as seller and its shipping and
return terms. Registered in the app's ready() (shop/core/structured_data.py)."""

from decimal import Decimal

from django.conf import settings

from shop.commerce.shipping import summary as shipping_summary
from shop.core.money import machine_price
from shop.core.site_urls import site_url
from shop.core.structured_data import SCHEMA, image_urls, organization_id, plain_text


def _shipping_details(price):
    facts = settings.SHOP_SHIPPING_FACTS
    cheapest = shipping_summary.cheapest()
    if cheapest is None:  # no method set up yet: nothing true to say
        return None
    rate = cheapest.for_order_of(price)

    def days(low_high):
        return {
            "@type": "QuantitativeValue",
            "minValue": low_high[0],
            "maxValue": low_high[1],
            "unitCode": "DAY",
        }

    return {
        "@type": "OfferShippingDetails",
        "shippingRate": {
            "@type": "MonetaryAmount",
            "value": machine_price(rate),
            "currency": settings.OSCAR_DEFAULT_CURRENCY,
        },
        "shippingDestination": {
            "@type": "DefinedRegion",
            "addressCountry": facts["country"],
        },
        "deliveryTime": {
            "@type": "ShippingDeliveryTime",
            "handlingTime": days(facts["handling_days"]),
            "transitTime": days(facts["transit_days"]),
        },
    }


def _return_policy():
    facts = settings.SHOP_SHIPPING_FACTS
    return {
        "@type": "MerchantReturnPolicy",
        "applicableCountry": facts["country"],
        "returnPolicyCategory": f"{SCHEMA}/MerchantReturnFiniteReturnWindow",
        "merchantReturnDays": facts["return_days"],
        "returnMethod": f"{SCHEMA}/ReturnByMail",
        "returnFees": f"{SCHEMA}/ReturnFeesCustomerResponsibility",
    }


def offer(*, url: str, price: Decimal, available: bool) -> dict:
    data = {
        "@type": "Offer",
        "url": url,
        "price": machine_price(price),
        "priceCurrency": settings.OSCAR_DEFAULT_CURRENCY,
        "availability": f"{SCHEMA}/{'InStock' if available else 'OutOfStock'}",
        "itemCondition": f"{SCHEMA}/NewCondition",
        "seller": {"@id": organization_id()},
        "hasMerchantReturnPolicy": _return_policy(),
    }
    shipping = _shipping_details(price)
    if shipping:
        data["shippingDetails"] = shipping
    return data


# UN/CEFACT common codes, as schema.org's unitCode wants them.
UNIT_CODES = {"l": "LTR", "kg": "KGM"}


def _unit_price_specification(product, price):
    """The price for the package's content (0.15 l), from which readers work
    out the price per litre or kilo; None without net content."""
    found = product.get_unit_price(price)
    if found is None:
        return None
    return {
        "@type": "UnitPriceSpecification",
        "price": machine_price(price),
        "priceCurrency": settings.OSCAR_DEFAULT_CURRENCY,
        "referenceQuantity": {
            "@type": "QuantitativeValue",
            "value": f"{found.content.normalize():f}",
            "unitCode": UNIT_CODES[found.unit],
        },
    }


def _brand():
    return {"@type": "Brand", "name": settings.OSCAR_SHOP_NAME}


def product(product, info) -> dict | None:
    """A merchant listing for a product page; None when it has no price."""
    if not (info.price.exists and info.price.is_tax_known):
        return None
    url = site_url(product.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "@id": url + "#product",
        "name": product.get_title(),
        "description": plain_text(
            product.short_description or product.description, length=5000
        ),
        "image": image_urls(product.get_all_images()),
        "url": url,
        "brand": _brand(),
        "offers": offer(
            url=url,
            price=info.price.incl_tax,
            available=info.availability.is_available_to_buy,
        ),
    }
    unit_price = _unit_price_specification(product, info.price.incl_tax)
    if unit_price:
        data["offers"]["priceSpecification"] = unit_price
    if info.stockrecord and info.stockrecord.partner_sku:
        data["sku"] = info.stockrecord.partner_sku
    if product.upc and product.upc.isdigit() and len(product.upc) == 13:
        data["gtin13"] = product.upc
    return data


def routine(routine, quote) -> dict:
    """The routine as one product: its fixed price, available when all are."""
    url = site_url(routine.get_absolute_url())
    return {
        "@context": SCHEMA,
        "@type": "Product",
        "@id": url + "#product",
        "name": routine.name,
        "description": plain_text(routine.summary, length=5000),
        "image": image_urls(
            image for item in quote.items for image in item.product.images.all()[:1]
        ),
        "url": url,
        "brand": _brand(),
        "offers": offer(url=url, price=routine.price, available=quote.is_available),
    }
