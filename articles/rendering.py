"""Article bodies: Markdown in, sanitised HTML, headings and card slots out.

Staff write Markdown. It is turned into HTML by Python-Markdown and then
cleaned by nh3 against the shop's allow-list (shop/core/sanitising.py, shared with
footer pages), so whatever is typed (or pasted) into the body, no script,
event handler, style or ``javascript:`` link reaches a page. Shortcodes such
as ``[[product:intense-emulsion]]`` on a line of their own become card slots,
filled with live data when the page is shown.
"""

import hashlib
import html
import re
from dataclasses import dataclass, field
from enum import StrEnum

import markdown
import nh3
from django.core.cache import cache
from markdown.treeprocessors import Treeprocessor

from shop.core import sanitising

# Bump when the output for the same Markdown changes, so cached bodies renew.
RENDERER_VERSION = 2
CACHE_SECONDS = 24 * 60 * 60

SHORTCODE_ON_OWN_LINE = re.compile(
    r"^[ \t]*\[\[[ \t]*(?P<kind>\w+)[ \t]*:[ \t]*(?P<slug>[\w-]+)[ \t]*\]\][ \t]*$",
    re.MULTILINE,
)
ANY_SHORTCODE = re.compile(r"\[\[[^\[\]\n]*\]\]")
# Alphanumeric so neither Markdown nor nh3 changes it.
CARD_MARKER = "skinomecardslot{}end"
CARD_PARAGRAPH = re.compile(r"<p>\s*skinomecardslot(\d+)end\s*</p>")


class CardKind(StrEnum):
    """What a shortcode's card shows: ``[[product:slug]]``, ``[[routine:slug]]``."""

    PRODUCT = "product"
    ROUTINE = "routine"


@dataclass(frozen=True)
class Card:
    kind: CardKind
    slug: str

    @property
    def shortcode(self) -> str:
        return f"[[{self.kind}:{self.slug}]]"


@dataclass(frozen=True)
class Heading:
    id: str
    text: str


@dataclass
class RenderedBody:
    """Sanitised HTML pieces with cards between them, plus what was derived."""

    # str (sanitised HTML) or Card, in reading order.
    parts: list[str | Card] = field(default_factory=list)
    # The h2 sections, in order.
    headings: list[Heading] = field(default_factory=list)
    # Shown to staff in the preview.
    problems: list[str] = field(default_factory=list)

    @property
    def cards(self) -> list[Card]:
        return [part for part in self.parts if isinstance(part, Card)]


class DemoteTopHeadings(Treeprocessor):
    """The article's title is the page's only h1, so ``# x`` becomes an h2."""

    def run(self, root):
        for element in root.iter("h1"):
            element.tag = "h2"


class ShopMarkdownExtension(markdown.Extension):
    def extendMarkdown(self, md):  # Markdown's API name
        # Above the table-of-contents processor (priority 5) so it sees h2s.
        md.treeprocessors.register(DemoteTopHeadings(md), "demote_h1", 30)


def render_body(text: str) -> RenderedBody:
    """The body of an article, from the cache when this exact text was seen."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    key = f"articles:body:v{RENDERER_VERSION}:{digest}"
    return cache.get_or_set(key, lambda: _render(text), CACHE_SECONDS)


def _render(text):
    body = RenderedBody()
    cards = []

    def to_marker(match):
        try:
            kind = CardKind(match["kind"].lower())
        except ValueError:
            body.problems.append(
                f"“{match.group().strip()}” is not a known shortcode; use "
                "[[product:slug]] or [[routine:slug]]."
            )
            return ""
        cards.append(Card(kind, match["slug"]))
        return "\n" + CARD_MARKER.format(len(cards) - 1) + "\n"

    text = SHORTCODE_ON_OWN_LINE.sub(to_marker, text)

    def drop_inline(match):
        body.problems.append(
            f"“{match.group()}” must stand on a line of its own to show a card; "
            "it is left out of the page."
        )
        return ""

    text = ANY_SHORTCODE.sub(drop_inline, text)

    converter = markdown.Markdown(
        extensions=["toc", "tables", "sane_lists", "smarty", ShopMarkdownExtension()],
        extension_configs={"toc": {"toc_depth": "2-4"}},
    )
    cleaned = sanitising.clean_html(converter.convert(text))
    body.headings = [
        Heading(token["id"], _plain(token["name"]))
        for token in converter.toc_tokens
        if token["level"] == 2
    ]

    pieces = CARD_PARAGRAPH.split(cleaned)
    for position, piece in enumerate(pieces):
        if position % 2:
            body.parts.append(cards[int(piece)])
        elif piece.strip():
            body.parts.append(piece)
    return body


def _plain(html_text):
    return html.unescape(nh3.clean(html_text, tags=set())).strip()


def count_words(text: str) -> int:
    """Words a reader reads: shortcodes and Markdown punctuation don't count."""
    return len(re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", ANY_SHORTCODE.sub("", text)))
