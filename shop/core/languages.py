"""The shop's two languages: translated address words and each page's
address in the other language.

Bokmål is the main language and lives at the root; English lives under
/en/ (``i18n_patterns`` in shop/urls.py). Content keeps one column per
language (django-modeltranslation), so a product's or an article's address
in a language is its ``get_absolute_url()`` with that language active.
"""

from contextlib import suppress

from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils import translation


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def other_languages(language: str) -> list[str]:
    return [code for code in language_codes() if code != language]


def translated_path(path: str, language: str, obj=None) -> str | None:
    """``path`` (of the active language) as it reads in ``language``, or None
    if the page has no address there. Pages about an object ask the object,
    whose slug may differ per language; other pages are reversed by name."""
    if obj is not None and hasattr(obj, "get_absolute_url"):
        with translation.override(language):
            return obj.get_absolute_url()
    try:
        match = resolve(path)
    except Resolver404:
        return None
    with translation.override(language), suppress(NoReverseMatch):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    return None


def missing_translation(obj, *fields) -> str | None:
    """The language ``obj`` is shown in instead of the active one, when any
    of ``fields`` has no text in the active language (modeltranslation falls
    back to the other); None when everything is written in it."""
    active = translation.get_language()
    if all(getattr(obj, f"{name}_{active}", None) for name in fields):
        return None
    for language in other_languages(active):
        if any(getattr(obj, f"{name}_{language}", None) for name in fields):
            return language
    return None


def keep_untranslated_columns_filled(sender, instance, **kwargs):
    """pre_save of translated models: the original column of each translated
    field (``slug`` beside ``slug_nb`` and ``slug_en``) holds the main
    language's text, or the other's while that is missing. Nothing reads it,
    but its NOT NULL and UNIQUE constraints still apply."""
    from modeltranslation.translator import translator

    for name in translator.get_options_for_model(sender).all_fields:
        values = [
            getattr(instance, f"{name}_{code}", None) for code in language_codes()
        ]
        value = next((v for v in values if v), None)
        if value is not None:
            instance.__dict__[name] = value


def slug_in_any_language(slug: str, field: str = "slug"):
    """Matches what has ``slug`` in any language: a visitor may come with
    the address of the other language (a shared link), which then redirects."""
    from django.db.models import Q

    query = Q()
    for code in language_codes():
        query |= Q(**{f"{field}_{code}": slug})
    return query


def slugs_of(obj, field: str = "slug") -> set[str]:
    return {
        value
        for code in language_codes()
        if (value := getattr(obj, f"{field}_{code}", None))
    }


def find_by_slug(queryset, slug: str):
    """``(object, redirect)``: what has ``slug`` in the active language, or
    else in the other (the address of a shared link, or of a text not yet
    translated); ``redirect`` is the object's own address when that differs
    from the one asked for. Raises Http404 when nothing has the slug."""
    from django.http import Http404, HttpResponsePermanentRedirect

    found = queryset.filter(slug_in_any_language(slug)).first()
    if found is None:
        raise Http404("Nothing has this address")
    if found.slug != slug:
        return found, HttpResponsePermanentRedirect(found.get_absolute_url())
    return found, None


class SlugInEitherLanguageMixin:
    """A DetailView found by its slug in either language; the slug of the
    other language answers 301 with the page's own address."""

    def get(self, request, *args, **kwargs):
        self.object, moved = find_by_slug(self.get_queryset(), kwargs["slug"])
        if moved:
            return moved
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)


def words_in_any_language(word: str, *fields):
    """Matches ``word`` (case-insensitively) in any language of ``fields``:
    a Norwegian visitor may search in English, and the other way round."""
    from django.db.models import Q

    query = Q()
    for name in fields:
        for code in language_codes():
            query |= Q(**{f"{name}_{code}__icontains": word})
    return query
