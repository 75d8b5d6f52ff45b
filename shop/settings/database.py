"""The database connection's options behind a connection pooler.

pgbouncer in transaction pooling (DATABASE_POOLER=transaction) hands each
transaction whichever server connection is free, so nothing may outlive a
transaction on the server side:

- server-side cursors (Django's ``.iterator()`` on PostgreSQL) are declared
  in one transaction and fetched from in the next, on another connection;
- psycopg 3 prepares a query on the server once it has run it five times
  (``prepare_threshold``), and the next run may land on a connection that
  never saw it. pgbouncer carries prepared statements across connections
  only from 1.21 (``max_prepared_statements``), later than Debian 12's.

Session pooling, or no pooler, needs neither change.
"""

from django.core.exceptions import ImproperlyConfigured

POOLERS = ("", "session", "transaction")


def for_pooler(database: dict, pooler: str) -> dict:
    """``database`` (a DATABASES entry) as the given pooler mode needs it."""
    pooler = pooler.strip().lower()
    if pooler not in POOLERS:
        raise ImproperlyConfigured(
            f"DATABASE_POOLER must be one of {', '.join(filter(None, POOLERS))}"
            " or empty."
        )
    if pooler != "transaction" or not database["ENGINE"].endswith("postgresql"):
        return database
    return {
        **database,
        "DISABLE_SERVER_SIDE_CURSORS": True,
        "OPTIONS": {**database.get("OPTIONS", {}), "prepare_threshold": None},
    }
