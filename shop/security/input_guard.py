"""Requests carrying characters the database cannot store are answered 400.

PostgreSQL refuses NUL in text, so a NUL in the address, the query string, a
cookie or a header (which django-axes stores on a failed sign-in) would be a
500 wherever a view or middleware queries with it. One check, before any of
them runs, answers such requests with a short plain page instead. Form fields
need no help: Django's CharFields already refuse NUL with a field error.
"""

from urllib.parse import unquote

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

UNSTORABLE = "\x00"


def carries_unstorable_input(request):
    query = unquote(request.META.get("QUERY_STRING", ""), errors="replace")
    headers = (
        value for name, value in request.META.items() if name.startswith("HTTP_")
    )
    texts = (request.path, query, *headers, *request.COOKIES.values())
    return any(UNSTORABLE in text for text in texts if isinstance(text, str))


def refuse_unstorable_input_middleware(get_response):
    def middleware(request):
        if carries_unstorable_input(request):
            return HttpResponseBadRequest(
                _(
                    "This address could not be read: it contains a character "
                    "that is not allowed. Please check the link, or go back "
                    "and try again."
                ),
                content_type="text/plain; charset=utf-8",
            )
        return get_response(request)

    return middleware
