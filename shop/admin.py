"""Of django-axes' records, admin shows only the sign-in lockouts (deleting
one lifts it): the shop keeps no log of sign-ins."""

from axes.models import AccessFailureLog, AccessLog
from django.contrib import admin

admin.site.unregister(AccessLog)
admin.site.unregister(AccessFailureLog)
