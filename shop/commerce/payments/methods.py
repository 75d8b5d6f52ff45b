"""The payment methods a customer can choose at checkout.

Each method names the status a new order starts in; what happens once the
order exists is step 6 of shop/commerce/placing.py: an invoice order is done,
a card order goes to Stripe, a Vipps order to Vipps. Vipps comes first: it
is how most Norwegians pay online.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shop.commerce.payments import stripe_checkout, vipps
from shop.commerce.statuses import OrderStatus


class PaymentMethodCode(StrEnum):
    """A method's code: what the checkout form posts and the session keeps,
    and the code of the payment source type an order paid by it records."""

    INVOICE = "invoice"
    CARD = "card"
    VIPPS = "vipps"


@dataclass(frozen=True)
class PaymentMethod:
    code: PaymentMethodCode
    # Lazy translations: read in the customer's language when shown.
    name: str | Promise
    description: str | Promise
    initial_status: OrderStatus

    def is_available(self) -> bool:
        return True


class Card(PaymentMethod):
    def is_available(self) -> bool:
        return stripe_checkout.is_configured()


class Vipps(PaymentMethod):
    def is_available(self) -> bool:
        return vipps.is_configured()


def card_description() -> str:
    """Read when shown, so it names Klarna exactly when Stripe's page offers it."""
    if stripe_checkout.offers_klarna():
        return gettext(
            "Visa or Mastercard, or Klarna, on Stripe's secure payment page. "
            "Your card details never reach us."
        )
    return gettext(
        "Visa or Mastercard, on Stripe's secure payment page. Your card "
        "details never reach us."
    )


INVOICE = PaymentMethod(
    code=PaymentMethodCode.INVOICE,
    name=_("Invoice"),
    description=_(
        "Pay within 14 days. The invoice comes by e-mail with your order confirmation."
    ),
    initial_status=OrderStatus.AWAITING_PAYMENT,
)
CARD = Card(
    code=PaymentMethodCode.CARD,
    name=_("Card"),
    description=lazy(card_description, str)(),
    initial_status=OrderStatus.PENDING_PAYMENT,
)
VIPPS = Vipps(
    code=PaymentMethodCode.VIPPS,
    # The brand's name in Norway, in both languages (the company is Vipps
    # MobilePay; its app here is still Vipps).
    name=_("Vipps"),
    description=_(
        "Approve in the Vipps app (Vipps MobilePay). The amount is reserved "
        "now and charged when your parcel ships."
    ),
    initial_status=OrderStatus.PENDING_PAYMENT,
)


def available() -> list[PaymentMethod]:
    return [method for method in (VIPPS, CARD, INVOICE) if method.is_available()]


def get(code: str) -> PaymentMethod | None:
    return next((method for method in available() if method.code == code), None)
