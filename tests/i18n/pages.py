"""The shop's pages in each language, and how to read them as a visitor does.

``public_pages(language)`` lists every public page type of the demo shop
(the ones crawlers index and the sitemap lists) at its address in that
language; a page's address comes from its object with the language active,
as the shop's own links do.
"""

import re

import html_text
import lxml.html
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Author, Topic
from products.models import Category, Product, Routine
from shop.demo import article_content, catalogue_content
from shop.storefront.footer_pages import footer_page_url

GUIDE = article_content.ARTICLES[0]["slug"]
SECOND_ARTICLE = article_content.ARTICLES[1]["slug"]
FOOTER_PAGES = [page["url"] for page in catalogue_content.FOOTER_PAGES]


def guide():
    return Article.objects.get(slug_en=GUIDE)


def second_article():
    return Article.objects.get(slug_en=SECOND_ARTICLE)


def footer_pages():
    return [FlatPage.objects.get(url_en=url) for url in FOOTER_PAGES]


def public_pages(language):
    """(page type, path) of every public page type, in ``language``."""
    with translation.override(language):
        pages = [
            ("home", reverse("home")),
            ("all products", reverse("catalogue:index")),
            (
                "category",
                Category.objects.get(slug_en="face-creams").get_absolute_url(),
            ),
            (
                "product",
                Product.objects.get(slug_en="intense-emulsion").get_absolute_url(),
            ),
            ("routine", Routine.objects.get().get_absolute_url()),
            ("article list", reverse("articles:list")),
            ("guide", guide().get_absolute_url()),
            ("second article", second_article().get_absolute_url()),
            ("topic", Topic.objects.get(slug_en="skin-barrier").get_absolute_url()),
            ("author", Author.objects.get().get_absolute_url()),
        ]
        pages += [
            (f"footer page {page.url_en}", footer_page_url(page, language))
            for page in footer_pages()
        ]
    return pages


def html_of(response):
    return response.content.decode()


def html_language(html):
    match = re.search(r"<html\b[^>]*\blang=\"([^\"]*)\"", html)
    assert match, "the page has no <html lang>"
    return match.group(1)


# Attributes whose text a visitor reads or hears: alt texts, placeholders,
# screen-reader labels, tooltips, and the values of buttons.
READ_ATTRIBUTES = ("alt", "placeholder", "aria-label", "title")


def readable_text(html):
    """What a visitor reads on the page: its visible text, the <title>, and
    the texts of READ_ATTRIBUTES and of submit buttons, one line each."""
    tree = lxml.html.fromstring(html)
    texts = [html_text.extract_text(tree, guess_layout=False)]
    texts += [element.text_content() for element in tree.iter("title")]
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        texts += [element.get(name) for name in READ_ATTRIBUTES if element.get(name)]
        if element.tag == "input" and element.get("type") in ("submit", "button"):
            texts.append(element.get("value") or "")
    return "\n".join(" ".join(text.split()) for text in texts)
