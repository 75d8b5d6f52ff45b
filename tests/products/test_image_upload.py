"""Product pictures uploaded in admin follow the picture rules of articles:
JPEG, PNG or WebP, at most 8 MB, at most 8000 px on a side, big enough for
the product page; a decompression bomb is refused before Pillow decodes it."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from products.models import ProductImage
from shop.core import pictures
from tests.helpers import (
    TYPED_BEFORE_UPLOAD,
    black_and_white_png_bytes,
    png_bytes,
    post_product_picture,
    product_for_admin,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def product():
    return product_for_admin()


def oversized_in_bytes():
    """A real 1000 × 1000 PNG padded past 8 MB (readers ignore what follows
    the picture's end)."""
    return png_bytes(1000, 1000) + bytes(pictures.MAX_PICTURE_BYTES)


def test_a_packshot_that_follows_the_rules_is_saved_with_its_renditions(
    admin_client, product
):
    response = post_product_picture(
        admin_client, product, SimpleUploadedFile("jar.png", png_bytes(1000, 1000))
    )
    assert response.status_code == 302
    image = ProductImage.objects.get(product=product)
    assert (image.width, image.height) == (1000, 1000)
    assert [r.width for r in image.renditions()] == [240, 480, 800, 1000]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("jar.png", oversized_in_bytes(), "please upload one of 8 MB or less"),
        (
            "jar.png",
            black_and_white_png_bytes(10000, 10000),
            "The picture is 10000 × 10000 px; please scale it down to at most "
            "8000 px on its longest side.",
        ),
        (
            "jar.png",
            black_and_white_png_bytes(30000, 30000),
            "The picture has far too many pixels to be opened safely; please "
            "scale it down to at most 8000 px on its longest side.",
        ),
        ("jar.gif", png_bytes(1000, 1000), "File extension “gif” is not allowed"),
        ("jar.png", b"%PDF-1.4 not a picture", "Upload a valid image"),
        (
            "jar.png",
            png_bytes(600, 600),
            "The picture is 600 × 600 px; it must be at least 800 × 800 px",
        ),
    ],
    ids=["over-8-MB", "too-many-pixels", "decompression-bomb", "gif", "pdf", "small"],
)
def test_a_picture_breaking_a_rule_is_refused_and_the_form_is_kept(
    admin_client, product, name, content, message
):
    response = post_product_picture(
        admin_client, product, SimpleUploadedFile(name, content)
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert TYPED_BEFORE_UPLOAD in html  # what staff typed is still in the form
    assert not ProductImage.objects.exists()
    product.refresh_from_db()
    assert product.short_description != TYPED_BEFORE_UPLOAD


def test_pillow_refuses_more_pixels_than_the_longest_side_allows():
    """Lowered once at start-up, so no code path decodes a bomb: 13000 × 13000
    px opens under Pillow's default limit but not under the shop's."""
    assert Image.MAX_IMAGE_PIXELS == pictures.MAX_PICTURE_SIDE**2
    with pytest.raises(Image.DecompressionBombError):
        Image.open(BytesIO(black_and_white_png_bytes(13000, 13000)))
