"""What the local fakes of outside services (Stripe, Vipps, Bring) share: an
HTTP server on 127.0.0.1 in a thread of its own, started and stopped by a
`with` block, and a request handler that answers quietly.

Each fake subclasses ``LocalFake`` with its ``Handler``, whose requests
reach the fake as ``self.server.fake``.
"""

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up on a slow answer is expected, not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeHandler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass  # keep test output clean

    def _send(self, status, content_type, data, headers=None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except ConnectionError:
            pass  # the shop stopped waiting, as it does with the real service


class LocalFake:
    """``with Fake() as fake:`` serves ``Handler`` at ``fake.url`` until the
    block ends. A handler that makes the shop wait watches ``_stopping``, so
    stopping never waits for it."""

    Handler = FakeHandler

    def __init__(self):
        self.url = None
        self._stopping = threading.Event()
        self._server = self._thread = None

    def start(self, port=0):
        self._server = QuietServer(("127.0.0.1", port), self.Handler)
        self._server.fake = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        # A short poll interval: shutdown() waits up to one interval.
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()
        return self

    def stop(self):
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def shop_settings(self) -> dict:
        """The settings that point the shop at this fake (by name)."""
        raise NotImplementedError

    def point_at_me(self, settings) -> None:
        """Point the shop at this fake: ``settings`` is pytest-django's
        fixture (or any object taking the settings as attributes)."""
        for name, value in self.shop_settings().items():
            setattr(settings, name, value)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
