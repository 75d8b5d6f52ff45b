"""Search engines learn that each page exists in Bokmål and English.

Every public page names its own address and its other-language address
(hreflang, x-default = Bokmål), and the two name each other back; the link
preview and the structured data say which language the page is in; the
sitemap lists every address with its alternates.
"""

from xml.etree import ElementTree

import extruct
import lxml.html
import pytest
from django.utils import translation

from tests.i18n import pages
from tests.i18n.conftest import SITE

pytestmark = pytest.mark.django_db

LANGUAGES = ("nb", "en")
OG_LOCALES = {"nb": "nb_NO", "en": "en_GB"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# The JSON-LD types that must name their language.
MUST_NAME_LANGUAGE = {"BlogPosting", "WebSite"}


def head(client, path):
    """The page's canonical, alternates, og:locale tags and JSON-LD."""
    response = client.get(path)
    assert response.status_code == 200, path
    html = pages.html_of(response)
    tree = lxml.html.fromstring(html)
    alternates = [
        (link.get("hreflang"), link.get("href"))
        for link in tree.xpath('//head/link[@rel="alternate"][@hreflang]')
    ]
    canonical = tree.xpath('//head/link[@rel="canonical"]/@href')
    data = extruct.extract(
        html, base_url=SITE + path, syntaxes=["json-ld"], uniform=True
    )["json-ld"]
    return {
        "alternates": alternates,
        "canonical": canonical,
        "og:locale": tree.xpath('//head/meta[@property="og:locale"]/@content'),
        "og:locale:alternate": tree.xpath(
            '//head/meta[@property="og:locale:alternate"]/@content'
        ),
        "json-ld": data,
        "lang": pages.html_language(html),
    }


def local(url):
    assert url.startswith(SITE + "/"), url
    return url.removeprefix(SITE)


def every_public_page():
    return [
        (language, name, path)
        for language in LANGUAGES
        for name, path in pages.public_pages(language)
    ]


def test_every_public_page_names_itself_and_its_translation(bilingual_shop, client):
    for language, name, path in every_public_page():
        found = head(client, path)
        where = f"{name} ({language}, {path})"
        codes = [code for code, _ in found["alternates"]]
        assert sorted(codes) == ["en", "nb", "x-default"], where
        alternates = dict(found["alternates"])
        assert alternates["x-default"] == alternates["nb"], where
        assert found["canonical"] == [SITE + path], where
        assert alternates[language] == found["canonical"][0], where
        other = "en" if language == "nb" else "nb"
        assert alternates[other] != alternates[language], where
        assert local(alternates["en"]).startswith("/en/"), where
        assert not local(alternates["nb"]).startswith("/en/"), where
        assert dict(pages.public_pages(other))[name] == local(alternates[other]), where


def test_the_alternates_name_each_other_back(bilingual_shop, client):
    for language, name, path in every_public_page():
        alternates = set(head(client, path)["alternates"])
        for code, url in sorted(alternates):
            other = head(client, local(url))
            assert set(other["alternates"]) == alternates, (name, language, code)
            assert other["lang"] == ("nb" if code == "x-default" else code)


def test_link_previews_say_the_pages_language(bilingual_shop, client):
    for language, name, path in every_public_page():
        found = head(client, path)
        other = "en" if language == "nb" else "nb"
        assert found["og:locale"] == [OG_LOCALES[language]], (name, language)
        assert found["og:locale:alternate"] == [OG_LOCALES[other]], (name, language)


def test_structured_data_says_the_pages_language(bilingual_shop, client):
    problems = []
    named = set()
    for language, name, path in every_public_page():
        for item in head(client, path)["json-ld"]:
            kind = item.get("@type")
            if "inLanguage" in item:
                named.add(kind)
                if item["inLanguage"] != language:
                    problems.append(
                        f"{name} ({path}): {kind} says inLanguage "
                        f"{item['inLanguage']!r}, not {language!r}"
                    )
            elif kind in MUST_NAME_LANGUAGE:
                problems.append(f"{name} ({path}): {kind} has no inLanguage")
    assert not problems, "\n".join(problems)
    assert named >= MUST_NAME_LANGUAGE


def test_later_list_pages_keep_their_page_number_in_both_languages(
    bilingual_shop, client, settings
):
    settings.OSCAR_PRODUCTS_PER_PAGE = 2
    with translation.override("nb"):
        path = dict(pages.public_pages("nb"))["all products"] + "?page=2"
    alternates = dict(head(client, path)["alternates"])
    assert alternates == {
        "nb": f"{SITE}/produkter/?page=2",
        "en": f"{SITE}/en/catalogue/?page=2",
        "x-default": f"{SITE}/produkter/?page=2",
    }


# --- The sitemap ------------------------------------------------------------


def sitemap_urls(client):
    """<url> elements of every section the index lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ElementTree.fromstring(response.content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert len(sections) >= 7
    urls = []
    for section in sections:
        response = client.get(local(section))
        assert response.status_code == 200, section
        urls += [
            (section, url)
            for url in ElementTree.fromstring(response.content).iter(f"{SITEMAP}url")
        ]
    return urls


def test_every_sitemap_address_lists_its_alternates(bilingual_shop, client):
    urls = sitemap_urls(client)
    locations = [url.find(f"{SITEMAP}loc").text for _, url in urls]
    assert len(locations) == len(set(locations)), "an address is listed twice"
    problems = []
    for section, url in urls:
        loc = url.find(f"{SITEMAP}loc").text
        links = [
            (link.get("hreflang"), link.get("href"))
            for link in url.iter(f"{XHTML}link")
            if link.get("rel") == "alternate"
        ]
        codes = sorted(code for code, _ in links)
        if codes != ["en", "nb", "x-default"]:
            problems.append(f"{loc} ({section}): alternates {codes}")
            continue
        alternates = dict(links)
        if loc not in (alternates["nb"], alternates["en"]):
            problems.append(f"{loc}: not among its own alternates {alternates}")
        if alternates["x-default"] != alternates["nb"]:
            problems.append(f"{loc}: x-default is not the Bokmål address")
        for code, href in links:
            if href not in locations:
                problems.append(f"{loc}: its {code} alternate {href} is not listed")
    assert not problems, "\n".join(problems)


def test_the_sitemap_lists_every_public_page_in_both_languages(bilingual_shop, client):
    locations = {url.find(f"{SITEMAP}loc").text for _, url in sitemap_urls(client)}
    for language, name, path in every_public_page():
        assert SITE + path in locations, (name, language)


def test_sitemap_alternates_match_the_pages_own(bilingual_shop, client):
    alternates_in_sitemap = {}
    for _, url in sitemap_urls(client):
        alternates_in_sitemap[url.find(f"{SITEMAP}loc").text] = {
            (link.get("hreflang"), link.get("href"))
            for link in url.iter(f"{XHTML}link")
        }
    for language, name, path in every_public_page():
        on_page = set(head(client, path)["alternates"])
        assert alternates_in_sitemap[SITE + path] == on_page, (name, language)
