"""With SHOP_MEDIA_STORAGE=s3, pictures are kept in the bucket and every page,
sitemap and link preview names their public address there, which a browser
can fetch; checked against a local S3 stand-in over real HTTP."""

import socket
import urllib.request
from xml.etree import ElementTree

import extruct
import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from products.models import ProductImage
from shop.core.site_urls import absolute
from shop.settings.media import CACHE_FOR_A_YEAR, s3_storage
from tests.helpers import (
    client_for,
    make_article,
    make_image,
    make_product,
    png_bytes,
    post_product_picture,
    product_for_admin,
)

pytestmark = pytest.mark.django_db

SITE = "https://shop.skinome.no"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SHOP_SITE_URL = SITE


def fetch(url):
    """``(content type, bytes)`` of ``url``, as a browser gets it."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["Content-Type"], response.read()


def picture_urls(html):
    """Every address a browser may load a picture from: src and srcset."""
    urls = []
    for img in BeautifulSoup(html, "html.parser").find_all("img"):
        urls.append(img["src"])
        urls += [part.split()[0] for part in img.get("srcset", "").split(",") if part]
    return urls


def previews(html, path):
    """og:image and the JSON-LD pictures of a page, as crawlers read them."""
    data = extruct.extract(
        html, base_url=SITE + path, syntaxes=["json-ld", "opengraph"], uniform=True
    )
    og_image = dict(data["opengraph"][0])["og:image"]
    ld_images = [
        url
        for item in data["json-ld"]
        for url in _as_list(item.get("image"))
        if isinstance(url, str)
    ]
    return og_image, ld_images


def _as_list(value):
    return value if isinstance(value, list) else [value] if value else []


def sitemap_images(client, section):
    response = client.get(reverse("sitemap-section", args=[section]))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{IMAGE}loc")]


def test_a_saved_product_picture_and_its_webp_renditions_are_in_the_bucket(
    media_in_bucket, media_root
):
    image = make_image(product=make_product(), width=1000, height=1000)

    names = {image.original.name, *(r.name for r in image.renditions())}
    assert len(names) == 5
    assert media_in_bucket.keys() == names
    assert media_in_bucket.head(image.original.name)["ContentType"] == "image/png"
    for rendition in image.renditions():
        stored = media_in_bucket.head(rendition.name)
        assert stored["ContentType"] == "image/webp"
        assert stored["CacheControl"] == CACHE_FOR_A_YEAR
    assert not media_root.exists()  # nothing was written to the local folder


def test_the_product_page_shows_pictures_the_browser_loads_from_the_bucket(
    client, settings, media_in_bucket
):
    product = make_product(title="Barrier Cream")
    image = make_image(product=product, width=1000, height=1000)

    html = client.get(product.get_absolute_url()).content.decode()

    urls = picture_urls(html)
    expected = {settings.MEDIA_URL + r.name for r in image.renditions()}
    assert expected <= set(urls)
    for url in set(urls):
        assert url.startswith(settings.MEDIA_URL), url
        content_type, content = fetch(url)
        assert content_type == "image/webp"
        assert content == media_in_bucket.read(url.removeprefix(settings.MEDIA_URL))


def test_link_previews_and_the_sitemap_name_the_bucket_not_the_site(
    client, settings, media_in_bucket
):
    product = make_product(title="Barrier Cream")
    preview = make_image(product=product, width=1200, height=1200).renditions()[-1]
    public = settings.MEDIA_URL + preview.name
    path = product.get_absolute_url()

    og_image, ld_images = previews(client.get(path).content.decode(), path)

    assert og_image == public
    assert public in ld_images
    assert sitemap_images(client, "products") == [public, public]  # nb and en
    assert fetch(public)[0] == "image/webp"


def test_an_article_hero_is_kept_in_and_served_from_the_bucket(
    client, settings, media_in_bucket, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # renditions follow
        article = make_article(title="Caring for a dry barrier", hero=True)
    hero = article.hero
    assert {hero.name, *(r.name for r in hero.renditions())} <= media_in_bucket.keys()
    path = article.get_absolute_url()

    html = client.get(path).content.decode()

    public = {settings.MEDIA_URL + r.name for r in hero.renditions()}
    assert public <= set(picture_urls(html))
    og_image, ld_images = previews(html, path)
    assert og_image in public
    assert og_image in ld_images
    assert set(sitemap_images(client, "articles")) == {og_image}
    content_type, content = fetch(og_image)
    assert (content_type, content[:4]) == ("image/webp", b"RIFF")


def test_the_content_security_policy_lets_the_bucket_pictures_load(
    client, s3_endpoint, media_in_bucket
):
    product = make_product()
    make_image(product=product)

    response = client.get(product.get_absolute_url())

    img_src = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.split()[0] == "img-src"
    )
    assert s3_endpoint in img_src  # the bucket's origin: scheme, host and port
    assert "'self'" in img_src


@pytest.fixture
def product():
    return product_for_admin()


def test_a_picture_uploaded_in_admin_lands_in_the_bucket(
    client,
    staff_user,
    product,
    media_in_bucket,
    media_root,
    django_capture_on_commit_callbacks,
):
    client.force_login(staff_user)

    with django_capture_on_commit_callbacks(execute=True):  # renditions follow
        response = post_product_picture(
            client, product, SimpleUploadedFile("jar.png", png_bytes(1000, 1000))
        )

    assert response.status_code == 302
    image = ProductImage.objects.get(product=product)
    assert image.original.name.endswith("jar.png")
    assert media_in_bucket.read(image.original.name) == png_bytes(1000, 1000)
    assert {r.name for r in image.renditions()} < media_in_bucket.keys()
    assert not media_root.exists()


def test_a_picture_admin_refuses_never_reaches_the_bucket(
    client, staff_user, product, media_in_bucket
):
    client.force_login(staff_user)

    response = post_product_picture(
        client, product, SimpleUploadedFile("jar.png", png_bytes(600, 600))
    )

    assert response.status_code == 200
    assert "it must be at least 800 × 800 px" in response.content.decode()
    assert media_in_bucket.keys() == set()


def test_a_second_upload_of_the_same_name_keeps_the_first(media_in_bucket):
    product = make_product()
    first = make_image(product=product)
    second = make_image(product=product)

    assert first.original.name != second.original.name
    assert {first.original.name, second.original.name} <= media_in_bucket.keys()


def test_a_cdn_address_is_used_as_it_is(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(
            bucket="skinome-media", public_url="https://media.skinome.no/pictures/"
        ),
    }

    url = default_storage.url("images/products/jar 1.png")

    assert url == "https://media.skinome.no/pictures/images/products/jar%201.png"
    assert absolute(url) == url  # not prefixed with the shop's address


@pytest.fixture
def bucket_unreachable(settings, media_in_bucket):
    """The same bucket and public address, but its API on a port where
    nothing answers."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    storage = settings.STORAGES["default"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **storage,
            "OPTIONS": {
                **storage["OPTIONS"],
                "endpoint_url": f"http://127.0.0.1:{port}",
            },
        },
    }


def test_pages_never_call_the_bucket(client, settings, media_in_bucket, request):
    product = make_product(title="Barrier Cream")
    image = make_image(product=product, width=1000, height=1000)
    request.getfixturevalue("bucket_unreachable")

    response = client.get(product.get_absolute_url())

    assert response.status_code == 200
    urls = set(picture_urls(response.content.decode()))
    assert {settings.MEDIA_URL + r.name for r in image.renditions()} <= urls


def test_an_upload_while_the_bucket_is_unreachable_saves_nothing(
    staff_user, product, bucket_unreachable
):
    client = client_for(staff_user)

    response = post_product_picture(
        client, product, SimpleUploadedFile("jar.png", png_bytes(1000, 1000))
    )

    assert response.status_code == 500
    assert not ProductImage.objects.filter(product=product).exists()
