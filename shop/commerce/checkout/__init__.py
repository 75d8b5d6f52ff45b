default_app_config = "shop.commerce.checkout.apps.CheckoutConfig"
