"""The catalogue's texts in each language (django-modeltranslation adds a
column per language: ``title_nb``, ``title_en`` ...). INCI lists, prices and
codes are the same in both and stay single."""

from modeltranslation.translator import TranslationOptions, register

from products.models import Category, Product, ProductImage, Routine, RoutineStep


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = (
        "title",
        "slug",
        "short_description",
        "description",
        "claims",
        "usage",
        "meta_title",
        "meta_description",
    )


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    fields = ("alt_text",)


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug", "description", "meta_title", "meta_description")


@register(Routine)
class RoutineTranslation(TranslationOptions):
    fields = ("name", "slug", "summary", "description")


@register(RoutineStep)
class RoutineStepTranslation(TranslationOptions):
    fields = ("when", "instruction")
