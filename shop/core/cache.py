"""The Redis cache, failing open: Redis down, hung or full slows the shop,
never breaks it.

Everything the shop keeps in the cache (whole pages, header and footer
links, rendered article bodies, the mail retry lock, Oscar's category paths,
cached sessions) can be rebuilt from the database, so a failed cache call is
answered as a miss (django-redis's IGNORE_EXCEPTIONS). Two things keep a
broken Redis cheap:

- short socket timeouts (REDIS_TIMEOUT_SECONDS), and after a failed
  connection the process leaves Redis alone for a few seconds
  (`PausingConnectionPool`), so a hung Redis costs a worker one timeout per
  pause, not one per cache call;
- `OncePerInterval` lets one log line per kind of failure through per
  minute, instead of a traceback per cache call.
"""

import logging
import time

from redis import ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

PAUSE_AFTER_FAILURE_SECONDS = 5


def redis_cache(url, *, timeout_seconds):
    """The CACHES entry for the Redis at ``url``; each connect or command
    waits at most ``timeout_seconds``."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout_seconds,
            "SOCKET_TIMEOUT": timeout_seconds,
            "CONNECTION_POOL_CLASS": "shop.core.cache.PausingConnectionPool",
        },
    }


class PausingConnectionPool(ConnectionPool):
    """A connection pool that, once connecting failed, refuses at once for
    PAUSE_AFTER_FAILURE_SECONDS instead of trying (and waiting) again.

    Connecting includes redis-py's handshake, so a Redis that accepts but
    never answers trips the pause as well as one that refuses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._paused_until = 0.0

    def get_connection(self, *args, **kwargs):
        if time.monotonic() < self._paused_until:
            raise RedisConnectionError("Redis skipped after a recent failure")
        try:
            return super().get_connection(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError, OSError):
            self._paused_until = time.monotonic() + PAUSE_AFTER_FAILURE_SECONDS
            raise


class OncePerInterval(logging.Filter):
    """Let one record per kind through every ``seconds``: the same message
    with the same kind of exception (its cause, for django-redis's wrapped
    errors) is dropped until the interval has passed."""

    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = seconds
        self._last_seen = {}

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        kind = (record.name, record.msg, type(cause).__name__)
        now = time.monotonic()
        if now - self._last_seen.get(kind, -self.seconds) < self.seconds:
            return False
        self._last_seen[kind] = now
        return True
