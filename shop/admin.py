"""Admin for what the project app owns: the e-mail outbox and footer pages.
Of django-axes' records only the sign-in lockouts are shown (deleting one
lifts it); the shop keeps no log of sign-ins."""

from axes.models import AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.flatpages.admin import FlatPageAdmin as CoreFlatPageAdmin
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.template import TemplateDoesNotExist, loader

from shop import mail
from shop.models import OutgoingEmail


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
        results = [mail.send(pk) for pk in queryset.values_list("pk", flat=True)]
        self.message_user(
            request,
            f"{results.count(True)} sent, {results.count(False)} not sent.",
            messages.SUCCESS if all(results) else messages.WARNING,
        )


FOOTER_TEMPLATES = "flatpages/"


class FlatPageForm(CoreFlatPageAdmin.form):
    def clean_template_name(self):
        """Any other template is drawn without the context it needs (one
        renders the dashboard's frame, some fail outright)."""
        name = self.cleaned_data["template_name"].strip()
        if not name:
            return name
        problem = None
        if not name.startswith(FOOTER_TEMPLATES) or ".." in name:
            problem = "it is not a footer page template"
        else:
            try:
                loader.get_template(name)
            except TemplateDoesNotExist:
                problem = "it does not exist"
        if problem:
            raise forms.ValidationError(
                f"Choose a template in {FOOTER_TEMPLATES}, such as "
                f"{FOOTER_TEMPLATES}default.html, or leave this empty: "
                f"“{name}” can't be used because {problem}."
            )
        return name


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class FlatPageAdmin(CoreFlatPageAdmin):
    """Footer pages. Editors write the address, title and HTML (cleaned when
    shown, see shop/sanitising.py); which template draws the page, who may see
    it and on which site it appears are for superusers."""

    form = FlatPageForm
    editor_fieldsets = ((None, {"fields": ("url", "title", "content")}),)

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.editor_fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["content"].help_text = (
            "HTML. Headings (h2–h4), paragraphs, lists, links, emphasis, quotes "
            "and tables are kept; scripts, styles, pictures and frames are removed "
            "when the page is shown."
        )
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        page = form.instance
        if not page.sites.exists():  # editors don't choose; this shop's site
            page.sites.add(Site.objects.get_current())


admin.site.unregister(AccessLog)
admin.site.unregister(AccessFailureLog)
