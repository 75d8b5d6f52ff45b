"""The rules for every picture staff upload (product images, article heroes,
author photos), checked before the file reaches the storage.

Django's ImageField already makes Pillow open the file, so a renamed PDF is
refused; these add what a page needs: a format browsers show, a file that is
not huge, and enough pixels for the page, yet not so many that making the
renditions takes a worker's memory. The size is read from the file's header,
before Pillow decodes a single pixel, so a decompression bomb (a small file
declaring gigapixels) is refused with a message instead of filling memory.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

PICTURE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
MAX_PICTURE_BYTES = 8 * 1024 * 1024
MAX_PICTURE_SIDE = 8000

# Pillow warns above this many pixels and refuses twice as many, wherever a
# picture is opened (renditions, Oscar's thumbnails); its default allows
# pictures far beyond what the longest side above lets through.
Image.MAX_IMAGE_PIXELS = MAX_PICTURE_SIDE**2

validate_picture_extension = FileExtensionValidator(PICTURE_EXTENSIONS)


def check_picture_limits(file):
    """Refuse a file over 8 MB, or with a side over the maximum, from its
    size and header alone; return its (width, height), (None, None) when the
    header is not a picture's."""
    if file.size > MAX_PICTURE_BYTES:
        raise ValidationError(
            _("The picture is %(size)s MB; please upload one of 8 MB or less."),
            code="picture_too_large",
            params={"size": f"{file.size / 1024 / 1024:.1f}"},
        )
    try:
        width, height = get_image_dimensions(file)
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _(
                "The picture has far too many pixels to be opened safely; please "
                "scale it down to at most %(max)s px on its longest side."
            ),
            code="picture_too_big",
            params={"max": MAX_PICTURE_SIDE},
        ) from error
    if width and height and max(width, height) > MAX_PICTURE_SIDE:
        raise ValidationError(
            _(
                "The picture is %(width)s × %(height)s px; please scale it down to "
                "at most %(max)s px on its longest side."
            ),
            code="picture_too_big",
            params={"width": width, "height": height, "max": MAX_PICTURE_SIDE},
        )
    return width, height


@deconstructible
class PictureSizeValidator:
    """The limits above, and at least the size the page needs."""

    def __init__(self, min_width, min_height):
        self.min_width = min_width
        self.min_height = min_height

    def __call__(self, file):
        if getattr(file, "_committed", False):
            # The stored picture, unchanged: checked when it was uploaded.
            # (Its file may be closed by then, and reading it again on every
            # save of the form would only cost time.)
            return
        width, height = check_picture_limits(file)
        if not (width and height):
            raise ValidationError(
                _("This file could not be read as a picture."),
                code="picture_unreadable",
            )
        if width < self.min_width or height < self.min_height:
            raise ValidationError(
                _(
                    "The picture is %(width)s × %(height)s px; it must be at least "
                    "%(min_width)s × %(min_height)s px to look sharp."
                ),
                code="picture_too_small",
                params={
                    "width": width,
                    "height": height,
                    "min_width": self.min_width,
                    "min_height": self.min_height,
                },
            )

    def __eq__(self, other):
        return (
            isinstance(other, PictureSizeValidator)
            and self.min_width == other.min_width
            and self.min_height == other.min_height
        )


class PictureFormField(forms.ImageField):
    """Checks the limits before Django's ImageField has Pillow open the file,
    so too many pixels get their own message rather than "not a valid image"."""

    def to_python(self, data):
        if data is not None and hasattr(data, "size"):
            check_picture_limits(data)
        return super().to_python(data)


class PictureField(models.ImageField):
    """An ImageField whose forms (admin, Oscar's dashboard) use PictureFormField."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PictureFormField, **kwargs})
