"""The shop as production runs it, for measuring: gunicorn, DEBUG off,
PostgreSQL, Redis, WhiteNoise with compressed and hashed static files
(perf/settings.py: production's settings over plain HTTP).

`running_shop()` starts it on a local port and stops it afterwards. The
database must already be migrated and filled (see perf/data.py).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/shop_bench"
)


def shop_environment(*, database_url, port, **variables):
    """Production settings over plain HTTP (perf/settings.py), on localhost;
    ``variables`` add to or replace the measuring defaults (the local
    cluster, perf/cluster/, runs the same settings with services of its own)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "perf.settings",
        "DJANGO_SECRET_KEY": "measuring-only-not-a-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_CONN_MAX_AGE": os.environ.get("DJANGO_CONN_MAX_AGE", "600"),
        "DJANGO_MEDIA_ROOT": str(ROOT / "perf" / "media"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        # Production accepts only an https site address; pages name it in
        # canonical links and structured data, which no measurement follows.
        "SHOP_SITE_URL": f"https://127.0.0.1:{port}",
        # Redis for the cache and sessions, as the README's production set-up.
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
        # A mail server nobody answers: what a run sends waits in the outbox.
        "EMAIL_URL": "smtp://127.0.0.1:1",
        **variables,
    }


def manage(*args, env):
    subprocess.run(
        [str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True
    )


def refuse_a_taken_port(port):
    """Another server on the port (another run's) would answer in this one's
    place while gunicorn is still retrying to bind it."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise RuntimeError(
                f"Port {port} is taken: is another run on? Pick another."
            )


@contextmanager
def running_shop(
    *, database_url=DEFAULT_DATABASE_URL, port=8100, workers=None, environment=None
):
    """The shop in gunicorn on `port`, with `environment` (default: the
    measuring environment of shop_environment())."""
    refuse_a_taken_port(port)
    env = environment or shop_environment(database_url=database_url, port=port)
    manage("collectstatic", "--noinput", "-v0", env=env)
    workers = workers or (os.cpu_count() or 1) * 2 + 1
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "shop.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url + "/robots.txt", server)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_up(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited; see its output above")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")
