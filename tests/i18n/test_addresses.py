"""Addresses in two languages: what old links, shared links and the
language switcher lead to, and what each language shows at its address
(dates, prices, search, the page cache)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Author, Topic
from products.models import Category, Product, Routine
from tests.i18n import pages

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
NBSP = "\xa0"
GUIDE_NB = "huden-under-og-etter-isotretinoin"
GUIDE_EN = "skin-during-and-after-isotretinoin"


def product():
    return Product.objects.get(slug_en="intense-emulsion")


# --- The English-only shop's addresses ----------------------------------------


def old_addresses():
    """(old address, its /en/ page) of the English-only shop, query kept."""
    pk = product().pk
    category = Category.objects.get(slug_en="face-creams").pk
    return [
        ("/basket/", "/en/basket/"),
        ("/catalogue/", "/en/catalogue/"),
        ("/catalogue/?q=cream&page=2", "/en/catalogue/?q=cream&page=2"),
        (f"/catalogue/intense-emulsion_{pk}/", f"/en/catalogue/intense-emulsion_{pk}/"),
        (
            f"/catalogue/category/face-creams_{category}/",
            f"/en/catalogue/category/face-creams_{category}/",
        ),
        (
            "/catalogue/routines/microbiome-strengthening-routine/",
            "/en/catalogue/routines/microbiome-strengthening-routine/",
        ),
        ("/checkout/", "/en/checkout/"),
        ("/accounts/login/?next=/accounts/", "/en/accounts/login/?next=/accounts/"),
        ("/accounts/register/", "/en/accounts/register/"),
        ("/password-reset/", "/en/password-reset/"),
        ("/articles/", "/en/articles/"),
        (
            f"/articles/{GUIDE_EN}/?utm_source=mail",
            f"/en/articles/{GUIDE_EN}/?utm_source=mail",
        ),
        ("/articles/topics/skin-barrier/", "/en/articles/topics/skin-barrier/"),
        ("/articles/authors/skinome-team/", "/en/articles/authors/skinome-team/"),
        ("/articles/feed/", "/en/articles/feed/"),
        ("/pages/privacy/", "/en/pages/privacy/"),
        ("/search/?q=cream", "/en/search/?q=cream"),
    ]


def test_old_english_addresses_move_permanently_to_en(bilingual_shop, client):
    for old, new in old_addresses():
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
        landed = client.get(new, follow=True)
        assert landed.status_code == 200, new
        if "text/html" in landed["Content-Type"]:
            assert pages.html_language(pages.html_of(landed)) == "en", new


def test_a_post_to_the_old_add_to_basket_address_keeps_its_method(
    bilingual_shop, client
):
    pk = product().pk
    response = client.post(f"/basket/add/{pk}/", {"quantity": 2})
    assert response.status_code == 308
    assert response["Location"] == f"/en/basket/add/{pk}/"
    # What a browser does with a 308: the same POST to the new address.
    assert client.post(response["Location"], {"quantity": 2}).status_code == 302
    basket = client.get("/en/basket/")
    assert basket.context["basket"].num_items == 2


def test_an_address_no_page_ever_had_is_not_sent_anywhere(bilingual_shop, client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/basket/nothing/here/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/catalogue/no-such-cream_424242/", "/articles/nope/"]
)
def test_a_missing_page_at_an_old_address_ends_in_the_english_404(
    bilingual_shop, client, path
):
    response = client.get(path, follow=True)
    assert response.redirect_chain == [(f"/en{path}", 301)]
    assert response.status_code == 404
    assert pages.html_language(pages.html_of(response)) == "en"


@pytest.mark.parametrize(
    ("path", "status"),
    [("/sitemap.xml", 200), ("/robots.txt", 200), ("/produkter/", 200), ("/", 200)],
)
def test_addresses_without_a_language_prefix_stay(bilingual_shop, client, path, status):
    assert client.get(path).status_code == status


def test_stripes_webhook_keeps_its_address(bilingual_shop, client):
    response = client.post(
        "/checkout/stripe/webhook/", "{}", content_type="application/json"
    )
    assert response.status_code not in (301, 308, 404)


# --- Slugs in each language ---------------------------------------------------


def test_the_guide_has_a_norwegian_address(bilingual_shop, client):
    response = client.get(f"/artikler/{GUIDE_NB}/")
    assert response.status_code == 200
    assert pages.html_language(pages.html_of(response)) == "nb"
    guide = pages.guide()
    with translation.override("nb"):
        assert guide.get_absolute_url() == f"/artikler/{GUIDE_NB}/"
    with translation.override("en"):
        assert guide.get_absolute_url() == f"/en/articles/{GUIDE_EN}/"


def other_language_slugs():
    """(address with the other language's slug, the page's own address)."""
    category = Category.objects.get(slug_en="face-creams").pk
    return [
        (f"/artikler/{GUIDE_EN}/", f"/artikler/{GUIDE_NB}/"),
        (f"/en/articles/{GUIDE_NB}/", f"/en/articles/{GUIDE_EN}/"),
        ("/artikler/emner/skin-barrier/", "/artikler/emner/hudbarrieren/"),
        ("/en/articles/topics/hudbarrieren/", "/en/articles/topics/skin-barrier/"),
        ("/artikler/forfattere/skinome-team/", "/artikler/forfattere/skinome-teamet/"),
        ("/en/articles/authors/skinome-teamet/", "/en/articles/authors/skinome-team/"),
        (
            "/produkter/rutiner/microbiome-strengthening-routine/",
            "/produkter/rutiner/mikrobiomstyrkende-rutine/",
        ),
        (
            "/en/catalogue/routines/mikrobiomstyrkende-rutine/",
            "/en/catalogue/routines/microbiome-strengthening-routine/",
        ),
        (
            f"/produkter/kategori/face-creams_{category}/",
            f"/produkter/kategori/ansiktskremer_{category}/",
        ),
        (
            f"/en/catalogue/category/ansiktskremer_{category}/",
            f"/en/catalogue/category/face-creams_{category}/",
        ),
    ]


def test_a_shared_link_with_the_other_languages_slug_redirects(bilingual_shop, client):
    for asked, own in other_language_slugs():
        response = client.get(asked)
        assert response.status_code == 301, asked
        assert response["Location"] == own, asked
        assert client.get(own).status_code == 200, own


@pytest.mark.parametrize(
    ("language", "new_slug"),
    [("nb", "huden-og-isotretinoin"), ("en", "isotretinoin-skin-guide")],
)
def test_a_changed_slug_keeps_the_old_address(
    bilingual_shop, client, language, new_slug
):
    guide = pages.guide()
    with translation.override(language):
        old_url = guide.get_absolute_url()
    setattr(guide, f"slug_{language}", new_slug)
    guide.save()
    with translation.override(language):
        new_url = guide.get_absolute_url()
    assert new_slug in new_url and new_url != old_url

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == new_url
    assert client.get(new_url).status_code == 200
    # The other language's address is untouched.
    other = "en" if language == "nb" else "nb"
    with translation.override(other):
        assert client.get(guide.get_absolute_url()).status_code == 200


# --- The language switcher ----------------------------------------------------


def switcher_links(html):
    tree = lxml.html.fromstring(html)
    return {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath('//ul[@class="language-switcher"]//a')
    }


def switcher_pages():
    """(page, {language: address}) of pages about one thing."""
    found = []
    for name, obj in [
        ("product", product()),
        ("article", pages.guide()),
        ("routine", Routine.objects.get()),
        ("topic", Topic.objects.get(slug_en="skin-barrier")),
        ("author", Author.objects.get()),
    ]:
        addresses = {}
        for language in ("nb", "en"):
            with translation.override(language):
                addresses[language] = obj.get_absolute_url()
        found.append((name, addresses))
    return found


@pytest.mark.parametrize(("start", "target"), [("nb", "en"), ("en", "nb")])
def test_the_switcher_leads_to_the_same_page_in_the_other_language(
    bilingual_shop, start, target
):
    for name, addresses in switcher_pages():
        client = Client()
        html = pages.html_of(client.get(addresses[start]))
        links = switcher_links(html)
        assert list(links) == [target], name
        with translation.override(target):
            expected = reverse("choose-language", args=[target])
        assert links[target].startswith(expected + "?next="), name

        response = client.get(links[target])
        assert response.status_code == 302, name
        assert response["Location"] == addresses[target], name
        cookie = response.cookies["language"]
        assert cookie.value == target and cookie["httponly"], name
        assert cookie["max-age"] >= 30 * 24 * 3600, name
        landed = client.get(response["Location"])
        assert landed.status_code == 200, name
        assert pages.html_language(pages.html_of(landed)) == target, name


def test_the_switcher_of_a_list_keeps_the_page_number(bilingual_shop, client, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 2
    html = pages.html_of(client.get("/produkter/?page=2"))
    response = client.get(switcher_links(html)["en"])
    assert response["Location"] == "/en/catalogue/?page=2"


@pytest.mark.parametrize(
    "path",
    ["/produkter/finnes-ikke_424242/", "/artikler/finnes-ikke/", "/finnes-ikke/"],
)
def test_the_switcher_of_a_404_page_leads_to_the_other_home_page(db, client, path):
    """An error page has no version in the other language: the switcher
    offers the other language's home page, and no hreflang claims one."""
    response = client.get(path)
    assert response.status_code == 404
    html = pages.html_of(response)
    assert 'hreflang="x-default"' not in html
    response = client.get(switcher_links(html)["en"])
    assert response["Location"] == "/en/"


def test_with_english_chosen_the_home_page_opens_in_english(bilingual_shop):
    client = Client()
    client.cookies["language"] = "en"
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "Cookie" in response.get("Vary", "")
    # Only the bare home page: a Bokmål address stays Bokmål.
    page = client.get("/produkter/")
    assert page.status_code == 200
    assert pages.html_language(pages.html_of(page)) == "nb"


@pytest.mark.parametrize("cookie", ["nb", "de", ""])
def test_with_bokmaal_or_nonsense_chosen_the_home_page_is_bokmaal(db, cookie):
    client = Client()
    client.cookies["language"] = cookie
    response = client.get("/")
    assert response.status_code == 200
    assert pages.html_language(pages.html_of(response)) == "nb"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/en/",
        "http://evil.example@shop.skinome.no/",
        "javascript:alert(1)",
        "",
    ],
)
@pytest.mark.parametrize(("language", "home"), [("en", "/en/"), ("nb", "/")])
def test_the_switcher_refuses_to_send_visitors_to_another_site(
    db, client, target, language, home
):
    response = client.get(f"/language/{language}/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == home
    assert response.cookies["language"].value == language


def test_the_switcher_knows_only_the_shops_languages(db, client):
    response = client.get("/language/de/", {"next": "/"})
    assert response.status_code == 404
    assert "language" not in response.cookies


# --- What each language shows ---------------------------------------------------


def test_dates_read_in_the_pages_language(bilingual_shop, client):
    guide = pages.guide()
    guide.published_at = datetime(2025, 12, 1, 9, 0, tzinfo=OSLO)
    guide.reviewed_at = None
    guide.save()
    for language, date in [("nb", "1. desember 2025"), ("en", "1 December 2025")]:
        with translation.override(language):
            article_url = guide.get_absolute_url()
            list_url = reverse("articles:list")
        for url in (article_url, list_url):
            text = pages.readable_text(pages.html_of(client.get(url)))
            assert date in text, (language, url)
    nb_text = pages.readable_text(pages.html_of(client.get(f"/artikler/{GUIDE_NB}/")))
    assert "December" not in nb_text


def test_prices_read_the_norwegian_way_in_both_languages(bilingual_shop, client):
    routine = Routine.objects.get()
    for language in ("nb", "en"):
        with translation.override(language):
            url = routine.get_absolute_url()
        html = pages.html_of(client.get(url))
        assert f"1.467,95{NBSP}NOK" in html, language
        assert "1,467.95" not in html and "NOK 1" not in html, language


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    ("word", "product_slug", "finds_guide"),
    [
        ("akne", None, True),  # the guide's Bokmål standfirst
        ("acne", None, True),  # its English one
        ("melkesyrebakterier", "probiotic-concentrate", False),
        ("lactic", "probiotic-concentrate", False),
        ("rensemelk", "gentle-cleansing-milk", False),
        ("cleansing", "gentle-cleansing-milk", False),
    ],
)
def test_search_understands_both_languages(
    bilingual_shop, client, language, word, product_slug, finds_guide
):
    with translation.override(language):
        url = reverse("catalogue:index")
    response = client.get(url, {"q": word})
    assert response.status_code == 200
    found = [p.slug_en for p in response.context["products"]]
    assert found == ([product_slug] if product_slug else [])
    articles = [a.slug_en for a in response.context.get("found_articles", [])]
    assert (GUIDE_EN in articles) is finds_guide
    # What was found is shown in the page's language.
    html = pages.html_of(response)
    guide = pages.guide()
    if finds_guide:
        with translation.override(language):
            assert guide.get_absolute_url() in html
            assert guide.title in html
    assert pages.html_language(html) == language


# --- The page cache --------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 300


def visit(path, **cookies):
    client = Client()
    for name, value in cookies.items():
        client.cookies[name] = value
    return client.get(path)


def test_the_page_cache_keeps_the_languages_apart(bilingual_shop, page_cache_on):
    for name, nb_path in [
        ("home", "/"),
        ("product", None),
        ("guide", f"/artikler/{GUIDE_NB}/"),
        ("all products", "/produkter/"),
    ]:
        nb_path = nb_path or dict(pages.public_pages("nb"))[name]
        en_path = dict(pages.public_pages("en"))[name]
        first_nb, first_en = visit(nb_path), visit(en_path)
        assert first_nb["X-Page-Cache"] == "miss", name
        assert first_en["X-Page-Cache"] == "miss", name
        for path, language in ((nb_path, "nb"), (en_path, "en")):
            again = visit(path)
            assert again["X-Page-Cache"] == "hit", (name, language)
            assert pages.html_language(pages.html_of(again)) == language
            assert again["Content-Language"] == language, (name, language)


def test_a_cached_home_page_still_sends_english_visitors_to_en(
    bilingual_shop, page_cache_on
):
    visit("/")
    assert visit("/")["X-Page-Cache"] == "hit"
    response = visit("/", language="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    # And their English home page is not the Bokmål one from the cache.
    english = visit("/en/", language="en")
    assert pages.html_language(pages.html_of(english)) == "en"


def test_cached_searches_keep_the_languages_apart(bilingual_shop, page_cache_on):
    for path in ("/produkter/", "/en/catalogue/"):
        Client().get(path, {"q": "akne"})
    for path, language in (("/produkter/", "nb"), ("/en/catalogue/", "en")):
        response = Client().get(path, {"q": "akne"})
        assert response["X-Page-Cache"] == "hit"
        assert pages.html_language(pages.html_of(response)) == language
        with translation.override(language):
            assert pages.guide().title in pages.html_of(response)


def test_the_article_of_each_language_is_renewed_after_an_edit(
    bilingual_shop, page_cache_on, django_capture_on_commit_callbacks
):
    guide = pages.guide()
    visit(f"/artikler/{GUIDE_NB}/")
    visit(f"/en/articles/{GUIDE_EN}/")
    guide.title_nb = "Huden under isotretinoin: den nye guiden"
    guide.title_en = "Skin on isotretinoin: the new guide"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save()
    assert guide.title_nb in pages.html_of(visit(f"/artikler/{GUIDE_NB}/"))
    assert guide.title_en in pages.html_of(visit(f"/en/articles/{GUIDE_EN}/"))
    assert Article.objects.filter(pk=guide.pk, title_nb=guide.title_nb).exists()
