"""Product pictures get WebP renditions once saved, never upscaled: made by
the worker after the save commits, not in staff's request."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from products.models import ProductImage
from shop.core.renditions import pick, rendition_list, rendition_widths
from tests.helpers import make_image, make_product


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (1600, [240, 480, 800, 1200]),
        (1200, [240, 480, 800, 1200]),
        (600, [240, 480, 600]),
    ],
)
def test_rendition_widths_stop_at_the_original_size(width, expected):
    assert rendition_widths(width) == expected


def test_renditions_keep_the_aspect_ratio_and_pick_the_smallest_wide_enough():
    renditions = rendition_list("images/cream.png", 1000, 500)
    assert [(r.width, r.height) for r in renditions] == [
        (240, 120),
        (480, 240),
        (800, 400),
        (1000, 500),
    ]
    assert pick(renditions, 300).width == 480
    assert pick(renditions, 5000).width == 1000


@pytest.mark.django_db
def test_saving_an_image_writes_its_webp_renditions(media_root):
    image = make_image(product=make_product(), width=900, height=600)
    assert (image.width, image.height) == (900, 600)
    for rendition in image.renditions():
        with Image.open(media_root / rendition.name) as written:
            assert written.format == "WEBP"
            assert written.size == (rendition.width, rendition.height)


@pytest.mark.django_db
@pytest.mark.parametrize(("width", "height"), [(4000, 3000), (3000, 5000), (700, 500)])
def test_a_large_jpeg_gets_renditions_of_exactly_the_listed_sizes(
    media_root, width, height, django_capture_on_commit_callbacks
):
    """A JPEG is decoded at a fraction of its size to save memory; the files
    still have the sizes the pages' width and height attributes give."""
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#c9b79c").save(buffer, "JPEG")
    image = ProductImage(product=make_product(), alt_text="A jar")
    image.original.save("jar.jpg", ContentFile(buffer.getvalue()), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    renditions = image.renditions()
    assert renditions
    for rendition in renditions:
        with Image.open(media_root / rendition.name) as made:
            assert made.size == (rendition.width, rendition.height)
