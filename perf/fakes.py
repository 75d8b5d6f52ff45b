"""The outside services a checkout reaches, for the benchmark: the project's
local fakes of Stripe and Vipps (tests/fake_stripe.py, tests/fake_vipps.py)
and a mail server that takes every e-mail, each in a process of its own.

Their own processes, because a fake answers from threads of one Python
process: sharing the GIL of the processes that drive the load would make
the fakes, not the shop, what a run measures.

The mail server is there because the shop sends each order's e-mails as
the request that placed it commits (with no broker, in that request's
process; shop/commerce/outbox/mail.py). With a mail server nobody answers,
every order of a run would wait in the outbox and each one's try would time
out inside a measured request. Production's mail server takes the e-mails;
so does this one.

Bring is not faked: without its keys the delivery step asks nobody and offers
the pickup point nearest the address (shop/commerce/shipping/pickup_points.py).
"""

import multiprocessing
import socketserver
import threading
from contextlib import ExitStack, contextmanager


class _MailHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: every command is accepted, and
    every message is read to its end and dropped."""

    def handle(self):
        self._reply("220 bench mail sink")
        while line := self.rfile.readline():
            command = line[:4].upper()
            if command == b"DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                self._reply("250 OK: dropped")
            elif command == b"QUIT":
                self._reply("221 Bye")
                return
            else:
                self._reply("250 OK")

    def _reply(self, text):
        self.wfile.write(text.encode() + b"\r\n")


class MailSink:
    """An SMTP server on a free local port; its settings name it as EMAIL_URL."""

    def start(self):
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _MailHandler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def shop_settings(self):
        return {"EMAIL_URL": f"smtp://127.0.0.1:{self._server.server_address[1]}"}


def _make(kind):
    # Imported here, in the fake's own process only.
    if kind == "stripe":
        from tests.fake_stripe import FakeStripe

        return FakeStripe()
    if kind == "vipps":
        from tests.fake_vipps import FakeVipps

        return FakeVipps()
    return MailSink()


def _serve(kind, connection):
    """A fake's process: start it, tell the shop's settings, then take the
    address of the shop's webhook (once the parent knows it) until told to stop."""
    fake = _make(kind).start()
    connection.send(fake.shop_settings())
    while (webhook_url := connection.recv()) is not None:
        fake.webhook_url = webhook_url
    fake.stop()


class RunningFake:
    def __init__(self, kind, context):
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(kind, theirs), daemon=True)
        self.process.start()
        self.settings = self.connection.recv()

    def send_webhooks_to(self, url):
        self.connection.send(url)

    def stop(self):
        self.connection.send(None)
        self.process.join(timeout=10)


@contextmanager
def running():
    """Stripe's, Vipps' and the mail server's fakes, started; yields
    {"stripe": fake, "vipps": fake, "mail": fake}, each with `settings` (the
    shop's environment variables that point at it). Point the payment fakes'
    webhooks at the shop with `send_webhooks_to()` once its URLs are known."""
    context = multiprocessing.get_context("spawn")
    with ExitStack() as stack:
        fakes = {}
        for kind in ("stripe", "vipps", "mail"):
            fakes[kind] = RunningFake(kind, context)
            stack.callback(fakes[kind].stop)
        yield fakes


def shop_settings(fakes):
    """The environment variables that point the shop at all the fakes."""
    return {
        name: value for fake in fakes.values() for name, value in fake.settings.items()
    }
