"""Footer pages in each language: their address too ("/sider/personvern/",
"/pages/privacy/"), stored without the language prefix."""

from django.contrib.flatpages.models import FlatPage
from modeltranslation.translator import TranslationOptions, register


@register(FlatPage)
class FlatPageTranslation(TranslationOptions):
    fields = ("url", "title", "content")
