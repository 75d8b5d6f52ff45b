"""The cluster's processes: each started in a process group of its own, so
stopping or killing one reaches its children too (gunicorn's workers), and
each line it writes is passed on with its name in front ("app1| ...")."""

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
STOP_SECONDS = 15


class Output:
    """Where the parts' lines go: one stream, whole lines, in the order read."""

    def __init__(self, stream):
        self.stream = stream
        self._lock = threading.Lock()

    def line(self, prefix, text):
        with self._lock:
            self.stream.write(f"{prefix:>9}| {text}\n")
            self.stream.flush()


class Part:
    """One process of the cluster. ``is_up`` answers whether it serves yet."""

    def __init__(self, name, command, *, env, address, is_up, output):
        self.name, self.command, self.env = name, command, env
        self.address, self.is_up, self.output = address, is_up, output
        self.process = None

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def start(self):
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            text=True,
            errors="replace",
        )
        threading.Thread(
            target=self._pass_on, args=(self.process,), daemon=True
        ).start()
        return self

    def _pass_on(self, process):
        for text in process.stdout:
            self.output.line(self.name, text.rstrip("\n"))

    def wait_until_up(self, deadline):
        while time.monotonic() < deadline:
            if not self.running:
                raise RuntimeError(f"{self.name} exited; see its lines above")
            if self.is_up():
                return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} was not up at {self.address} in time")

    def stop(self):
        """SIGTERM to the whole group, then SIGKILL if it lingers."""
        if not self.running:
            return
        self._signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self):
        """SIGKILL to the process and every child: a crash, not a shutdown."""
        if self.process is None:
            return
        self._signal(signal.SIGKILL)
        self.process.wait()

    def _signal(self, number):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, number)


def port_open(port):
    def is_up():
        with socket.socket() as probe:
            probe.settimeout(0.5)
            return probe.connect_ex(("127.0.0.1", port)) == 0

    return is_up


def answers_ok(url):
    def is_up():
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    return is_up


def refuse_taken_ports(ports):
    """Another run's server on a port would answer in this one's place."""
    taken = [port for port in ports if port_open(port)()]
    if taken:
        raise RuntimeError(
            f"Port(s) {', '.join(map(str, taken))} already taken: is another "
            "cluster running? Stop it, or pick other ports."
        )
