"""An SMTP server, on a free local port, that records what it accepted, for
tests where a second process (a Celery worker, the cluster) sends e-mail."""

import asyncio
import threading
from contextlib import contextmanager
from email import message_from_bytes

from aiosmtpd.controller import Controller

from tests.faulty_services import free_port


class MailServer:
    """Records the Message-ID of each e-mail accepted. It can hold the next
    e-mail at its first recipient, before any of the message has been sent:
    a sender killed while held has delivered nothing."""

    def __init__(self, port):
        self.port = port
        self.accepted = []
        self.hold_next = threading.Event()
        self.holding = threading.Event()
        self.release = threading.Event()

    @property
    def url(self):
        """For the EMAIL_URL setting."""
        return f"smtp://127.0.0.1:{self.port}"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.hold_next.is_set():
            self.hold_next.clear()
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.accepted.append(message_from_bytes(envelope.content)["Message-ID"])
        return "250 Message accepted for delivery"


@contextmanager
def recording_mail_server():
    recorder = MailServer(free_port())
    controller = Controller(recorder, hostname="127.0.0.1", port=recorder.port)
    controller.start()
    try:
        yield recorder
    finally:
        recorder.release.set()
        controller.stop()
