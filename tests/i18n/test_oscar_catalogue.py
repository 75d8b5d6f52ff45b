"""Every Oscar string a customer can read has a Bokmål translation.

The msgids are extracted from Oscar's files (tests/i18n/oscar_sources.py) at
test time, the way `makemessages` does: templates through Django's
templatize, then xgettext with Django's keywords. So an Oscar upgrade that
adds or rewords a string fails here until locale_oscar has it.
"""

import shutil
import subprocess
from pathlib import Path

import oscar
import polib
import pytest
from django.utils.translation.template import templatize

from tests.i18n.oscar_sources import OSCAR_SOURCES

OSCAR_DIR = Path(oscar.__file__).resolve().parent
CATALOGUE = (
    Path(__file__).resolve().parents[2] / "locale_oscar/nb/LC_MESSAGES/django.po"
)
# As makemessages passes them (on top of xgettext's own Python keywords).
KEYWORDS = [
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext:1,2",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "pgettext_lazy:1c,2",
    "npgettext:1c,2,3",
    "npgettext_lazy:1c,2,3",
]


def tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} (GNU gettext) is needed to check the Oscar catalogue")
    return path


def extract(sources, folder):
    """The msgids of Oscar's files, as a polib catalogue."""
    files = []
    for relative in sources:
        source = OSCAR_DIR / relative
        if source.suffix == ".py":
            files.append(source)
            continue
        python = folder / (relative.replace("/", "__") + ".py")
        python.write_text(
            templatize(source.read_text(encoding="utf-8"), origin=str(source)),
            encoding="utf-8",
        )
        files.append(python)
    result = subprocess.run(
        [
            tool("xgettext"),
            "--language=Python",
            "--from-code=UTF-8",
            "--output=-",
            *(f"--keyword={keyword}" for keyword in KEYWORDS),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return polib.pofile(result.stdout) if result.stdout else polib.POFile()


def test_every_listed_oscar_file_exists():
    missing = [path for path in OSCAR_SOURCES if not (OSCAR_DIR / path).is_file()]
    assert not missing, f"Oscar no longer has: {missing}"


def test_catalogue_is_valid():
    subprocess.run(
        [tool("msgfmt"), "--check", "-o", "/dev/null", str(CATALOGUE)], check=True
    )
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.metadata["Language"] == "nb"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


def test_every_customer_string_of_oscar_has_bokmal(tmp_path):
    catalogue = {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(CATALOGUE))
        if not entry.obsolete
    }
    extracted = extract(OSCAR_SOURCES, tmp_path)
    assert len(extracted) > 300  # extraction works at all

    problems = []
    for source in extracted:
        where = source.occurrences[0][0] if source.occurrences else "?"
        name = f"{source.msgid!r} (context {source.msgctxt!r}, {where})"
        entry = catalogue.get((source.msgctxt, source.msgid))
        if entry is None:
            problems.append(f"missing: {name}")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {name}")
        elif (entry.msgid_plural or "") != (source.msgid_plural or ""):
            problems.append(f"plural differs: {name}")
        elif source.msgid_plural:
            if len(entry.msgstr_plural) != 2 or not all(entry.msgstr_plural.values()):
                problems.append(f"untranslated plural: {name}")
        elif not entry.msgstr.strip():
            problems.append(f"untranslated: {name}")
    assert not problems, "\n".join(problems)
