"""Admin for what the project app owns: the e-mail outbox. Of django-axes'
records only the sign-in lockouts are shown (deleting one lifts it); the
shop keeps no log of sign-ins."""

from axes.models import AccessFailureLog, AccessLog
from django.contrib import admin, messages

from shop import mail
from shop.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """Read-only: staff see what was sent and what waits, and can retry."""

    list_display = ("subject", "recipients", "created_at", "sent_at", "attempts")
    list_filter = (("sent_at", admin.EmptyFieldListFilter),)
    search_fields = ("subject", "to")
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]
    actions = ["send_now"]

    @admin.display(description="to")
    def recipients(self, email):
        return ", ".join(email.to)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Send the selected e-mails now")
    def send_now(self, request, queryset):
        results = [mail.send(pk) for pk in queryset.values_list("pk", flat=True)]
        self.message_user(
            request,
            f"{results.count(True)} sent, {results.count(False)} not sent.",
            messages.SUCCESS if all(results) else messages.WARNING,
        )


admin.site.unregister(AccessLog)
admin.site.unregister(AccessFailureLog)
