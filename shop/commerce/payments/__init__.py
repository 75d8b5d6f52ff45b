"""How customers pay: the payment methods and the Stripe integration."""
