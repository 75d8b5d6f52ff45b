"""Footer pages in admin: their HTML cleaned, their template one of ours, and
their address, title and content in both languages (shop/core/admin_languages.py)."""

from django import forms
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin as CoreFlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm as CoreFlatPageForm
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.validators import RegexValidator
from django.template import TemplateDoesNotExist, loader
from django.utils.translation import gettext

from shop.core.admin_languages import BilingualAdmin
from shop.core.languages import language_codes
from shop.storefront.footer_pages import language_prefix

FOOTER_TEMPLATES = "flatpages/"
ADDRESS_EXAMPLES = {"nb": "/sider/personvern/", "en": "/pages/privacy/"}


class FlatPageForm(CoreFlatPageForm):
    """Django's form knows one address per page; ours has one per language
    (``url_nb``, ``url_en``), each checked as Django checks its one."""

    url = None

    def __init__(self, *args, **kwargs):
        # Django's __init__ only rewords the help text of the one address.
        super(CoreFlatPageForm, self).__init__(*args, **kwargs)
        address = CoreFlatPageForm.base_fields["url"]
        characters = [v for v in address.validators if isinstance(v, RegexValidator)]
        for code in language_codes():
            field = self.fields.get(f"url_{code}")
            if field is None:
                continue
            field.validators = [*field.validators, *characters]
            field.error_messages = {
                **field.error_messages,
                "invalid": address.error_messages["invalid"],
            }
            example = ADDRESS_EXAMPLES.get(code, "/pages/example/")
            prefix = language_prefix(code)
            field.help_text = (
                f"Without a language prefix, with a slash at both ends, such as "
                f"“{example}”" + (f" (shown at {prefix}{example})." if prefix else ".")
            )

    def clean(self):
        for code in language_codes():
            name = f"url_{code}"
            if self.cleaned_data.get(name):
                self.check_address(name, self.cleaned_data[name])
        # Not Django's clean(), which looks for a duplicate of the one address.
        return forms.ModelForm.clean(self)

    def check_address(self, name, url):
        if not url.startswith("/"):
            self.add_error(name, gettext("URL is missing a leading slash."))
            return
        if self._trailing_slash_required() and not url.endswith("/"):
            self.add_error(name, gettext("URL is missing a trailing slash."))
            return
        same_url = FlatPage.objects.filter(**{name: url})
        if self.instance.pk:
            same_url = same_url.exclude(pk=self.instance.pk)
        for site in self.sites_of_page():
            if same_url.filter(sites=site).exists():
                self.add_error(
                    name,
                    forms.ValidationError(
                        gettext(
                            "Flatpage with url %(url)s already exists for site %(site)s"
                        ),
                        code="duplicate_url",
                        params={"url": url, "site": site},
                    ),
                )
                return

    def sites_of_page(self):
        """The sites the page will be on: those chosen, or for editors, who
        don't choose, the page's own or else this shop's (see save_related)."""
        if "sites" in self.fields:
            return self.cleaned_data.get("sites") or []
        if self.instance.pk and self.instance.sites.exists():
            return list(self.instance.sites.all())
        return [Site.objects.get_current()]

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
class FlatPageAdmin(BilingualAdmin, CoreFlatPageAdmin):
    """Footer pages. Editors write the address, title and HTML (cleaned when
    shown, see shop/core/sanitising.py); which template draws the page, who may see
    it and on which site it appears are for superusers."""

    form = FlatPageForm
    editor_fieldsets = ((None, {"fields": ("url", "title", "content")}),)

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self._patch_fieldsets(self.editor_fieldsets)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        for name in self.localized_fields("content"):
            form.base_fields[name].help_text = (
                "HTML. Headings (h2–h4), paragraphs, lists, links, emphasis, quotes "
                "and tables are kept; scripts, styles, pictures and frames are "
                "removed when the page is shown."
            )
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        page = form.instance
        if not page.sites.exists():  # editors don't choose; this shop's site
            page.sites.add(Site.objects.get_current())
