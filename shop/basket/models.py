"""Oscar's basket models, unchanged (the app is forked for its forms)."""

from oscar.apps.basket.models import *  # noqa: F403
