"""Partner models: Oscar's unchanged; the fork exists for the pricing strategy."""

from oscar.apps.partner.models import *  # noqa: F403
