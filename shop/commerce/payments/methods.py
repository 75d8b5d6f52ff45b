"""The payment methods a customer can choose at checkout.

Each method names the status a new order starts in and what happens once the
order exists: an invoice order is done; a card order goes to Stripe.
"""

from dataclasses import dataclass

from shop.commerce import orders
from shop.commerce.payments import stripe_checkout


@dataclass(frozen=True)
class PaymentMethod:
    code: str
    name: str
    description: str
    initial_status: str

    def is_available(self):
        return True


class Invoice(PaymentMethod):
    pass


class Card(PaymentMethod):
    def is_available(self):
        return stripe_checkout.is_configured()


INVOICE = Invoice(
    code="invoice",
    name="Invoice",
    description="Pay within 14 days. The invoice comes by e-mail with your "
    "order confirmation.",
    initial_status=orders.AWAITING_PAYMENT,
)
CARD = Card(
    code="card",
    name="Card",
    description="Visa or Mastercard, on Stripe's secure payment page. Your card "
    "details never reach us.",
    initial_status=orders.PENDING_PAYMENT,
)


def available():
    return [method for method in (CARD, INVOICE) if method.is_available()]


def get(code):
    return next((method for method in available() if method.code == code), None)
