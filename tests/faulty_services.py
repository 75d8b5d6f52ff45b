"""Services as they fail: a closed port, a server that accepts connections
and never answers, and a Redis of the test's own that can be filled or
stopped.

`RedisServer` runs a real `redis-server` on a free port (no persistence), so
a test can fill it or stop it without touching the shared one.
"""

import socket
import subprocess
import threading
import time
from contextlib import closing


def free_port():
    """A local port nobody listens on (until someone binds it)."""
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def closed_port_url():
    return f"redis://127.0.0.1:{free_port()}/0"


class HungServer:
    """Accepts connections and never answers, like a server stuck on a slow
    disk or behind a full network buffer. Counts the connections it was
    offered; `redis_url` points a Redis client at it."""

    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.redis_url = f"redis://127.0.0.1:{self.port}/0"
        self.connections = []
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:  # closed by stop()
                return
            self.connections.append(connection)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._listener.close()
        for connection in self.connections:
            connection.close()
        self._thread.join(timeout=5)


class RedisServer:
    """A `redis-server` of the test's own; `options` are extra arguments,
    e.g. ``("--maxmemory", "2mb", "--maxmemory-policy", "noeviction")``."""

    def __init__(self, *options):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.options = options
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                *self.options,
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while self.cli("PING") != "PONG":
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"redis-server on {self.port} did not start")
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def cli(self, *command):
        """One command through `redis-cli`; its answer as text."""
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), *command],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return result.stdout.strip()

    def info(self, field):
        for line in self.cli("INFO").splitlines():
            name, _, value = line.partition(":")
            if name == field:
                return value.strip()
        return None

    def fill(self):
        """Write until Redis refuses writes (``maxmemory`` with noeviction)."""
        chunk = "x" * 100_000
        for number in range(10_000):
            answer = self.cli("SET", f"filler:{number}", chunk)
            if answer.startswith("OOM") or "OOM" in answer:
                return
        raise RuntimeError("Redis never filled up; is maxmemory set?")

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
