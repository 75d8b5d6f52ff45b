"""Offer and range names, and offer descriptions, in each language
(shop/commerce/offer/apps.py)."""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")


@register(ConditionalOffer)
class ConditionalOfferTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Range)
class RangeTranslation(TranslationOptions):
    fields = ("name",)
