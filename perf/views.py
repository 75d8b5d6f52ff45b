"""The benchmark's reference page: what Django and the server cost alone.

Routed by perf/urls.py only, never by the shop's URLconf. It returns
a page of a given size without touching the database or a template, through
the same server and middleware as the shop's pages.
"""

from django.http import HttpResponse

FILLER = b"<p>" + b"x" * 93 + b"</p>\n"


def bare_page(request, size):
    size = min(size, 2_000_000)
    body = (FILLER * (size // len(FILLER) + 1))[:size]
    return HttpResponse(body, content_type="text/html; charset=utf-8")
