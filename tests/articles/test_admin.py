"""Staff write, check, preview, schedule and publish articles in admin."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleRedirect
from shop.core import pictures
from shop.security.staff import CONTENT_EDITORS, SHOP_MANAGERS
from tests.helpers import (
    make_article,
    make_author,
    make_product,
    make_topic,
    png_bytes,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def form_data(**fields):
    """A complete add/change form for an article in both languages, with
    empty inlines."""
    data = {
        "title_nb": "En ny guide",
        "title_en": "A new guide",
        "slug_nb": "en-ny-guide",
        "slug_en": "a-new-guide",
        "summary_nb": "Hva du gjør først.",
        "summary_en": "What to do first.",
        "body_nb": "## Først\n\nTekst.\n\n## Så\n\nMer.",
        "body_en": "## First\n\nText.\n\n## Then\n\nMore.",
        "hero_alt_nb": "",
        "hero_alt_en": "",
        "author": make_author().pk,
        "status": Article.Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "reviewed_at_0": "",
        "reviewed_at_1": "",
        "show_disclaimer": "on",
        "meta_title_nb": "",
        "meta_title_en": "",
        "meta_description_nb": "",
        "meta_description_en": "",
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


def upload(width=1600, height=900, name="hero.png", content=None):
    return SimpleUploadedFile(
        name, content if content is not None else png_bytes(width, height)
    )


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_staff_write_a_draft_with_picture_topics_and_products(admin_client):
    topic = make_topic()
    cream = make_product(title="Barrier Cream")
    data = form_data(
        hero_image=upload(),
        hero_alt_nb="Lyse sirkler",
        hero_alt_en="Pale circles",
        topics=[topic.pk],
        **{
            "product_links-TOTAL_FORMS": "1",
            "product_links-0-product": cream.pk,
            "product_links-0-position": "1",
        },
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="a-new-guide")
    assert article.status == Article.Status.DRAFT and not article.is_live
    assert (article.hero_width, article.hero_height) == (1600, 900)
    assert [r.width for r in article.hero.renditions()] == [240, 480, 800, 1200]
    assert list(article.topics.all()) == [topic]
    assert [link.product for link in article.product_links.all()] == [cream]

    change = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    assert article.get_preview_url() in change.content.decode()
    assert admin_client.get(article.get_preview_url()).status_code == 200


@pytest.mark.parametrize(
    ("picture", "message"),
    [
        (upload(800, 600), "it must be at least 1200 × 630 px"),
        (upload(9000, 700), "at most 8000 px on its longest side"),
        (upload(name="hero.gif"), "File extension “gif” is not allowed"),
        (upload(content=b"%PDF-1.4 not a picture"), "Upload a valid image"),
    ],
    ids=["too-small", "too-big", "wrong-type", "not-a-picture"],
)
def test_uploaded_pictures_are_checked_and_the_text_is_kept(
    admin_client, picture, message
):
    data = form_data(
        hero_image=picture,
        hero_alt_nb="Sirkler",
        body_nb="Mitt lange utkast.",
        body_en="My long draft.",
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Mitt lange utkast." in html  # nothing typed is lost
    assert "My long draft." in html
    assert not Article.objects.exists()


def test_files_over_the_size_limit_are_refused(admin_client):
    # A real picture padded past 8 MB: readers ignore what follows its end.
    padded = png_bytes(1600, 900) + bytes(pictures.MAX_PICTURE_BYTES)
    response = admin_client.post(
        ADD_URL, form_data(hero_image=upload(content=padded), hero_alt_nb="Sirkler")
    )
    assert "please upload one of 8 MB or less" in response.content.decode()


def test_a_picture_needs_alt_text_and_a_published_article_a_body(admin_client):
    response = admin_client.post(
        ADD_URL,
        form_data(
            hero_image=upload(),
            status=Article.Status.PUBLISHED,
            body_nb="",
            body_en="",
        ),
    )
    errors = response.context["adminform"].form.errors
    # The article's own checks, shown at the main language's field.
    assert errors["hero_alt_nb"] == [
        "Describe the picture for people who cannot see it."
    ]
    assert errors["body_nb"] == ["A published article needs a body."]
    assert not Article.objects.exists()


@pytest.mark.parametrize(("field", "slug"), [("slug_nb", "emner"), ("slug_en", "feed")])
def test_reserved_slugs_are_refused(admin_client, field, slug):
    response = admin_client.post(ADD_URL, form_data(**{field: slug}))
    errors = response.context["adminform"].form.errors
    assert "is used by another page under /articles/" in errors[field][0]
    assert not Article.objects.exists()


def test_publishing_without_a_time_publishes_now_and_a_future_time_schedules(
    admin_client,
):
    admin_client.post(ADD_URL, form_data(status=Article.Status.PUBLISHED))
    now_article = Article.objects.get()
    assert now_article.is_live

    later = timezone.localtime() + timedelta(days=3)
    admin_client.post(
        ADD_URL,
        form_data(
            slug_nb="senere",
            slug_en="later",
            status=Article.Status.PUBLISHED,
            published_at_0=later.strftime("%Y-%m-%d"),
            published_at_1=later.strftime("%H:%M:%S"),
        ),
    )
    scheduled = Article.objects.get(slug="later")
    assert not scheduled.is_live

    listing = admin_client.get(reverse("admin:articles_article_changelist"))
    html = listing.content.decode()
    assert "Live" in html and "Scheduled" in html


def test_changing_the_slug_in_admin_redirects_the_old_address(admin_client, client):
    article = make_article(slug="old-slug")  # written in English only
    data = form_data(
        title_en=article.title_en,
        slug_nb="ny-adresse",
        slug_en="new-slug",
        author=article.author.pk,
        status=Article.Status.PUBLISHED,
        published_at_0=timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        published_at_1="08:00:00",
    )

    response = admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), data
    )

    assert response.status_code == 302
    assert ArticleRedirect.objects.get().old_slug == "old-slug"
    moved = client.get("/en/articles/old-slug/")
    assert moved.status_code == 301
    assert moved["Location"] == "/en/articles/new-slug/"


def test_actions_publish_now_and_mark_reviewed(admin_client):
    draft = make_article(slug="draft", status=Article.Status.DRAFT)
    changelist = reverse("admin:articles_article_changelist")

    admin_client.post(
        changelist, {"action": "publish_now", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.is_live

    admin_client.post(
        changelist, {"action": "mark_reviewed_today", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.reviewed_at.date() == timezone.now().date()


def test_view_on_site_opens_the_preview_for_drafts(admin_client):
    draft = make_article(slug="draft", status=Article.Status.DRAFT)
    live = make_article(slug="live")
    for article, expected in (
        (draft, draft.get_preview_url()),
        (live, "/en/articles/live/"),  # admin speaks English
    ):
        html = admin_client.get(
            reverse("admin:articles_article_change", args=[article.pk])
        ).content.decode()
        assert f'href="{expected}" class="viewsitelink"' in html


def test_the_list_filters_and_searches(admin_client):
    make_article(title="Barrier basics", slug="barrier")
    make_article(title="Sun and sensitivity", slug="sun", status=Article.Status.DRAFT)
    changelist = reverse("admin:articles_article_changelist")

    drafts = admin_client.get(changelist, {"status__exact": "draft"}).content.decode()
    assert "Sun and sensitivity" in drafts and "Barrier basics" not in drafts
    found = admin_client.get(changelist, {"q": "barrier"}).content.decode()
    assert "Barrier basics" in found and "Sun and sensitivity" not in found


def test_content_editors_write_articles_and_shop_managers_do_not(
    client, django_user_model
):
    for group, expected in ((CONTENT_EDITORS, 200), (SHOP_MANAGERS, 403)):
        user = django_user_model.objects.create_user(
            username=group, email=f"{len(group)}@skinome.example", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert client.get(ADD_URL).status_code == expected, group
