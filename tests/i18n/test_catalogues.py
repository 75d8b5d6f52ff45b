"""The translation catalogues are complete, consistent and compiled.

Two catalogues per language: the shop's own (locale/) and the Bokmål of
Oscar's customer strings (locale_oscar/). Bokmål must translate every entry;
English translates every entry to itself, so English pages never fall back
to Oscar's American English catalogue ("Cart" for "Basket"). The .mo files
Django reads must say what the .po files say, and the .po must hold every
literal the templates translate.
"""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
BASES = ("locale", "locale_oscar")
LANGUAGES = ("nb", "en")
CATALOGUES = [(base, language) for base in BASES for language in LANGUAGES]
TEMPLATES = ROOT / "templates"

# %(name)s, %s, %d, %.2f and the like; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[#0 +-]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
NAMED_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")
# {% translate "X" %} / {% trans 'X' %}, optionally with context "C", as
# var, noop: the literal and its context.
TRANSLATE_TAG = re.compile(
    r"""\{%\s*(?:translate|trans)\s+(?P<quote>["'])(?P<msgid>.*?)(?P=quote)"""
    r"""(?P<rest>[^%]*)%\}"""
)
CONTEXT = re.compile(r"""\bcontext\s+(?P<quote>["'])(?P<context>.*?)(?P=quote)""")


def po_path(base, language):
    return ROOT / base / language / "LC_MESSAGES" / "django.po"


def load(base, language):
    return polib.pofile(str(po_path(base, language)))


def live(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def keys(catalogue):
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in live(catalogue)
    }


def name(entry):
    context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
    return f"{entry.msgid!r}{context}"


def placeholders(text):
    return sorted(match for match in PLACEHOLDER.findall(text) if match != "%%")


def translations(entry):
    """(English form, its translation) pairs of an entry: one for a plain
    entry, one per plural form (form 0 is the singular)."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(entry.msgstr_plural.items())
    ]


def compiled_entries(mo):
    return {
        (entry.msgctxt, entry.msgid): (
            entry.msgstr,
            entry.msgid_plural,
            dict(sorted(entry.msgstr_plural.items())),
        )
        for entry in mo
        if entry.msgid  # the header
    }


@pytest.mark.parametrize("base", BASES)
def test_bokmal_translates_every_entry(base):
    catalogue = load(base, "nb")
    assert catalogue.metadata["Language"] == "nb"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    entries = live(catalogue)
    assert len(entries) > 300
    problems = []
    for entry in entries:
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {name(entry)}")
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if sorted(forms) != [0, 1] or not all(
                text.strip() for text in forms.values()
            ):
                problems.append(f"plural forms not all filled: {name(entry)} {forms}")
        elif not entry.msgstr.strip():
            problems.append(f"untranslated: {name(entry)}")
    assert not catalogue.obsolete_entries(), "obsolete entries left in the catalogue"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("base", "language"), CATALOGUES)
def test_placeholders_of_the_translation_match_the_original(base, language):
    problems = []
    for entry in live(load(base, language)):
        texts = [entry.msgid, entry.msgid_plural or ""]
        if "python-format" not in entry.flags and not any(
            NAMED_PLACEHOLDER.search(text) for text in texts
        ):
            continue
        for original, translated in translations(entry):
            if placeholders(original) != placeholders(translated):
                problems.append(
                    f"{name(entry)}: {placeholders(original)} in the original, "
                    f"{placeholders(translated)} in {translated!r}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("base", BASES)
def test_english_holds_exactly_the_bokmal_msgids_and_translates_them_to_themselves(
    base,
):
    bokmaal, english = load(base, "nb"), load(base, "en")
    assert english.metadata["Language"] == "en"
    only_bokmaal = keys(bokmaal) - keys(english)
    only_english = keys(english) - keys(bokmaal)
    assert not only_bokmaal, f"missing from {base}/en: {sorted(map(str, only_bokmaal))}"
    assert not only_english, f"not in {base}/nb: {sorted(map(str, only_english))}"
    problems = [
        f"{name(entry)} reads {translated!r} in English"
        for entry in live(english)
        for original, translated in translations(entry)
        if translated != original
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("base", "language"), CATALOGUES)
def test_every_compiled_catalogue_matches_its_source(base, language, tmp_path):
    source = po_path(base, language)
    committed = source.with_suffix(".mo")
    assert committed.is_file(), f"{committed} is not compiled"
    fresh = tmp_path / "django.mo"
    polib.pofile(str(source)).save_as_mofile(str(fresh))

    expected = compiled_entries(polib.mofile(str(fresh)))
    found = compiled_entries(polib.mofile(str(committed)))
    stale = sorted(
        str(key)
        for key in expected.keys() | found.keys()
        if expected.get(key) != found.get(key)
    )
    assert not stale, f"{committed} differs from its .po at: {stale[:20]}"
    assert polib.mofile(str(committed)).metadata["Language"] == language


def template_literals():
    """(context, msgid, where) of every constant {% translate %} in templates/."""
    found = []
    for path in sorted(TEMPLATES.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".txt", ".xml"):
            continue
        text = path.read_text(encoding="utf-8")
        for match in TRANSLATE_TAG.finditer(text):
            context = CONTEXT.search(match["rest"])
            found.append(
                (
                    context["context"] if context else None,
                    match["msgid"],
                    path.relative_to(ROOT),
                )
            )
    return found


def test_every_translated_template_literal_is_in_the_catalogue():
    literals = template_literals()
    assert len(literals) > 150  # the pattern finds the tags at all
    msgids = {(entry.msgctxt, entry.msgid) for entry in live(load("locale", "nb"))}
    missing = sorted(
        f"{msgid!r} (context {context!r}) in {where}"
        for context, msgid, where in literals
        if (context, msgid) not in msgids
    )
    assert not missing, "run `make messages`:\n" + "\n".join(missing)


def runtime_translation(entry, language):
    """What Django's gettext gives for ``entry`` with ``language`` active:
    the singular, or both plural forms."""
    with translation.override(language):
        if entry.msgid_plural:
            if entry.msgctxt:
                return [
                    translation.npgettext(
                        entry.msgctxt, entry.msgid, entry.msgid_plural, n
                    )
                    for n in (1, 2)
                ]
            return [
                translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)
            ]
        if entry.msgctxt:
            return translation.pgettext(entry.msgctxt, entry.msgid)
        return translation.gettext(entry.msgid)


def expected_translation(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[0], entry.msgstr_plural[1]]
    return entry.msgstr


@pytest.mark.parametrize("language", LANGUAGES)
def test_django_reads_each_catalogue_as_written(language):
    """The shop's catalogue comes first (LOCALE_PATHS); an Oscar string the
    shop does not translate itself reads as locale_oscar has it, and no
    English text reads as Oscar's own English ("Cart")."""
    shop = {(e.msgctxt, e.msgid): e for e in live(load("locale", language))}
    oscar = {
        key: entry
        for entry in live(load("locale_oscar", language))
        if (key := (entry.msgctxt, entry.msgid)) not in shop
    }
    problems = []
    for entry in [*shop.values(), *oscar.values()]:
        found = runtime_translation(entry, language)
        if found != expected_translation(entry):
            problems.append(f"{name(entry)} reads {found!r}")
    assert not problems, "\n".join(problems)
