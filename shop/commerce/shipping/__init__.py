default_app_config = "shop.commerce.shipping.apps.ShippingConfig"
