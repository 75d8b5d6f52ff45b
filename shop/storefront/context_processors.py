"""Template context every storefront page needs."""

from django.conf import settings

from shop.storefront import navigation


def shop(request):
    return {
        "company": settings.SHOP_COMPANY,
        "menu_categories": navigation.menu_categories,
        "menu_routines": navigation.menu_routines,
        "footer_pages": navigation.footer_pages,
    }
