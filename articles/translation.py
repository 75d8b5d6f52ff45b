"""The journal's texts in each language (a column per language, see
products/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, Author, Topic


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = (
        "title",
        "slug",
        "summary",
        "body",
        "hero_alt",
        "meta_title",
        "meta_description",
    )


@register(Author)
class AuthorTranslation(TranslationOptions):
    fields = ("name", "slug", "role", "bio")


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "slug", "description")
