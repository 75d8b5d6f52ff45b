"""The statuses an order and its lines pass through, named once.

Plain Python with no Django import, so the settings can build Oscar's status
pipelines from these before any app is loaded. Members are strings: Oscar
stores, compares and shows them as the status text itself.
"""

from enum import StrEnum


class OrderStatus(StrEnum):
    # A card or Vipps order, its stock held, while the customer pays on
    # Stripe's page or approves in Vipps.
    PENDING_PAYMENT = "Pending payment"
    # A Vipps order the customer approved: the money is reserved, and taken
    # (captured) only when the parcel ships.
    PAYMENT_RESERVED = "Payment reserved"
    # An invoice order, until staff record the payment.
    AWAITING_PAYMENT = "Awaiting payment"
    PAID = "Paid"
    SHIPPED = "Shipped"
    CANCELLED = "Cancelled"


class LineStatus(StrEnum):
    NEW = "New"
    SHIPPED = "Shipped"
    CANCELLED = "Cancelled"
