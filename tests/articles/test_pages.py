"""Article pages as readers and staff see them."""

from datetime import timedelta
from html import unescape
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleRedirect
from shop.security.staff import CONTENT_EDITORS
from tests.helpers import (
    make_article,
    make_author,
    make_image,
    make_product,
    make_routine,
    make_topic,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_live_article_shows_its_parts(client):
    reviewer = make_author(name="Dr. Ola Nordmann", slug="ola", role="Dermatologist")
    topic = make_topic()
    cream = make_product(title="Barrier Cream", price="499.00")
    article = make_article(
        title="Caring for a dry barrier",
        body="Intro.\n\n## Why it matters\n\nText.\n\n## What helps\n\nMore.",
        reviewer=reviewer,
        reviewed_at=timezone.now(),
        topics=[topic],
        products=[cream],
        hero=True,
    )

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="article__title">Caring for a dry barrier</h1>' in html
    assert 'href="#why-it-matters"' in html and 'id="why-it-matters"' in html
    assert "Reviewed by" in html and "Dr. Ola Nordmann" in html
    assert "Last reviewed" in html
    assert "Products in this guide" in html and "Barrier Cream" in html
    assert "499,00\xa0NOK" in html
    assert "Skin care is not medical treatment" in html  # the disclaimer
    assert topic.get_absolute_url() in html
    assert 'alt="Pale circles on sand"' in html


def test_the_disclaimer_can_be_switched_off(client):
    article = make_article(show_disclaimer=False)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Skin care is not medical treatment" not in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=2)},  # scheduled
    ],
    ids=["draft", "scheduled"],
)
def test_drafts_and_scheduled_articles_are_hidden_from_the_public(
    client, fields, staff_user
):
    article = make_article(title="Not yet", **fields)
    listed = make_article(title="Already out")

    assert client.get(article.get_absolute_url()).status_code == 404
    pages = [
        reverse("articles:list"),
        reverse("articles:author", args=[article.author.slug]),
        reverse("articles:feed"),
        reverse("sitemap-section", args=["articles"]),
        reverse("home"),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Already out" in html or listed.get_absolute_url() in html, url
        assert "Not yet" not in html and article.get_absolute_url() not in html, url

    # Staff see it in the preview, marked as not public and not indexable.
    client.force_login(staff_user)
    preview = client.get(article.get_preview_url())
    assert preview.status_code == 200
    assert "Preview." in preview.content.decode()
    assert '<meta name="robots" content="noindex' in preview.content.decode()


def test_a_scheduled_article_goes_live_when_its_time_comes(client):
    article = make_article(published_at=timezone.now() + timedelta(minutes=5))
    assert client.get(article.get_absolute_url()).status_code == 404

    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 200


def test_the_preview_is_for_staff_who_may_see_articles(client, customer):
    article = make_article(status=Article.Status.DRAFT)

    anonymous = client.get(article.get_preview_url())
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))

    client.force_login(customer)
    assert client.get(article.get_preview_url()).status_code in (302, 403)

    customer.is_staff = True
    customer.save()
    customer.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    assert client.get(article.get_preview_url()).status_code == 200


def test_product_and_routine_cards_show_live_price_stock_and_buttons(client):
    products = [
        make_product(title=name, price=price)
        for name, price in [("Cleanser", "199.00"), ("Cream", "549.00")]
    ]
    make_image(product=products[0], alt_text="A bottle of milk")
    routine = make_routine(products=products, price="650.00", slug="duo")
    article = make_article(
        body=f"Intro.\n\n[[product:{products[0].slug}]]\n\n[[routine:duo]]\n"
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert "199,00\xa0NOK" in html
    assert 'alt="A bottle of milk"' in html
    assert reverse("basket:add", kwargs={"pk": products[0].pk}) in html
    assert "650,00\xa0NOK" in html
    assert "Save 98,00\xa0NOK against the single prices" in html
    assert reverse("catalogue:routine-add", args=[routine.slug]) in html

    # A price change shows at once: cards are never stale copies.
    stockrecord = products[0].stockrecords.get()
    stockrecord.price = "189.00"
    stockrecord.save()
    assert "189,00\xa0NOK" in client.get(article.get_absolute_url()).content.decode()


def test_out_of_stock_cards_say_so_and_offer_no_button(client):
    cream = make_product(title="Cream", price="549.00", stock=0)
    other = make_product(title="Cleanser", price="199.00")
    make_routine(products=[cream, other], price="650.00", slug="duo")
    article = make_article(body=f"[[product:{cream.slug}]]\n\n[[routine:duo]]\n")

    html = client.get(article.get_absolute_url()).content.decode()

    assert reverse("basket:add", kwargs={"pk": cream.pk}) not in html
    assert "Sold out" in html
    assert reverse("catalogue:routine-add", args=["duo"]) not in html
    assert "Sold out right now: Cream." in html


def test_missing_and_hidden_card_targets_are_left_out_but_shown_to_staff(
    client, staff_user
):
    hidden = make_product(title="Secret serum")
    hidden.is_public = False
    hidden.save()
    article = make_article(
        body=(
            "Before.\n\n[[product:no-such-cream]]\n\n"
            f"[[product:{hidden.slug}]]\n\n[[routine:gone]]\n\nAfter."
        )
    )

    public = client.get(article.get_absolute_url())
    html = public.content.decode()
    assert public.status_code == 200
    assert "Before." in html and "After." in html
    assert "[[" not in html and "Secret serum" not in html
    assert "Only staff see this" not in html

    client.force_login(staff_user)
    preview = client.get(article.get_preview_url()).content.decode()
    assert "[[product:no-such-cream]]: there is no product with this slug" in preview
    assert f"[[product:{hidden.slug}]]: this product is not public" in preview
    assert "[[routine:gone]]: there is no routine" in preview


def test_text_fields_are_escaped_everywhere_they_appear(client):
    attack = '"><script>alert(1)</script>'
    article = make_article(
        title=f"Title {attack}",
        summary=f"Summary {attack}",
        hero=True,
        hero_alt=f"Alt {attack}",
        meta_description="",
    )

    for url in (article.get_absolute_url(), reverse("articles:list")):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)" in html or "\\u003cscript" in html


def test_changing_a_published_slug_keeps_the_old_address_working(client):
    article = make_article(slug="old-name")
    old_url = article.get_absolute_url()

    article.slug = "new-name"
    article.save()
    article.slug = "newest-name"
    article.save()

    newest_url = reverse("articles:detail", args=["newest-name"])
    for url in (old_url, reverse("articles:detail", args=["new-name"])):
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == newest_url
    assert client.get(newest_url).status_code == 200


def test_renaming_a_draft_leaves_no_redirect(client):
    article = make_article(slug="draft-name", status=Article.Status.DRAFT)
    article.slug = "final-name"
    article.save()
    assert not ArticleRedirect.objects.exists()


def test_a_slug_taken_back_by_its_article_drops_the_redirect(client):
    article = make_article(slug="first")
    article.slug = "second"
    article.save()
    article.slug = "first"
    article.save()

    first_url = reverse("articles:detail", args=["first"])
    assert client.get(first_url).status_code == 200
    second_url = reverse("articles:detail", args=["second"])
    assert client.get(second_url)["Location"] == first_url


def test_lists_are_newest_first_and_paginated(client, settings):
    per_page = settings.SHOP_ARTICLES_PER_PAGE
    for number in range(per_page + 2):
        make_article(
            title=f"Article {number:02d}",
            published_at=timezone.now() - timedelta(days=30 - number),
        )

    first = client.get(reverse("articles:list")).content.decode()
    second = client.get(reverse("articles:list") + "?page=2").content.decode()
    newest, next_newest = f"Article {per_page + 1:02d}", f"Article {per_page:02d}"
    assert first.index(newest) < first.index(next_newest)
    assert "Article 00" not in first and "Article 00" in second
    assert 'rel="next"' in first

    stale = client.get(reverse("articles:list") + "?page=9")
    assert stale.status_code == 302


def test_topic_and_author_pages_list_their_live_articles(client):
    topic = make_topic(name="Isotretinoin", slug="isotretinoin")
    author = make_author(name="The Skinome team", slug="team", bio="We formulate.")
    make_article(title="On topic", topics=[topic], author=author)
    make_article(title="Off topic", author=make_author(name="Other", slug="other"))

    topic_html = client.get(topic.get_absolute_url()).content.decode()
    author_html = client.get(author.get_absolute_url()).content.decode()
    assert "On topic" in topic_html and "Off topic" not in topic_html
    assert "On topic" in author_html and "We formulate." in author_html
    assert client.get(reverse("articles:topic", args=["nothing"])).status_code == 404


def test_related_articles_prefer_a_shared_topic(client):
    topic = make_topic()
    article = make_article(title="Main", topics=[topic])
    make_article(
        title="Sibling", topics=[topic], published_at=timezone.now() - timedelta(9)
    )
    make_article(title="Newest stranger")

    html = client.get(article.get_absolute_url()).content.decode()
    related = html[html.index("Read next") :]
    assert related.index("Sibling") < related.index("Newest stranger")


def test_the_feed_lists_live_articles_with_absolute_links(client, settings):
    settings.SHOP_SITE_URL = "https://shop.skinome.no"
    article = make_article(title="Fed article")

    response = client.get(reverse("articles:feed"))

    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<title>Fed article</title>" in body
    assert f'href="https://shop.skinome.no{article.get_absolute_url()}"' in body


def test_the_feed_gives_the_standfirst_as_text_never_as_markup(client):
    """Atom's summary is type="html": a reader renders what it holds, so the
    standfirst (plain text staff typed) must arrive escaped."""
    standfirst = "Dry & tight? <script>alert(1)</script> Try <b>this</b>."
    make_article(title="Fed article", summary=standfirst)

    feed = ElementTree.fromstring(client.get(reverse("articles:feed")).content)

    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    reader = HTMLParser()
    tags = []
    reader.handle_starttag = lambda tag, attrs: tags.append(tag)
    reader.feed(summary.text)
    assert tags == []  # no <script>, no <b>: only text
    assert unescape(summary.text) == standfirst


def test_the_home_page_shows_the_featured_guide(client):
    make_article(title="Newer article")
    make_article(
        title="The guide",
        is_featured=True,
        published_at=timezone.now() - timedelta(days=20),
    )

    html = client.get(reverse("home")).content.decode()
    slot = html[html.index('class="guide-slot"') :]
    assert "The guide" in slot[:2000]
