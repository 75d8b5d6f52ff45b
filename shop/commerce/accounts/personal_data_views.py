""" "Download my data": the account page that explains it, and the JSON file
with every section of shop/core/personal_data.py.

The file's keys are English in both languages (it is read by programs as
much as by people, and one set of names keeps it the same file whichever
language the customer reads the shop in); the page says so. It is made for
the signed-in customer only, never stored by a browser or proxy, and a few
files an hour per account are enough (SHOP_DATA_EXPORT_RATE).
"""

import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_ratelimit.core import get_usage

from shop.core import personal_data
from shop.security.rate_limits import wait_minutes

logger = logging.getLogger(__name__)


def seconds_until_next_file(request):
    """0 when this account may have another file now (and it is counted),
    else the seconds to wait. Fails open, like the mail limits."""
    try:
        usage = get_usage(
            request,
            group="personal-data-export",
            key=lambda group, request: str(request.user.pk),
            rate=settings.SHOP_DATA_EXPORT_RATE,
            increment=True,
        )
    except Exception as error:  # noqa: BLE001 the cache is down: let it through
        logger.warning(
            "Rate limit skipped, cache unavailable: %s", type(error).__name__
        )
        return 0
    if usage and usage["should_limit"]:
        return max(usage["time_left"], 1)
    return 0


def file_for(user):
    return {
        "shop": settings.SHOP_COMPANY["name"],
        "exported_at": timezone.now().isoformat(),
        "sections": personal_data.export_for(user),
    }


class PersonalDataView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/personal_data.html"
    extra_context = {"page_title": _("Your data"), "active_tab": "data"}


@method_decorator(never_cache, name="dispatch")
class PersonalDataDownloadView(LoginRequiredMixin, View):
    def get(self, request):
        wait = seconds_until_next_file(request)
        if wait:
            minutes = wait_minutes(wait)
            messages.error(
                request,
                ngettext(
                    "You have downloaded your data several times in a short "
                    "while. Please try again in about %(minutes)d minute.",
                    "You have downloaded your data several times in a short "
                    "while. Please try again in about %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            return redirect("customer:personal-data")
        content = json.dumps(
            file_for(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
        )
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        filename = f"skinome-data-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        patch_cache_control(response, private=True, no_store=True)
        return response
