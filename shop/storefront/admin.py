"""Footer pages in admin: their HTML cleaned, their template one of ours."""

from django import forms
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin as CoreFlatPageAdmin
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.template import TemplateDoesNotExist, loader

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
    shown, see shop/core/sanitising.py); which template draws the page, who may see
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
