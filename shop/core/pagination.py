"""Paginated lists that answer a bad page number with the first page."""

from django.contrib import messages
from django.core.paginator import InvalidPage
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class ForgivingPaginationMixin:
    """``?page=999`` or ``?page=x`` sends the reader to page 1 with a note,
    instead of a 404 for a link that merely went stale."""

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404 as error:
            raise InvalidPage from error

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except InvalidPage:
            messages.error(
                request, _("That page does not exist; here is the first one.")
            )
            return redirect(request.path)
