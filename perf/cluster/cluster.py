"""The shop as several servers run it, on one machine: HAProxy in front of
two gunicorn app servers, pgbouncer in front of PostgreSQL, a Redis of the
cluster's own, an S3 stand-in (moto), the Celery worker and scheduler, and
a mail sink when no EMAIL_URL is given.

`running_cluster()` starts it all and stops it all; `make cluster` runs it
in the foreground (perf/cluster/__main__.py), tests use it from
tests/cluster/.
"""

import contextlib
import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from perf.fakes import MailSink
from perf.server import shop_environment

from .configs import haproxy_config, pgbouncer_config, pgbouncer_users
from .parts import ROOT, Output, Part, answers_ok, port_open, refuse_taken_ports

BIN = Path(sys.executable).parent
POSTGRES = "postgres://root@127.0.0.1:5432"
APP_SERVERS = ("app1", "app2")
# gunicorn's sync workers per app server: two app servers on a small machine.
WORKERS = 2
BUCKET = "shop-media"
# The unprivileged user pgbouncer switches to when started as root.
PGBOUNCER_USER = "postgres"
DATABASE_SETUP_SECONDS = 600


@dataclass(frozen=True)
class Ports:
    haproxy: int = 8080
    app1: int = 8081
    app2: int = 8082
    pgbouncer: int = 6432
    redis: int = 6390
    s3: int = 9000


class Cluster:
    """The running parts, by name, and what to reach them by."""

    def __init__(self, *, ports, database, directory, output):
        self.ports, self.database = ports, database
        self.directory, self.output = directory, output
        self.url = f"http://127.0.0.1:{ports.haproxy}"
        self.app_urls = {
            name: f"http://127.0.0.1:{getattr(ports, name)}" for name in APP_SERVERS
        }
        # Migrations, and tests that read what the shop wrote, go straight to
        # PostgreSQL; the app servers and the worker go through pgbouncer.
        self.database_url = f"{POSTGRES}/{database}"
        self.pooled_database_url = (
            f"postgres://root@127.0.0.1:{ports.pgbouncer}/{database}"
        )
        self.parts: dict[str, Part] = {}
        self.notes: list[str] = []
        self.environment: dict[str, str] = {}

    @property
    def direct_environment(self):
        """The app servers' settings, straight on PostgreSQL: for manage.py."""
        return {
            **self.environment,
            "DATABASE_URL": self.database_url,
            "DATABASE_POOLER": "",
        }

    def manage(self, *args):
        """``manage.py *args`` with the cluster's settings, straight on
        PostgreSQL; its lines are passed on as "setup"."""
        result = subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.direct_environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=DATABASE_SETUP_SECONDS,
        )
        for text in result.stdout.splitlines():
            self.output.line("setup", text)
        result.check_returncode()

    def start(self, name, *, seconds=60):
        part = self.parts[name]
        part.start()
        part.wait_until_up(time.monotonic() + seconds)
        return part

    def stop(self, name):
        self.parts[name].stop()

    def kill(self, name):
        self.parts[name].kill()

    def stop_all(self):
        # The front first, so nothing new arrives while the rest stops.
        for part in reversed(list(self.parts.values())):
            part.stop()

    def server_states(self):
        """HAProxy's view of the app servers: {"app1": "UP", "app2": "DOWN"}."""
        return {
            name: row["status"].split()[0] for name, row in self._server_rows().items()
        }

    def server_sessions(self):
        """Requests HAProxy has sent each app server so far."""
        return {name: int(row["stot"]) for name, row in self._server_rows().items()}

    def _server_rows(self):
        """`show stat` on HAProxy's socket: a CSV row per proxy and server."""
        with socket.socket(socket.AF_UNIX) as connection:
            connection.settimeout(2)
            connection.connect(str(self.directory / "haproxy.sock"))
            connection.sendall(b"show stat\n")
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        rows = csv.DictReader(io.StringIO(answer.decode().lstrip("# ")))
        return {
            row["svname"]: row
            for row in rows
            if row["pxname"] == "app_servers" and row["svname"] in APP_SERVERS
        }


@contextmanager
def running_cluster(
    *,
    ports=Ports(),
    database="shop_cluster",
    fresh_database=False,
    output=sys.stdout,
    ready_seconds=90,
    environment=None,
):
    """The whole cluster, ready behind HAProxy; everything stopped and its
    temporary folder removed afterwards. ``ready_seconds`` bounds the start
    of the servers (preparing the database is bounded apart).
    ``environment`` adds to or replaces the settings of every part (a test's
    mail server, the benchmark's fakes); e-mail goes to its EMAIL_URL, else
    to this process's, else to a sink."""
    refuse_taken_ports(list(vars(ports).values()))
    directory = Path(tempfile.mkdtemp(prefix="shop-cluster-"))
    # pgbouncer runs as another user and reads its files from here.
    directory.chmod(0o755)
    cluster = Cluster(
        ports=ports, database=database, directory=directory, output=Output(output)
    )
    with contextlib.ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, directory, ignore_errors=True)
        cleanup.callback(cluster.stop_all)
        cluster.environment = _environment(cluster, cleanup, environment or {})
        _start(cluster, "redis", _redis(cluster), ready_seconds)
        if _moto_installed():
            _start(cluster, "s3", _s3(cluster), ready_seconds)
            _create_bucket(cluster)
        _prepare_database(cluster, fresh=fresh_database)
        _start(cluster, "pgbouncer", _pgbouncer(cluster), ready_seconds)
        cluster.manage("collectstatic", "--noinput", "-v0")
        deadline = time.monotonic() + ready_seconds
        for name in APP_SERVERS:
            cluster.parts[name] = _app_server(cluster, name).start()
        for name in APP_SERVERS:
            cluster.parts[name].wait_until_up(deadline)
        cluster.parts["haproxy"] = _haproxy(cluster).start()
        answers_until(cluster.url + "/readyz", deadline)
        for part in _celery(cluster):
            cluster.parts[part.name] = part.start()
        yield cluster


def _start(cluster, name, part, seconds):
    cluster.parts[name] = part.start()
    part.wait_until_up(time.monotonic() + seconds)


def answers_until(url, deadline):
    is_up = answers_ok(url)
    while time.monotonic() < deadline:
        if is_up():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer 200 in time")


def _environment(cluster, cleanup, given):
    """perf.settings (production's, over plain HTTP), with the cluster's
    services, and over them what the caller gave."""
    ports = cluster.ports
    email_url = given.get("EMAIL_URL") or os.environ.get("EMAIL_URL", "").strip()
    if not email_url:
        sink = MailSink().start()
        cleanup.callback(sink.stop)
        email_url = sink.shop_settings()["EMAIL_URL"]
        cluster.notes.append(
            f"no EMAIL_URL: e-mails go to a local sink that drops them ({email_url})"
        )
    environment = shop_environment(
        database_url=cluster.pooled_database_url,
        port=ports.haproxy,
        DATABASE_POOLER="transaction",
        DJANGO_LOG_LEVEL=os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
        REDIS_URL=f"redis://127.0.0.1:{ports.redis}/0",
        REDIS_SESSIONS_URL=f"redis://127.0.0.1:{ports.redis}/2",
        # The cluster's own Redis, not the machine's RabbitMQ: a worker on a
        # shared broker would take other runs' tasks.
        CELERY_BROKER_URL=os.environ.get(
            "CELERY_BROKER_URL", f"redis://127.0.0.1:{ports.redis}/1"
        ),
        EMAIL_URL=email_url,
        # HAProxy appends the visitor's address to X-Forwarded-For.
        SHOP_TRUSTED_PROXY_COUNT="1",
        PYTHONUNBUFFERED="1",
    )
    if _moto_installed():
        environment.update(
            SHOP_MEDIA_STORAGE="s3",
            SHOP_S3_BUCKET=BUCKET,
            SHOP_S3_ENDPOINT_URL=f"http://127.0.0.1:{ports.s3}",
            SHOP_MEDIA_URL=f"http://127.0.0.1:{ports.s3}/{BUCKET}",
            AWS_ACCESS_KEY_ID="cluster",
            AWS_SECRET_ACCESS_KEY="cluster",
            AWS_DEFAULT_REGION="us-east-1",
        )
    else:
        cluster.notes.append("moto is not installed: media stay on the local disk")
    return {**environment, **given}


def _moto_installed():
    try:
        import boto3  # noqa: F401
        import moto  # noqa: F401
    except ImportError:
        return False
    return True


def _part(cluster, name, command, *, address, is_up, env=None):
    return Part(
        name,
        [str(arg) for arg in command],
        env=env or cluster.environment,
        address=address,
        is_up=is_up,
        output=cluster.output,
    )


def _redis(cluster):
    port = cluster.ports.redis
    command = [
        shutil.which("redis-server") or "redis-server",
        "--bind",
        "127.0.0.1",
        "--port",
        port,
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        cluster.directory,
    ]
    return _part(
        cluster, "redis", command, address=f"127.0.0.1:{port}", is_up=port_open(port)
    )


def _s3(cluster):
    port = cluster.ports.s3
    command = [BIN / "python", "-m", "moto.server", "-H", "127.0.0.1", "-p", port]
    return _part(
        cluster,
        "s3",
        command,
        address=f"http://127.0.0.1:{port}",
        is_up=port_open(port),
    )


def _create_bucket(cluster):
    """The media bucket, which visitors' browsers read pictures from directly."""
    import json

    import boto3

    environment = cluster.environment
    client = boto3.client(
        "s3",
        endpoint_url=environment["SHOP_S3_ENDPOINT_URL"],
        aws_access_key_id=environment["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=environment["AWS_SECRET_ACCESS_KEY"],
        region_name=environment["AWS_DEFAULT_REGION"],
    )
    client.create_bucket(Bucket=BUCKET)
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))


def _prepare_database(cluster, *, fresh):
    """Created if missing (anew if ``fresh``), migrated and filled with the
    demo shop, all straight on PostgreSQL."""
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        name = psycopg.sql.Identifier(cluster.database)
        if fresh:
            admin.execute(
                psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name)
            )
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [cluster.database]
        ).fetchone()
        if not exists:
            admin.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(name))
    cluster.output.line(
        "cluster", f"migrating and loading the demo shop into {cluster.database}"
    )
    cluster.manage("migrate", "--noinput", "-v0")
    cluster.manage("load_demo_data", "-v0")


def _pgbouncer(cluster):
    ports, directory = cluster.ports, cluster.directory
    auth_file = directory / "pgbouncer-users.txt"
    auth_file.write_text(pgbouncer_users("root"))
    config = directory / "pgbouncer.ini"
    config.write_text(
        pgbouncer_config(
            port=ports.pgbouncer,
            postgres_port=5432,
            database=cluster.database,
            user="root",
            auth_file=auth_file,
        )
    )
    for path in (auth_file, config):
        path.chmod(0o644)
    # pgbouncer refuses to run as root; it switches to the user given.
    as_user = ["-u", PGBOUNCER_USER] if os.geteuid() == 0 else []
    command = [shutil.which("pgbouncer") or "/usr/sbin/pgbouncer", *as_user, config]
    return _part(
        cluster,
        "pgbouncer",
        command,
        address=f"127.0.0.1:{ports.pgbouncer}",
        is_up=port_open(ports.pgbouncer),
    )


def _app_server(cluster, name):
    port = getattr(cluster.ports, name)
    command = [
        BIN / "gunicorn",
        "shop.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        WORKERS,
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
        # Two app servers on one machine would share its control socket.
        "--no-control-socket",
        # No --access-logfile: the shop logs one line per request itself
        # (shop/core/request_log.py), without addresses or visitors.
    ]
    url = f"http://127.0.0.1:{port}"
    return _part(
        cluster,
        name,
        command,
        env={**cluster.environment, "SHOP_SERVER_NAME": name},
        address=url,
        is_up=answers_ok(url + "/readyz"),
    )


def _haproxy(cluster):
    directory, ports = cluster.directory, cluster.ports
    config = directory / "haproxy.cfg"
    config.write_text(
        haproxy_config(
            port=ports.haproxy,
            servers={name: getattr(ports, name) for name in APP_SERVERS},
            socket=directory / "haproxy.sock",
        )
    )
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    # -db: in the foreground, its warnings on this terminal.
    return _part(
        cluster,
        "haproxy",
        [haproxy, "-db", "-f", config],
        address=cluster.url,
        is_up=answers_ok(cluster.url + "/readyz"),
    )


def _celery(cluster):
    celery = BIN / "celery"
    worker = [celery, "-A", "shop", "worker", "--loglevel=INFO", "--concurrency=2"]
    beat = [
        celery,
        "-A",
        "shop",
        "beat",
        "--loglevel=INFO",
        "--schedule",
        cluster.directory / "beat-schedule",
    ]
    broker = cluster.environment["CELERY_BROKER_URL"]
    return [
        _part(cluster, "worker", worker, address=broker, is_up=lambda: True),
        _part(cluster, "beat", beat, address=broker, is_up=lambda: True),
    ]
