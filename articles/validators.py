"""The picture rules live in shop/core/pictures.py, shared with product images;
these names stay because the first migration refers to them."""

from shop.core.pictures import PictureSizeValidator, validate_picture_extension

__all__ = ["PictureSizeValidator", "validate_picture_extension"]
