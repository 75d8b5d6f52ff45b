"""Responsive image renditions made with Pillow after a picture is saved (by
the worker: tasks.py), and every picture size the shop works with.

Each original gets WebP copies at a few fixed widths, stored beside it under a
name derived from the original's, so templates can build ``srcset`` from the
stored width and height without touching the storage or the database.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

# The widths every upload is rendered at.
WIDTHS = (240, 480, 800, 1200)
# What a product card asks for.
CARD_WIDTH = 480
# Link previews and search engines (Open Graph, JSON-LD, sitemaps) get the
# rendition this wide; the shop's own preview picture has this size.
PREVIEW_SIZE = (1200, 630)
PREVIEW_WIDTH = PREVIEW_SIZE[0]
# Minimum sizes of uploads. The product page shows a packshot up to 800 px
# wide (twice that on sharp screens is a luxury; less looks soft); an
# article's hero is also its link-preview picture.
PACKSHOT_MIN_SIZE = (800, 800)
HERO_MIN_SIZE = PREVIEW_SIZE
AUTHOR_PHOTO_MIN_SIZE = (240, 240)
WEBP_QUALITY = 80


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int

    @property
    def url(self) -> str:
        return default_storage.url(self.name)


@dataclass(frozen=True)
class Picture:
    """A stored original with its size and alt text, as templates need it."""

    name: str
    width: int | None
    height: int | None
    alt_text: str = ""

    def renditions(self) -> list[Rendition]:
        return rendition_list(self.name, self.width, self.height)


def rendition_widths(original_width: int) -> list[int]:
    """Widths to make: the fixed ones up to the original's, never upscaled."""
    widths = [width for width in WIDTHS if width <= original_width]
    if original_width < WIDTHS[-1] and original_width not in widths:
        widths.append(original_width)
    return widths


def rendition_name(original_name: str, width: int) -> str:
    path = PurePosixPath(original_name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}w.webp")


def rendition_list(
    original_name: str, width: int | None, height: int | None
) -> list[Rendition]:
    if not (original_name and width and height):
        return []
    return [
        Rendition(rendition_name(original_name, w), w, round(height * w / width))
        for w in rendition_widths(width)
    ]


def pick(renditions: list[Rendition], width: int) -> Rendition | None:
    """The smallest rendition at least ``width`` wide, else the largest."""
    for rendition in renditions:
        if rendition.width >= width:
            return rendition
    return renditions[-1] if renditions else None


def preview_rendition(picture) -> Rendition | None:
    """The link-preview rendition of a Picture or ProductImage, or None."""
    if not hasattr(picture, "renditions"):  # None, or "" from a template
        return None
    return pick(picture.renditions(), PREVIEW_WIDTH)


def renditions_missing(field_file) -> bool:
    """Whether any rendition of the stored original is not in the storage."""
    field_file.open("rb")
    try:
        with Image.open(field_file) as source:
            size = source.size
    finally:
        field_file.close()
    names = [rendition.name for rendition in rendition_list(field_file.name, *size)]
    return not all(default_storage.exists(name) for name in names)


def make_renditions(field_file) -> None:
    """Write the WebP renditions of an image field's file (overwriting).

    The largest picture the upload rules allow (shop/core/pictures.py) still
    decodes to a few hundred MB, so the decoded original is never copied, and
    a JPEG is decoded straight at a fraction of its size when that is enough.
    """
    field_file.open("rb")
    try:
        with Image.open(field_file) as source:
            renditions = rendition_list(field_file.name, *source.size)
            # At least as wide as the widest rendition; any height.
            source.draft(source.mode, (WIDTHS[-1], 1))
            image = _webp_ready(source)
            files = [
                (rendition, _webp_bytes(image, rendition)) for rendition in renditions
            ]
    finally:
        field_file.close()
    for rendition, content in files:
        if default_storage.exists(rendition.name):
            default_storage.delete(rendition.name)
        default_storage.save(rendition.name, ContentFile(content))


def _webp_ready(source):
    if source.mode in ("RGB", "RGBA"):
        return source
    return source.convert("RGBA" if source.mode in ("LA", "P", "PA") else "RGB")


def _webp_bytes(image, rendition):
    resized = image.resize((rendition.width, rendition.height), Image.LANCZOS)
    buffer = BytesIO()
    resized.save(buffer, "WEBP", quality=WEBP_QUALITY)
    return buffer.getvalue()
