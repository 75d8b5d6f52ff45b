"""Oscar's offer app, forked so offer and range names and offer descriptions
have a column per language: the routine's offer is named and described after
the routine, and customers read those in the basket and on the offer's page."""

from oscar.apps.offer.apps import OfferConfig as CoreOfferConfig


class OfferConfig(CoreOfferConfig):
    name = "shop.commerce.offer"
