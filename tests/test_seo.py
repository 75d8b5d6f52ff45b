"""What search engines and link previews read, on every public page type.

Pages are parsed with extruct, the way crawlers read them, and checked for
the properties Google documents as required for each rich result.
"""

import json
from datetime import datetime
from xml.etree import ElementTree

import extruct
import pytest
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Author, Topic
from products.models import Category, Product, Routine
from shop.commerce.shipping.models import OrderAndItemCharges
from shop.demo import article_data as articles_demo
from shop.demo import catalogue_data as products_demo
from shop.demo import site_data as shop_demo
from shop.storefront.footer_pages import footer_page_url

pytestmark = pytest.mark.django_db

SITE = "https://shop.skinome.no"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"
SECTIONS = "pages products categories routines articles topics authors".split()  # noqa: SIM905


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SHOP_SITE_URL = SITE


@pytest.fixture
def demo_shop(db):
    products_demo.load()
    articles_demo.load()
    shop_demo.load_footer_pages()
    shop_demo.load_shipping_methods()


def page_types():
    """(page type, path, og:type, JSON-LD types) of every public page type,
    on its English page (a request for a page without a language prefix,
    such as a sitemap, leaves Bokmål active)."""
    with translation.override("en"):
        return _page_types()


def _page_types():
    guide = Article.objects.get(slug="skin-during-and-after-isotretinoin")
    return [
        ("home", reverse("home"), "website", {"Organization", "WebSite"}),
        ("all products", reverse("catalogue:index"), "website", {"BreadcrumbList"}),
        (
            "category",
            Category.objects.get(slug="face-creams").get_absolute_url(),
            "website",
            {"BreadcrumbList"},
        ),
        (
            "product",
            Product.objects.get(slug="intense-emulsion").get_absolute_url(),
            "product",
            {"BreadcrumbList", "Product"},
        ),
        (
            "routine",
            Routine.objects.get().get_absolute_url(),
            "product",
            {"BreadcrumbList", "Product"},
        ),
        ("article list", reverse("articles:list"), "website", {"BreadcrumbList"}),
        (
            "article",
            guide.get_absolute_url(),
            "article",
            {"BreadcrumbList", "BlogPosting"},
        ),
        (
            "topic",
            Topic.objects.get(slug="isotretinoin").get_absolute_url(),
            "website",
            {"BreadcrumbList"},
        ),
        (
            "author",
            Author.objects.get().get_absolute_url(),
            "profile",
            {"BreadcrumbList"},
        ),
        (
            "footer page",
            footer_page_url(FlatPage.objects.get(url="/pages/shipping-and-returns/")),
            "website",
            {"BreadcrumbList"},
        ),
    ]


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    data = extruct.extract(
        html, base_url=SITE + path, syntaxes=["json-ld", "opengraph"], uniform=True
    )
    return html, data


def meta(html, attribute, name):
    """The content of <meta {attribute}="{name}">, parsed strictly."""
    marker = f'<meta {attribute}="{name}" content="'
    assert html.count(marker) == 1, f"{name} appears {html.count(marker)} times"
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def by_type(data):
    return {item["@type"]: item for item in data["json-ld"]}


def test_every_page_type_has_unique_title_description_canonical_and_preview(
    client, demo_shop
):
    titles, descriptions = set(), set()
    for name, path, og_type, _ in page_types():
        html, data = read(client, path)

        title = html[html.index("<title>") + 7 : html.index("</title>")]
        description = meta(html, "name", "description")
        assert title and title not in titles, name
        assert 50 <= len(description) <= 160 and "<" not in description, name
        assert description not in descriptions, name
        titles.add(title)
        descriptions.add(description)

        assert f'<link rel="canonical" href="{SITE}{path}">' in html, name
        assert "noindex" not in html, name

        og = dict(data["opengraph"][0]) if data["opengraph"] else {}
        assert og["@type"] == og_type, name
        assert og["og:url"] == SITE + path, name
        assert og["og:title"] and og["og:description"] == description, name
        assert og["og:image"].startswith(SITE + "/"), name
        assert meta(html, "name", "twitter:card") == "summary_large_image"
        assert meta(html, "name", "twitter:image") == og["og:image"]


def test_canonical_ignores_query_strings_but_keeps_later_pages(client, demo_shop):
    html, _ = read(client, reverse("articles:list") + "?utm_source=x&page=1")
    assert f'<link rel="canonical" href="{SITE}/en/articles/">' in html
    html, _ = read(client, reverse("catalogue:index") + "?ref=mail")
    assert f'<link rel="canonical" href="{SITE}/en/catalogue/">' in html


def test_every_page_type_has_valid_json_ld_of_its_kind(client, demo_shop):
    for name, path, _, expected_types in page_types():
        html, data = read(client, path)
        for script in html.split('<script type="application/ld+json">')[1:]:
            json.loads(script.split("</script>")[0])  # strictly valid JSON
        found = by_type(data)
        assert set(found) == expected_types, name
        for item in data["json-ld"]:
            assert item["@context"] == "https://schema.org", name
        if "BreadcrumbList" in found:
            check_breadcrumbs(found["BreadcrumbList"], path)


def check_breadcrumbs(breadcrumbs, path):
    items = breadcrumbs["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0] == {
        "@type": "ListItem",
        "position": 1,
        "name": "Home",
        "item": SITE + "/en/",
    }
    assert items[-1]["item"] == SITE + path
    assert all(item["name"] and item["item"].startswith(SITE) for item in items)


def test_home_describes_the_organisation_and_the_site_search(client, demo_shop):
    _, data = read(client, reverse("home"))
    found = by_type(data)
    organisation = found["Organization"]
    assert organisation["url"] == SITE + "/"
    assert organisation["logo"].startswith(SITE) and organisation["name"] == "Skinome"
    action = found["WebSite"]["potentialAction"]
    assert (
        action["target"]["urlTemplate"]
        == SITE + "/en/catalogue/?q={search_term_string}"
    )


def check_merchant_listing(product, url):
    """Google's required and recommended merchant listing properties."""
    assert product["name"] and product["description"]
    assert product["image"] and all(i.startswith(SITE) for i in product["image"])
    assert product["url"] == url and product["brand"]["name"] == "Skinome"
    offer = product["offers"]
    assert offer["@type"] == "Offer" and offer["url"] == url
    assert offer["priceCurrency"] == "NOK"
    assert offer["price"].count(".") == 1 and "," not in offer["price"]
    assert offer["availability"] in (
        "https://schema.org/InStock",
        "https://schema.org/OutOfStock",
    )
    shipping = offer["shippingDetails"]
    assert shipping["shippingDestination"]["addressCountry"] == "NO"
    assert shipping["shippingRate"]["currency"] == "NOK"
    for part in ("handlingTime", "transitTime"):
        assert shipping["deliveryTime"][part]["unitCode"] == "DAY"
    policy = offer["hasMerchantReturnPolicy"]
    assert policy["applicableCountry"] == "NO"
    assert policy["merchantReturnDays"] == 14
    return offer


def test_product_pages_are_merchant_listings(client, demo_shop):
    product = Product.objects.get(slug="intense-emulsion")
    path = product.get_absolute_url()
    _, data = read(client, path)

    listing = by_type(data)["Product"]
    offer = check_merchant_listing(listing, SITE + path)
    assert offer["price"] == "549.00"
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["shippingDetails"]["shippingRate"]["value"] == "69.00"
    assert listing["sku"] == "SKN-IE-50" and listing["gtin13"] == product.upc
    assert listing["image"][0].endswith("-1200w.webp")


def test_the_listing_quotes_the_cheapest_shipping_staff_set_up(
    client, demo_shop, django_capture_on_commit_callbacks
):
    product = Product.objects.get(slug="intense-emulsion")
    OrderAndItemCharges.objects.filter(code="pickup-point").update(
        price_per_order="59.00"
    )
    method = OrderAndItemCharges.objects.get(code="pickup-point")
    # As admin does: the cached summary is renewed when the save commits.
    with django_capture_on_commit_callbacks(execute=True):
        method.save()
    _, data = read(client, product.get_absolute_url())
    rate = by_type(data)["Product"]["offers"]["shippingDetails"]["shippingRate"]
    assert rate["value"] == "59.00"

    with django_capture_on_commit_callbacks(execute=True):
        OrderAndItemCharges.objects.all().delete()
    _, data = read(client, product.get_absolute_url())
    assert "shippingDetails" not in by_type(data)["Product"]["offers"]


def test_sold_out_products_say_so_in_their_listing(client, demo_shop):
    product = Product.objects.get(slug="intense-emulsion")
    product.stockrecords.update(num_in_stock=0)
    _, data = read(client, product.get_absolute_url())
    offer = by_type(data)["Product"]["offers"]
    assert offer["availability"] == "https://schema.org/OutOfStock"


def test_the_routine_page_is_one_merchant_listing_with_free_shipping(client, demo_shop):
    routine = Routine.objects.get()
    path = routine.get_absolute_url()
    _, data = read(client, path)

    offer = check_merchant_listing(by_type(data)["Product"], SITE + path)
    assert offer["price"] == "1467.95"
    assert offer["shippingDetails"]["shippingRate"]["value"] == "0.00"


def test_articles_are_blog_postings(client, demo_shop):
    guide = Article.objects.get(slug="skin-during-and-after-isotretinoin")
    path = guide.get_absolute_url()
    html, data = read(client, path)

    posting = by_type(data)["BlogPosting"]
    assert posting["headline"] == guide.title and len(posting["headline"]) <= 110
    assert posting["image"][0].startswith(SITE) and "1200w" in posting["image"][0]
    assert posting["datePublished"] == "2026-10-01T08:00:00+02:00"
    modified = datetime.fromisoformat(posting["dateModified"])
    assert modified == guide.last_modified.replace(microsecond=0)
    assert posting["author"] == [
        {
            "@type": "Organization",
            "name": "The Skinome team",
            "url": SITE + guide.author.get_absolute_url(),
        }
    ]
    assert posting["publisher"]["logo"]["url"].startswith(SITE)
    assert posting["mainEntityOfPage"]["@id"] == SITE + path
    assert posting["mainEntityOfPage"]["lastReviewed"] == "2026-11-20"
    mentioned = {mention["@id"] for mention in posting["mentions"]}
    assert mentioned == {
        SITE + product.get_absolute_url()
        for product in Product.objects.filter(articles=guide)
    }
    assert len(mentioned) == 4
    assert meta(html, "property", "article:published_time") == posting["datePublished"]
    assert meta(html, "property", "article:modified_time") == posting["dateModified"]


def test_a_reviewer_is_named_in_the_article_markup(client, demo_shop):
    guide = Article.objects.get(slug="skin-during-and-after-isotretinoin")
    guide.reviewer = Author.objects.create(
        name="Dr. Kari Nordmann", slug="kari", role="Dermatologist"
    )
    guide.save()
    _, data = read(client, guide.get_absolute_url())
    page = by_type(data)["BlogPosting"]["mainEntityOfPage"]
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr. Kari Nordmann",
        "url": SITE + "/en/articles/authors/kari/",
        "jobTitle": "Dermatologist",
    }


def test_json_ld_cannot_be_broken_out_of(client, demo_shop):
    guide = Article.objects.get(slug="skin-during-and-after-isotretinoin")
    guide.title = "Guide </script><script>alert(1)</script>"
    guide.save()
    html, data = read(client, guide.get_absolute_url())
    assert "<script>alert(1)" not in html
    assert by_type(data)["BlogPosting"]["headline"] == guide.title


@pytest.mark.parametrize(
    "path",
    [
        *("/handlekurv/", "/produkter/?q=krem", "/konto/login/", "/kassen/"),
        *("/en/basket/", "/en/catalogue/?q=cream", "/en/accounts/login/"),
        "/en/checkout/",
    ],
)
def test_private_and_search_pages_are_noindex(client, demo_shop, path):
    response = client.get(path, follow=True)
    html = response.content.decode()
    assert '<meta name="robots" content="noindex' in html or "noindex" in response.get(
        "X-Robots-Tag", ""
    ), path


def sitemap_entries(client, section):
    response = client.get(reverse("sitemap-section", args=[section]))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.find(f"{SITEMAP}loc").text: (
            getattr(url.find(f"{SITEMAP}lastmod"), "text", None),
            [loc.text for loc in url.iter(f"{IMAGE}loc")],
        )
        for url in root.iter(f"{SITEMAP}url")
    }


def test_the_sitemap_index_lists_every_section(client, demo_shop):
    response = client.get("/sitemap.xml")
    root = ElementTree.fromstring(response.content)
    locations = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    assert locations == {f"{SITE}/sitemap-{name}.xml" for name in SECTIONS}
    assert len(list(root.iter(f"{SITEMAP}lastmod"))) == len(locations)


def test_the_sitemap_covers_every_public_page_with_true_dates(client, demo_shop):
    entries = {}
    for section in SECTIONS:
        entries.update(sitemap_entries(client, section))

    expected_paths = {path for _, path, _, _ in page_types()}
    assert {SITE + path for path in expected_paths} <= set(entries)
    guide = Article.objects.get(slug_en="skin-during-and-after-isotretinoin")
    for language in ("nb", "en"):  # each page once per language
        with translation.override(language):
            for product in Product.objects.all():
                lastmod, images = entries[SITE + product.get_absolute_url()]
                assert datetime.fromisoformat(lastmod) == product.date_updated
                assert len(images) == 1 and images[0].endswith("-1200w.webp")
            lastmod, images = entries[SITE + guide.get_absolute_url()]
        assert datetime.fromisoformat(lastmod) == guide.last_modified
        assert images == [
            SITE + "/media/renditions/articles/" + guide.slug_en + "-1200w.webp"
        ]


def test_drafts_hidden_products_and_private_pages_stay_out_of_the_sitemap(
    client, demo_shop
):
    draft = Article.objects.get(slug="rebuild-a-weakened-skin-barrier")
    draft.status = Article.Status.DRAFT
    draft.save()
    hidden = Product.objects.get(slug="intense-emulsion")
    hidden.is_public = False
    hidden.save()

    entries = {}
    for section in ["pages", "products", "articles"]:
        entries.update(sitemap_entries(client, section))
    for language in ("nb", "en"):
        with translation.override(language):
            assert SITE + draft.get_absolute_url() not in entries
            assert SITE + hidden.get_absolute_url() not in entries
    private = ("/basket/", "/checkout/", "/handlekurv/", "/kassen/")
    assert not [url for url in entries if any(word in url for word in private)]


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert body.startswith("User-agent: *\n")
    for path in (
        *("/handlekurv/", "/kassen/", "/konto/", "/sok/"),
        *("/en/basket/", "/en/checkout/", "/en/accounts/", "/en/search/"),
        "/admin/",
    ):
        assert f"Disallow: {path}\n" in body
    assert "Disallow: /*?q=\n" in body
    assert f"Sitemap: {SITE}/sitemap.xml" in body
    assert "Disallow: /\n" not in body
