"""A real Celery worker on RabbitMQ, sending to a real SMTP server, against
the test database: for what only a second process can show (a worker
killed mid-send, a worker stopped while e-mails are queued).

The worker is another process, so it needs a database it can open: these
tests run when the suite runs on PostgreSQL (CI's second run, or
DATABASE_URL=postgres://... make test), and say so when skipped on SQLite.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from kombu import Connection

from tests.smtp_recorder import recording_mail_server

ROOT = Path(__file__).resolve().parents[2]
BROKER_URL = os.environ.get("TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")


@pytest.fixture
def mail_server():
    with recording_mail_server() as recorder:
        yield recorder


class Worker:
    """``celery -A shop worker`` with its scheduler, in a process group of
    its own so that it can be killed whole, as a crashed machine would."""

    def __init__(self, environment, log_path):
        self.environment = environment
        self.log_path = log_path
        self.process = None

    def start(self):
        log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "shop",
                "worker",
                "--beat",
                "--schedule",
                str(self.log_path.with_suffix(".schedule")),
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        """A warm shutdown: the task running finishes, then the worker exits."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self):
        return self.log_path.read_text() if self.log_path.exists() else ""


@pytest.fixture
def worker(transactional_db, mail_server, tmp_path, request):
    if connection.vendor != "postgresql":
        pytest.skip("a worker process cannot open SQLite's in-memory test database")
    settings = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker.settings",
        "DATABASE_URL": (
            f"postgres://{settings['USER'] or 'root'}@{settings['HOST'] or '127.0.0.1'}"
            f":{settings['PORT'] or 5432}/{settings['NAME']}"
        ),
        "CELERY_BROKER_URL": BROKER_URL,
        # A queue of this test's own on the machine's shared broker.
        "CELERY_TASK_DEFAULT_QUEUE": f"test-{uuid.uuid4().hex}",
        "TEST_SMTP_PORT": str(mail_server.port),
    }
    started = Worker(environment, tmp_path / "worker.log")
    yield started
    started.stop()
    with Connection(BROKER_URL) as broker:
        broker.default_channel.queue_delete(environment["CELERY_TASK_DEFAULT_QUEUE"])
    # Shown with a failure's report: what the worker did.
    request.node.add_report_section("teardown", "worker log", started.log()[-4000:])


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"Not within {seconds} s: {what}")
