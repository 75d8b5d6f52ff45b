"""Behind pgbouncer in transaction pooling, nothing outlives a transaction
on the server: no server-side cursors, no prepared statements."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from shop.settings.database import for_pooler

POSTGRES = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "shop",
    "OPTIONS": {"sslmode": "prefer"},
}


def test_transaction_pooling_turns_off_server_side_cursors_and_prepares():
    database = for_pooler(POSTGRES, "transaction")

    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert database["OPTIONS"] == {"sslmode": "prefer", "prepare_threshold": None}
    assert "prepare_threshold" not in POSTGRES["OPTIONS"]


@pytest.mark.parametrize("pooler", ["", "session", " Session "])
def test_without_transaction_pooling_nothing_changes(pooler):
    assert for_pooler(POSTGRES, pooler) == POSTGRES


def test_sqlite_has_no_pooler_to_suit():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}

    assert for_pooler(sqlite, "transaction") == sqlite


def test_an_unknown_pooler_mode_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOLER"):
        for_pooler(POSTGRES, "statement")
