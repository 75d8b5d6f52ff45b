"""Keeping customers' personal data out of logs and error reports.

Log lines and error reports are read by people and kept by services that
customers never agreed to, so e-mail addresses and Norwegian phone numbers
are replaced wherever a log record, an error e-mail to ADMINS or a Sentry
event may carry them (a message, its arguments, an exception's text).
Names and street addresses cannot be recognised reliably; error e-mails and
Sentry events therefore leave out what was posted in forms.
"""

import logging
import re

from django.utils.log import AdminEmailHandler
from django.views.debug import SafeExceptionReporterFilter

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 8 digits starting 2–9, optionally grouped by spaces and led by +47 or 0047
# ("41234567", "412 34 567", "+47 41 23 45 67"); longer digit runs (times,
# amounts in øre) and digits inside identifiers (pi_12345678) are left alone.
NORWEGIAN_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)47 ?)?[2-9](?: ?\d){7}(?!\w)")


def scrub(text):
    """The text with e-mail addresses and phone numbers replaced."""
    text = EMAIL.sub("[email]", text)
    return NORWEGIAN_PHONE.sub("[phone]", text)


class PersonalDataFilter(logging.Filter):
    """Scrubs a record's message and exception text in place, for every handler.

    The message is rendered with its arguments first, since it is their
    values (an order's e-mail) that carry the data; arguments that do not fit
    the message are dropped rather than raising in the caller. The exception
    keeps its traceback object for handlers that render it themselves (error
    e-mails, which ScrubbedAdminEmailHandler scrubs as a whole).
    """

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 arguments that do not fit: keep the bare message
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class ScrubbedAdminEmailHandler(AdminEmailHandler):
    """Django's error e-mail to ADMINS, sent straight to the mail server (not
    through the shop's outbox), with its whole text scrubbed."""

    def send_mail(self, subject, message, *args, **kwargs):
        if kwargs.get("html_message"):
            kwargs["html_message"] = scrub(kwargs["html_message"])
        super().send_mail(scrub(subject), scrub(message), *args, **kwargs)


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports name the posted fields and cookies but show none of their
    values (addresses, names, session ids), nor the visitor's IP address."""

    private_meta = ("REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP")

    def get_post_parameters(self, request):
        if request is None or not self.is_active(request):
            return super().get_post_parameters(request)
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_cookies(self, request):
        if not self.is_active(request):
            return super().get_safe_cookies(request)
        return dict.fromkeys(request.COOKIES, self.cleansed_substitute)

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        if self.is_active(request):
            for key in self.private_meta:
                if key in meta:
                    meta[key] = self.cleansed_substitute
        return meta


def scrub_sentry_event(event, hint=None):
    """``before_send`` (and ``before_breadcrumb``) for sentry-sdk: every
    string in the event, scrubbed."""
    return _scrub_all(event)


def _scrub_all(value):
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {key: _scrub_all(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub_all(item) for item in value)
    return value
