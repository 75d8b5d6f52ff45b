"""Markdown bodies: sanitised HTML, headings, shortcodes and reading time."""

from html.parser import HTMLParser

import markdown
import pytest

from articles.rendering import Card, _render, count_words, render_body

XSS_ATTEMPTS = [
    "<script>alert('body')</script>",
    "<img src=x onerror=alert('img')>",
    "[click](javascript:alert('link'))",
    "<a href=\"javascript:alert('raw')\">raw</a>",
    '<a href="/ok" onclick="alert(\'click\')">ok</a>',
    '<iframe src="https://evil.example"></iframe>',
    "<svg onload=alert('svg')></svg>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


def html_of(text):
    return "".join(part for part in _render(text).parts if isinstance(part, str))


class Elements(HTMLParser):
    """Every element and attribute a browser would build from some HTML."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize("attempt", XSS_ATTEMPTS)
def test_no_script_event_handler_or_dangerous_link_survives(attempt):
    html = html_of(f"Before.\n\n{attempt}\n\nAfter.")

    elements = Elements(html).found
    tags = {tag for tag, _ in elements}
    assert tags <= {"p", "a"}, tags
    for _, attrs in elements:
        assert not [name for name in attrs if name.startswith("on")]
        assert "style" not in attrs
        href = (attrs.get("href") or "").replace(" ", "").lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:"))
    assert "After." in html


def test_safe_markdown_keeps_its_structure():
    html = html_of(
        "Some **bold**, *italic* and a [link](/catalogue/).\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    for tag in ("<strong>", "<em>", '<a href="/catalogue/">', "<ul>", "<ol>"):
        assert tag in html
    assert "<blockquote>" in html and "<table>" in html


def test_external_links_are_kept_without_rel_that_would_hide_them():
    html = html_of("[Read](https://example.org/x)")
    assert '<a href="https://example.org/x">Read</a>' in html


def test_headings_get_anchors_and_h2s_make_the_table_of_contents():
    body = _render("# Promoted\n\nx\n\n## What helps & why\n\n### Detail\n\n## Avoid")

    html = "".join(body.parts)
    assert "<h1" not in html  # the title is the page's only h1
    assert '<h2 id="promoted">Promoted</h2>' in html
    assert '<h3 id="detail">Detail</h3>' in html
    assert [(h.id, h.text) for h in body.headings] == [
        ("promoted", "Promoted"),
        ("what-helps-why", "What helps & why"),
        ("avoid", "Avoid"),
    ]


def test_shortcodes_on_their_own_line_become_cards_in_order():
    body = _render(
        "Intro.\n\n[[product:intense-emulsion]]\n\nMiddle.\n\n"
        "  [[routine:the-routine]]  \n\nEnd."
    )

    kinds = [type(part).__name__ for part in body.parts]
    assert kinds == ["str", "Card", "str", "Card", "str"]
    assert body.cards == [
        Card("product", "intense-emulsion"),
        Card("routine", "the-routine"),
    ]
    assert body.problems == []


def test_misused_shortcodes_are_left_out_and_explained_to_staff():
    body = _render("Buy [[product:cream]] today.\n\n[[video:clip]]\n")

    html = "".join(part for part in body.parts if isinstance(part, str))
    assert "[[" not in html
    assert body.cards == []
    assert any("[[video:clip]]" in problem for problem in body.problems)
    assert any("line of its own" in problem for problem in body.problems)


def test_shortcode_text_cannot_smuggle_markup():
    body = _render('[[product:"><script>alert(1)</script>]]')
    html = "".join(part for part in body.parts if isinstance(part, str))
    assert "<script" not in html
    assert body.cards == []


def test_reading_time_counts_words_not_markup():
    assert count_words("## Title\n\nIt's a well-known **fact**. [[product:x]]") == 5


def test_rendered_bodies_are_cached_by_content(monkeypatch):
    conversions = []
    convert = markdown.Markdown.convert

    def counted_convert(converter, text):
        conversions.append(text)
        return convert(converter, text)

    monkeypatch.setattr(markdown.Markdown, "convert", counted_convert)

    first = render_body("## A\n\ntext")
    assert render_body("## A\n\ntext") == first
    assert len(conversions) == 1  # the second render came from the cache

    assert render_body("## B\n\ntext").headings[0].id == "b"
    assert len(conversions) == 2  # changed text is converted anew
