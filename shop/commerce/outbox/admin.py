"""The outbox in admin: read-only, with a "send now" for what waits, which
hands the e-mails to the worker rather than sending from staff's request."""

from django.contrib import admin, messages

from shop.commerce.outbox import tasks
from shop.commerce.outbox.models import OutgoingEmail
from shop.core import jobs


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """Read-only: staff see what was sent and what waits, and can retry.
    A sent e-mail's body is purged; only an unsent one can be read."""

    list_display = (
        "subject",
        "recipients",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "body",
    )
    list_filter = (("sent_at", admin.EmptyFieldListFilter),)
    search_fields = ("subject", "to")
    readonly_fields = ["body", *(field.name for field in OutgoingEmail._meta.fields)]
    actions = ["send_now"]

    @admin.display(description="to")
    def recipients(self, email):
        return ", ".join(email.to)

    @admin.display(description="body")
    def body(self, email):
        return "Purged after sending" if email.is_purged else "Kept until sent"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Send the selected e-mails now")
    def send_now(self, request, queryset):
        unsent = list(
            queryset.filter(sent_at__isnull=True).values_list("pk", flat=True)
        )
        for pk in unsent:
            jobs.after_commit(tasks.send_email, pk, if_unqueued=jobs.IfUnqueued.SWEEP)
        already_sent = queryset.count() - len(unsent)
        self.message_user(
            request,
            f"{len(unsent)} queued for sending, {already_sent} sent before."
            " The list shows each one's time once it is sent.",
            messages.SUCCESS,
        )
