"""JSON-LD for an article page (Google's BlogPosting), with its author,
reviewer and the products it mentions. Registered in the app's ready()
(shop/core/structured_data.py)."""

from django.conf import settings
from django.utils import translation

from shop.core.languages import missing_translation
from shop.core.site_urls import site_url
from shop.core.structured_data import (
    SCHEMA,
    image_urls,
    iso,
    logo_url,
    organization_id,
    plain_text,
)


def person_or_organisation(author) -> dict:
    data = {
        "@type": "Organization" if author.is_organisation else "Person",
        "name": author.name,
        "url": site_url(author.get_absolute_url()),
    }
    if author.role and not author.is_organisation:
        data["jobTitle"] = author.role
    return data


def blog_posting(article, mentioned_products=()) -> dict:
    url = site_url(article.get_absolute_url())
    page = {"@type": "WebPage", "@id": url}
    if article.reviewed_at:
        page["lastReviewed"] = article.reviewed_at.date().isoformat()
    if article.reviewer:
        page["reviewedBy"] = person_or_organisation(article.reviewer)
    data = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "headline": plain_text(article.title, length=110),
        # The language the reader gets: the other one while untranslated.
        "inLanguage": missing_translation(article, "title", "body")
        or translation.get_language(),
        "description": plain_text(article.get_meta_description()),
        "image": image_urls([article.hero]),
        "datePublished": iso(article.published_at),
        "dateModified": iso(article.last_modified),
        "author": [person_or_organisation(article.author)],
        "publisher": {
            "@type": "Organization",
            "@id": organization_id(),
            "name": settings.OSCAR_SHOP_NAME,
            "url": site_url("/"),
            "logo": {"@type": "ImageObject", "url": logo_url()},
        },
        "mainEntityOfPage": page,
        "url": url,
        "wordCount": article.word_count,
    }
    topics = [topic.name for topic in article.topics.all()]
    if topics:
        data["keywords"] = topics
        data["articleSection"] = topics[0]
    mentions = [
        {
            "@type": "WebPage",
            "@id": site_url(product.get_absolute_url()),
            "name": product.get_title(),
        }
        for product in mentioned_products
    ]
    if mentions:
        data["mentions"] = mentions
    return data
