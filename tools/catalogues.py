"""Keep the translation catalogues complete: ``make messages``.

1. ``makemessages`` (run by the Makefile before this) has collected every
   msgid of our code and templates into locale/nb/LC_MESSAGES/django.po.
2. Bokmål drafts in locale/drafts/*.po (written while marking texts) fill
   the entries still empty there.
3. The English catalogues translate every msgid to itself. Without them,
   gettext would fall back from "en" to Oscar's American English catalogue
   ("Basket" would read "Cart").
4. Every catalogue is compiled to its .mo with polib, so neither a new
   developer nor a server needs GNU gettext's msgfmt.

Prints what is still untranslated; exits 1 if anything is.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_DIRS = (ROOT / "locale", ROOT / "locale_oscar")
DRAFTS = ROOT / "locale" / "drafts"


def po_path(base: Path, language: str) -> Path:
    return base / language / "LC_MESSAGES" / "django.po"


def key(entry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def is_translated(entry) -> bool:
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def fill_from_drafts(catalogue: polib.POFile) -> int:
    drafts = {}
    for path in sorted(DRAFTS.glob("*.po")):
        for entry in polib.pofile(str(path)):
            if is_translated(entry) and "fuzzy" not in entry.flags:
                drafts.setdefault(key(entry), entry)
    filled = 0
    for entry in catalogue:
        draft = drafts.get(key(entry))
        if draft is None or (is_translated(entry) and "fuzzy" not in entry.flags):
            continue
        entry.msgstr = draft.msgstr
        entry.msgstr_plural = dict(draft.msgstr_plural)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
        filled += 1
    return filled


def english_identity(bokmaal: polib.POFile) -> polib.POFile:
    english = polib.POFile(wrapwidth=79)
    english.metadata = {
        **bokmaal.metadata,
        "Language": "en",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for entry in bokmaal:
        if entry.obsolete:
            continue
        same = polib.POEntry(
            msgctxt=entry.msgctxt,
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            occurrences=entry.occurrences,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
        )
        if entry.msgid_plural:
            same.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            same.msgstr = entry.msgid
        english.append(same)
    return english


def main() -> int:
    missing = []
    for base in CATALOGUE_DIRS:
        path = po_path(base, "nb")
        if not path.exists():
            continue
        bokmaal = polib.pofile(str(path), wrapwidth=79)
        if base.name == "locale":
            filled = fill_from_drafts(bokmaal)
            print(f"{path.relative_to(ROOT)}: {filled} filled from drafts")
        bokmaal.metadata["Language"] = "nb"
        bokmaal.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        bokmaal.save()
        english = english_identity(bokmaal)
        english_path = po_path(base, "en")
        english_path.parent.mkdir(parents=True, exist_ok=True)
        english.save(str(english_path))
        for catalogue, target in ((bokmaal, path), (english, english_path)):
            catalogue.save_as_mofile(str(target.with_suffix(".mo")))
        for entry in bokmaal:
            if not entry.obsolete and (
                not is_translated(entry) or "fuzzy" in entry.flags
            ):
                missing.append(f"{path.relative_to(ROOT)}: {entry.msgid!r}")
        done = len([e for e in bokmaal if not e.obsolete]) - len(
            [m for m in missing if m.startswith(str(path.relative_to(ROOT)))]
        )
        print(f"{path.relative_to(ROOT)}: {done} of {len(bokmaal)} translated")
    for line in missing:
        print("untranslated or fuzzy:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
