"""The English interface strings a Bokmål page must not show.

Taken from the catalogues themselves: every msgid whose Bokmål differs from
it (a msgid translated to itself, "Skinome" or "OK", is the same in both).
A msgid with placeholders or markup is looked for by its longest literal
part, when that is long enough to be telling; short words and texts
without letters are left out, as they match too much.
"""

import re
from functools import cache
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = (
    ROOT / "locale/nb/LC_MESSAGES/django.po",
    ROOT / "locale_oscar/nb/LC_MESSAGES/django.po",
)
SHORTEST = 4
SHORTEST_PART = 12
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[#0 +-]*\d*(?:\.\d+)?[sdifr]")
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def needle(english):
    """The text of ``english`` to look for on a page, or None."""
    english = " ".join(english.split())
    if PLACEHOLDER.search(english) or TAG.search(english):
        parts = [
            part.strip() for part in TAG.split(" ".join(PLACEHOLDER.split(english)))
        ]
        longest = max(parts, key=len)
        return longest if len(longest) >= SHORTEST_PART else None
    if len(english) < SHORTEST or not re.search(r"[A-Za-z]", english):
        return None
    return english


def translated_forms(entry):
    """(English, Bokmål) of each form of an entry."""
    if entry.msgid_plural:
        return [
            (entry.msgid, entry.msgstr_plural.get(0, "")),
            (entry.msgid_plural, entry.msgstr_plural.get(1, "")),
        ]
    return [(entry.msgid, entry.msgstr)]


@cache
def english_strings():
    """{text to look for: pattern} of every English interface string."""
    found = {}
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.msgctxt == "URL":
                continue  # address words are no text on the page
            for english, bokmaal in translated_forms(entry):
                text = needle(english)
                if text is None or english == bokmaal or text in needle_of(bokmaal):
                    continue
                found[text] = pattern(text)
    return found


def needle_of(bokmaal):
    return " ".join(bokmaal.split())


def pattern(text):
    """``text`` as a whole word or phrase, case-sensitive: "Total" is
    not found in "Totalt"."""
    start = r"(?<!\w)" if re.match(r"\w", text) else ""
    end = r"(?!\w)" if re.search(r"\w$", text) else ""
    return re.compile(start + re.escape(text) + end)


def english_on(text):
    """The English strings found in ``text``, each with what surrounds it."""
    hits = []
    for english, compiled in english_strings().items():
        match = compiled.search(text)
        if match:
            context = text[max(0, match.start() - 40) : match.end() + 40]
            hits.append(f"{english!r} in …{context}…")
    return hits
