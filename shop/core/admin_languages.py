"""Both languages side by side in Django admin, and which texts are missing.

Every admin of a translated model (registered in the apps' ``translation.py``)
builds on ``BilingualAdmin``, django-modeltranslation's plain
``TranslationAdmin``: each translated field is shown once per language,
Bokmål first ("title [nb]", then "title [en]"), Bokmål required where the
field itself is required and English optional. Fieldsets, ``fields``,
read-only fields, search fields and prepopulated slugs (``slug_nb`` from
``title_nb``, ``slug_en`` from ``title_en``) name the field once and get
both. Inlines use ``TranslationTabularInline``/``TranslationStackedInline``.
(The tabbed variant needs jQuery UI from a CDN and would only run with
scripts the admin's Content-Security-Policy refuses.)

Each change list also gets a "Translated" column and a "Missing translation"
filter. A record misses a language when one of its translated texts is
written in another language but is empty in that one: readers of that
language are shown the other language's text there.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.db.models import Q
from modeltranslation import settings as mt_settings
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from shop.core.languages import language_codes

# As staff call them; admin itself is in English (shop/storefront/languages.py).
LANGUAGE_NAMES = {"nb": "Bokmål", "en": "English"}
COMPLETE = "Both languages"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def main_language_field(name: str) -> str:
    """``title_nb``: the column of ``name`` in the main language."""
    return build_localized_fieldname(name, mt_settings.DEFAULT_LANGUAGE)


def translated_texts(model) -> list[str]:
    """The translated text fields of ``model`` (``title``, ``slug`` ...)."""
    options = translator.get_options_for_model(model)
    return [
        name
        for name in options.all_fields
        if isinstance(model._meta.get_field(name), models.CharField | models.TextField)
    ]


def _empty(column: str) -> Q:
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def filled_in_any_language(name: str) -> Q:
    """Records with a text in ``name`` in at least one language."""
    query = Q(pk__in=[])
    for code in language_codes():
        query |= ~_empty(build_localized_fieldname(name, code))
    return query


def missing_language_filter(model, language: str) -> Q:
    """Records that miss ``language`` (see ``missing_languages``)."""
    others = [code for code in language_codes() if code != language]
    query = Q(pk__in=[])
    for name in translated_texts(model):
        written_elsewhere = Q(pk__in=[])
        for code in others:
            written_elsewhere |= ~_empty(build_localized_fieldname(name, code))
        query |= _empty(build_localized_fieldname(name, language)) & written_elsewhere
    return query


def missing_languages(obj) -> list[str]:
    """The languages in which one of ``obj``'s translated texts is empty
    while another language has it, in the order of ``settings.LANGUAGES``."""
    codes = language_codes()
    texts = [
        {code: getattr(obj, build_localized_fieldname(name, code)) for code in codes}
        for name in translated_texts(type(obj))
    ]
    return [
        language
        for language in codes
        if any(not text[language] and any(text.values()) for text in texts)
    ]


def translation_state(obj) -> str:
    """What the list says: "English missing", or "Both languages"."""
    missing = missing_languages(obj)
    if not missing:
        return COMPLETE
    return ", ".join(f"{language_name(code)} missing" for code in missing)


class MissingTranslationFilter(admin.SimpleListFilter):
    title = "Missing translation"
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [(code, f"Missing {language_name(code)}") for code in language_codes()]

    def queryset(self, request, queryset):
        if self.value() in language_codes():
            return queryset.filter(
                missing_language_filter(queryset.model, self.value())
            )
        return queryset


class MainLanguageErrorsMixin:
    """A model's ``clean()`` reports an error on ``body``, which the form
    shows as ``body_nb`` and ``body_en``: the error goes to the main
    language's field (the model reads the text in the active language, or
    the main language's where that is empty), instead of failing with
    "has no field named 'body'"."""

    def add_error(self, field, error):
        if field is not None:
            field = self._field_for(field)
        else:
            errors = getattr(error, "error_dict", error)
            if isinstance(errors, dict):
                error = {}
                for name, messages in errors.items():
                    error.setdefault(self._field_for(name), []).extend(
                        messages if isinstance(messages, list) else [messages]
                    )
        super().add_error(field, error)

    def _field_for(self, name):
        if name == NON_FIELD_ERRORS or name in self.fields:
            return name
        localized = main_language_field(name)
        return localized if localized in self.fields else name


def with_main_language_errors(form_class: type[forms.BaseForm]):
    if issubclass(form_class, MainLanguageErrorsMixin):
        return form_class
    return type(
        form_class.__name__,
        (MainLanguageErrorsMixin, form_class),
        {"__module__": form_class.__module__},
    )


class BilingualAdmin(TranslationAdmin):
    """A translated model's admin: both languages in the form, the
    "Translated" column and the "Missing translation" filter in the list,
    and search in both languages. Put it first among the bases of an admin
    that extends another one (Oscar's, Django's)."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.form = with_main_language_errors(self.form)

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_state")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)

    def get_search_fields(self, request):
        return tuple(self.replace_orig_field(super().get_search_fields(request)))

    @admin.display(description="Translated")
    def translation_state(self, obj):
        return translation_state(obj)

    def localized_fields(self, name: str) -> list[str]:
        """``["content_nb", "content_en"]`` for ``content``."""
        return list(self.replace_orig_field([name]))
