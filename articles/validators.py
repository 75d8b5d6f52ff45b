"""Checks on pictures uploaded in admin, before they reach the storage.

Django's ImageField already makes Pillow open the file, so a renamed PDF is
refused; these add what a page needs: a format browsers show, a file that is
not huge, and enough pixels for a sharp 1200 px link preview.
"""

from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.core.validators import FileExtensionValidator
from django.utils.deconstruct import deconstructible

PICTURE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
MAX_PICTURE_BYTES = 8 * 1024 * 1024
MAX_PICTURE_SIDE = 8000

validate_picture_extension = FileExtensionValidator(PICTURE_EXTENSIONS)


@deconstructible
class PictureSizeValidator:
    """Refuses files over 8 MB and pictures smaller than the page needs."""

    def __init__(self, min_width, min_height):
        self.min_width = min_width
        self.min_height = min_height

    def __call__(self, file):
        if file.size > MAX_PICTURE_BYTES:
            raise ValidationError(
                "The picture is %(size)s MB; please upload one of 8 MB or less.",
                code="picture_too_large",
                params={"size": f"{file.size / 1024 / 1024:.1f}"},
            )
        width, height = get_image_dimensions(file)
        if not (width and height):
            raise ValidationError(
                "This file could not be read as a picture.", code="picture_unreadable"
            )
        if width < self.min_width or height < self.min_height:
            raise ValidationError(
                "The picture is %(width)s × %(height)s px; it must be at least "
                "%(min_width)s × %(min_height)s px to look sharp.",
                code="picture_too_small",
                params={
                    "width": width,
                    "height": height,
                    "min_width": self.min_width,
                    "min_height": self.min_height,
                },
            )
        if max(width, height) > MAX_PICTURE_SIDE:
            raise ValidationError(
                "The picture is %(width)s × %(height)s px; please scale it down to "
                "at most %(max)s px on its longest side.",
                code="picture_too_big",
                params={"width": width, "height": height, "max": MAX_PICTURE_SIDE},
            )

    def __eq__(self, other):
        return (
            isinstance(other, PictureSizeValidator)
            and self.min_width == other.min_width
            and self.min_height == other.min_height
        )
