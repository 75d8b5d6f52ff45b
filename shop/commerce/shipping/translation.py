"""Shipping methods' names and descriptions in each language."""

from modeltranslation.translator import TranslationOptions, register

from shop.commerce.shipping.models import OrderAndItemCharges


@register(OrderAndItemCharges)
class OrderAndItemChargesTranslation(TranslationOptions):
    fields = ("name", "description")
