"""The measuring deploy: a PostgreSQL database, migrated, with demo data at
scale, and the static files collected."""

import subprocess
from urllib.parse import urlsplit

import psycopg

from perf.server import BIN, ROOT, shop_environment


def to_libpq(database_url):
    return urlsplit(database_url)._replace(scheme="postgresql").geturl()


def ensure_database(database_url):
    """Create the database named in the URL if it does not exist yet."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(database_url, scale):
    """Migrate and load the demo data; `scale` products (0: the demo only)."""
    ensure_database(database_url)
    env = shop_environment(database_url=database_url, port=0)
    python = str(BIN / "python")
    subprocess.run(
        [python, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    command = [python, "manage.py", "load_demo_data"]
    if scale:
        command += ["--scale", str(scale)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    # Hashed static files, as a deploy has them (pages name them).
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    # Fresh statistics, as autovacuum would give a live database after a bulk
    # load: without them PostgreSQL sorts all products for every list page.
    with psycopg.connect(to_libpq(database_url), autocommit=True) as connection:
        connection.execute("ANALYZE")
