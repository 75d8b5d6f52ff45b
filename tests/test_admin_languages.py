"""Staff write every text in both languages in Django admin, Bokmål first,
and each admin list shows which records still miss a language.

A record misses a language when one of its translated texts is written in
the other language but is empty in that one (shop/core/admin_languages.py).
"""

from decimal import Decimal

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from articles.models import Article, Author, Topic
from products.models import Category, Product, ProductImage, Routine
from shop.commerce.shipping.models import OrderAndItemCharges
from shop.demo import article_data, site_data
from tests.helpers import (
    admin_form_data,
    client_for,
    make_author,
    make_image,
    make_product,
    png_bytes,
)

pytestmark = pytest.mark.django_db

ARTICLE_ADD = reverse("admin:articles_article_add")
ARTICLES = reverse("admin:articles_article_changelist")


@pytest.fixture
def demo_shop(demo_catalogue):
    """Every translated model's demo records, all written in both languages."""
    article_data.load()
    site_data.load_footer_pages()
    site_data.load_shipping_methods()
    return demo_catalogue


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def list_url(model):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def translated_fields(model):
    return list(translator.get_options_for_model(model).all_fields)


def assert_side_by_side(html, names, prefix=""):
    """Each field has a Bokmål and an English input, the Bokmål one first,
    and the untranslated field is gone."""
    for name in names:
        field = f"{prefix}{name}"
        assert f'name="{field}"' not in html, field
        bokmal, english = f'name="{field}_nb"', f'name="{field}_en"'
        assert bokmal in html and english in html, field
        assert html.index(bokmal) < html.index(english), field


def article_form(**fields):
    """The article add form as staff fill it in, in Bokmål only."""
    data = {
        "title_nb": "Slik roer du en irritert hud",
        "slug_nb": "slik-roer-du-en-irritert-hud",
        "summary_nb": "Tre enkle grep for en hud som svir.",
        "body_nb": "## Først\n\nVask mildt.",
        "author": make_author().pk,
        "status": Article.Status.DRAFT,
        "show_disclaimer": "on",
    }
    for prefix in ("product_links", "redirects"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


IN_ENGLISH = {
    "title_en": "How to calm irritated skin",
    "slug_en": "how-to-calm-irritated-skin",
    "summary_en": "Three simple steps for skin that stings.",
    "body_en": "## First\n\nWash gently.",
}


# --- The forms ------------------------------------------------------------------

TRANSLATED_MODELS = [
    Product,
    Category,
    Routine,
    Article,
    Author,
    Topic,
    FlatPage,
    OrderAndItemCharges,
    ProductImage,
]


@pytest.mark.parametrize("model", TRANSLATED_MODELS, ids=lambda m: m.__name__)
def test_every_translated_form_shows_each_text_in_bokmal_then_english(
    admin_client, demo_shop, model
):
    obj = model._default_manager.order_by("pk").first()

    response = admin_client.get(change_url(obj))

    assert response.status_code == 200
    assert_side_by_side(response.content.decode(), translated_fields(model))
    form = response.context["adminform"].form
    for name in translated_fields(model):
        bokmal, english = form[f"{name}_nb"], form[f"{name}_en"]
        assert (bokmal.value(), english.value()) == (
            getattr(obj, f"{name}_nb"),
            getattr(obj, f"{name}_en"),
        ), name
        assert not english.field.required, name


def test_bokmal_is_required_where_the_text_is_and_english_never(
    admin_client, demo_catalogue
):
    product = demo_catalogue.products[0]
    response = admin_client.get(change_url(product))

    form = response.context["adminform"].form
    required = {name for name, field in form.fields.items() if field.required}
    assert {"title_nb", "slug_nb"} <= required
    assert not {name for name in required if name.endswith("_en")}
    assert not form.fields["description_nb"].required  # optional in any language
    images = response.context["inline_admin_formsets"][1].formset
    assert images.prefix == "images"
    assert images.forms[0].fields["alt_text_nb"].required
    assert not images.forms[0].fields["alt_text_en"].required


def test_the_inlines_show_both_languages(admin_client, demo_catalogue):
    product = demo_catalogue.products[0]
    routine = demo_catalogue.routine

    product_page = admin_client.get(change_url(product)).content.decode()
    routine_page = admin_client.get(change_url(routine)).content.decode()

    assert_side_by_side(product_page, ["alt_text"], prefix="images-0-")
    assert_side_by_side(routine_page, ["when", "instruction"], prefix="steps-0-")


def test_each_language_has_its_slug_made_from_its_title(admin_client):
    response = admin_client.get(ARTICLE_ADD)

    prepopulated = {
        field["field"].name: [d.name for d in field["dependencies"]]
        for field in response.context["adminform"].prepopulated_fields
    }
    assert prepopulated == {"slug_nb": ["title_nb"], "slug_en": ["title_en"]}


# --- Saving ---------------------------------------------------------------------


def test_saving_a_product_in_both_languages_stores_both(admin_client):
    with translation.override("nb"):
        product = make_product(title="Fuktkrem", upc="CREAM-1")
    url = change_url(product)
    data = admin_form_data(admin_client.get(url))
    data.update(
        {
            "title_nb": "Rik fuktkrem",
            "title_en": "Rich moisturiser",
            "slug_nb": "rik-fuktkrem",
            "slug_en": "rich-moisturiser",
            "short_description_nb": "For svært tørr hud.",
            "short_description_en": "For very dry skin.",
            "images-TOTAL_FORMS": 1,
            "images-0-original": SimpleUploadedFile("jar.png", png_bytes(1000, 1000)),
            "images-0-alt_text_nb": "En hvit krukke på lin",
            "images-0-alt_text_en": "A white jar on linen",
            "images-0-caption": "",
            "images-0-display_order": 0,
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title_nb, product.title_en) == ("Rik fuktkrem", "Rich moisturiser")
    assert (product.slug_nb, product.slug_en) == ("rik-fuktkrem", "rich-moisturiser")
    assert (product.short_description_nb, product.short_description_en) == (
        "For svært tørr hud.",
        "For very dry skin.",
    )
    image = product.images.get()
    assert (image.alt_text_nb, image.alt_text_en) == (
        "En hvit krukke på lin",
        "A white jar on linen",
    )


def test_a_product_with_a_picture_saves_with_its_picture_unchanged(admin_client):
    """The stored picture is not read again (its file is closed by then)."""
    with translation.override("nb"):
        product = make_product(title="Fuktkrem", upc="CREAM-2")
        make_image(product=product, width=1000, height=1000, alt_text="En krukke")
    url = change_url(product)
    data = admin_form_data(admin_client.get(url))
    data["title_en"] = "Moisturiser"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title_nb, product.title_en) == ("Fuktkrem", "Moisturiser")
    assert product.images.get().original.name


def test_saving_an_article_in_both_languages_stores_both(admin_client, client):
    response = admin_client.post(
        ARTICLE_ADD, article_form(status=Article.Status.PUBLISHED, **IN_ENGLISH)
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.title_nb, article.title_en) == (
        "Slik roer du en irritert hud",
        "How to calm irritated skin",
    )
    assert (article.slug_nb, article.slug_en) == (
        "slik-roer-du-en-irritert-hud",
        "how-to-calm-irritated-skin",
    )
    assert article.body_en == "## First\n\nWash gently."
    english = client.get("/en/articles/how-to-calm-irritated-skin/")
    assert "How to calm irritated skin" in english.content.decode()
    bokmal = client.get("/artikler/slik-roer-du-en-irritert-hud/")
    assert "Slik roer du en irritert hud" in bokmal.content.decode()


def test_an_article_needs_its_bokmal_texts_but_not_its_english(admin_client):
    refused = admin_client.post(
        ARTICLE_ADD, article_form(title_nb="", summary_nb="", **IN_ENGLISH)
    )
    accepted = admin_client.post(ARTICLE_ADD, article_form())

    errors = refused.context["adminform"].form.errors
    assert set(errors) == {"title_nb", "summary_nb"}
    assert accepted.status_code == 302
    article = Article.objects.get()
    assert not (article.title_en or article.slug_en or article.body_en)


def test_an_article_saved_without_english_is_flagged_and_filtered(admin_client):
    admin_client.post(ARTICLE_ADD, article_form())
    admin_client.post(
        ARTICLE_ADD,
        article_form(
            title_nb="Solkrem hver dag",
            slug_nb="solkrem-hver-dag",
            title_en="Sunscreen every day",
            slug_en="sunscreen-every-day",
            summary_en="Why, and how much.",
            body_en="## Why\n\nText.",
        ),
    )
    unfinished = Article.objects.get(slug_nb="slik-roer-du-en-irritert-hud")

    listing = admin_client.get(ARTICLES)
    missing_english = admin_client.get(ARTICLES, {"missing_translation": "en"})
    missing_bokmal = admin_client.get(ARTICLES, {"missing_translation": "nb"})

    html = listing.content.decode()
    assert "<th" in html and ">Translated<" in html
    assert html.count("English missing") == 1
    assert html.count("Both languages") == 1
    assert list(missing_english.context["cl"].result_list) == [unfinished]
    assert list(missing_bokmal.context["cl"].result_list) == []


MISSING_ONE_TEXT = [
    (Product, "usage"),
    (ProductImage, "alt_text"),
    (Category, "description"),
    (Routine, "summary"),
    (Article, "summary"),
    (Author, "bio"),
    (Topic, "description"),
    (FlatPage, "content"),
    (OrderAndItemCharges, "description"),
]


@pytest.mark.parametrize(
    ("language", "label"), [("en", "English missing"), ("nb", "Bokmål missing")]
)
@pytest.mark.parametrize(
    ("model", "text"), MISSING_ONE_TEXT, ids=lambda v: getattr(v, "__name__", v)
)
def test_every_list_flags_a_text_missing_in_one_language(
    admin_client, demo_shop, model, text, language, label
):
    records = model._default_manager.order_by("pk")
    unfinished = records.first()
    records.filter(pk=unfinished.pk).update(**{f"{text}_{language}": ""})

    listing = admin_client.get(list_url(model))
    missing = admin_client.get(list_url(model), {"missing_translation": language})

    html = listing.content.decode()
    assert html.count(label) == 1
    assert html.count("Both languages") == records.count() - 1
    assert list(missing.context["cl"].result_list) == [unfinished]


def test_a_text_empty_in_both_languages_is_not_a_missing_translation(
    admin_client, demo_shop
):
    Article.objects.update(meta_title_nb="", meta_title_en=None)

    for language in ("nb", "en"):
        missing = admin_client.get(ARTICLES, {"missing_translation": language})
        assert list(missing.context["cl"].result_list) == []


def test_the_list_searches_both_languages(admin_client):
    admin_client.post(ARTICLE_ADD, article_form())

    found = admin_client.get(ARTICLES, {"q": "irritert"})

    assert [a.slug_nb for a in found.context["cl"].result_list] == [
        "slik-roer-du-en-irritert-hud"
    ]


# --- Content editors ------------------------------------------------------------


def test_a_content_editor_writes_article_texts_in_both_languages(accounts, demo_shop):
    editor = client_for(accounts["editor"])
    article = Article.objects.order_by("pk").first()
    url = change_url(article)
    page = editor.get(url)
    assert_side_by_side(page.content.decode(), ["title", "summary", "body"])

    data = admin_form_data(page)
    data.update(
        title_nb="Ny tittel på norsk",
        title_en="A new English title",
        body_nb="## Ny del\n\nNy tekst.",
        body_en="## New part\n\nNew text.",
    )
    response = editor.post(url, data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title_nb, article.title_en) == (
        "Ny tittel på norsk",
        "A new English title",
    )
    assert (article.body_nb, article.body_en) == (
        "## Ny del\n\nNy tekst.",
        "## New part\n\nNew text.",
    )
    assert "Both languages" in editor.get(ARTICLES).content.decode()


def test_a_content_editor_writes_product_texts_but_leaves_the_price(accounts):
    with translation.override("nb"):
        product = make_product(title="Rens", upc="CLEANSER-1", price="249.00")
    editor = client_for(accounts["editor"])
    url = change_url(product)
    data = admin_form_data(editor.get(url))
    data.update(
        title_en="Cleanser",
        usage_nb="Masser inn i fuktig hud.",
        usage_en="Massage into damp skin.",
        **{"stockrecords-0-price": "1.00"},
    )

    response = editor.post(url, data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title_nb, product.title_en) == ("Rens", "Cleanser")
    assert product.usage_en == "Massage into damp skin."
    assert product.stockrecords.get().price == Decimal("249.00")


# --- Footer pages ---------------------------------------------------------------


def footer_page_form(**fields):
    return {
        "url_nb": "/sider/retur/",
        "title_nb": "Retur",
        "content_nb": "<p>Innen 14 dager.</p>",
        "url_en": "/pages/returns/",
        "title_en": "Returns",
        "content_en": "<p>Within 14 days.</p>",
        "sites": [str(Site.objects.get_current().pk)],
        **fields,
    }


def test_a_content_editor_writes_a_footer_page_in_both_languages(accounts):
    editor = client_for(accounts["editor"])
    add = reverse("admin:flatpages_flatpage_add")
    assert_side_by_side(editor.get(add).content.decode(), ["url", "title", "content"])

    response = editor.post(add, footer_page_form(url_en="", title_en=""))

    assert response.status_code == 302
    page = FlatPage.objects.get(url_nb="/sider/retur/")
    assert (page.title_nb, page.title_en) == ("Retur", None)
    listing = editor.get(list_url(FlatPage)).content.decode()
    assert "English missing" in listing


@pytest.mark.parametrize(
    ("field", "url", "message"),
    [
        ("url_en", "pages/returns/", "URL is missing a leading slash."),
        ("url_nb", "/sider/retur", "URL is missing a trailing slash."),
        ("url_nb", "/sider/retur?", "This value must contain only letters"),
        ("url_en", "/pages/privacy/", "already exists for site"),
    ],
)
def test_each_footer_page_address_is_checked(admin_client, field, url, message):
    site_data.load_footer_pages()  # holds /pages/privacy/ in English
    before = FlatPage.objects.count()

    response = admin_client.post(
        reverse("admin:flatpages_flatpage_add"), footer_page_form(**{field: url})
    )

    errors = response.context["adminform"].form.errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert FlatPage.objects.count() == before


def test_an_editor_cannot_give_a_footer_page_another_pages_address(accounts):
    site_data.load_footer_pages()  # holds /sider/personvern/ in Bokmål
    editor = client_for(accounts["editor"])

    response = editor.post(
        reverse("admin:flatpages_flatpage_add"),
        footer_page_form(url_nb="/sider/personvern/"),
    )

    errors = response.context["adminform"].form.errors
    assert list(errors) == ["url_nb"]
    assert "already exists for site" in errors["url_nb"][0]
    assert FlatPage.objects.filter(url_nb="/sider/personvern/").count() == 1
