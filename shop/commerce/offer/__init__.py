default_app_config = "shop.commerce.offer.apps.OfferConfig"
