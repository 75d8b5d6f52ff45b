"""Hostile input for the fuzz tests: what a browser never sends but anyone can.

Text is percent-encoded from its UTF-8 bytes with surrogates passed through,
so lone surrogates arrive as the invalid bytes a raw client would send; raw
pieces ("%zz", a bare "%") go into the request exactly as written.
"""

from urllib.parse import quote

from hypothesis import strategies as st

RAW = st.sampled_from(
    ["%", "%0", "%zz", "%00", "%ff", "%ED%A0%80", "%c0%af", "%25", "+", "&", "=", ";"]
)
SPECIAL = st.sampled_from(
    [
        "\x00",
        "a\x00b",
        "\ud800",
        "\udfff",
        "\ufeff",
        "\u202e",
        "ÆØÅ æøå",
        "99999999999999999999999999",
        "-99999999999999999999",
        "-1",
        "0",
        "1e309",
        "NaN",
        "inf",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "' OR '1'='1",
        " ",
        "",
        "x" * 5000,
    ]
)
# Every code point, NUL and lone surrogates included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)


def encode(text):
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def encoded(plausible=()):
    """A percent-encoded value: hostile, random, or one a browser would send."""
    texts = st.one_of(SPECIAL, ANY_TEXT, st.integers().map(str), *plausible)
    return st.one_of(texts.map(encode), RAW)


def query_pairs(names=()):
    """Pairs for a query string or form body: known and random names."""
    name = st.one_of(st.sampled_from(names), encoded()) if names else encoded()
    return st.lists(st.tuples(name, encoded()), max_size=6)


def form_body(fields):
    """An ``application/x-www-form-urlencoded`` body for a form.

    ``fields`` maps each field name to a strategy of plausible values; every
    field may also be hostile, random or missing, and random fields may follow.
    """
    known = st.fixed_dictionaries(
        {},
        optional={
            name: encoded([st.sampled_from(values)] if values else [])
            for name, values in fields.items()
        },
    )
    return st.tuples(known, query_pairs()).map(
        lambda parts: "&".join(
            [f"{encode(name)}={value}" for name, value in parts[0].items()]
            + [f"{name}={value}" for name, value in parts[1]]
        )
    )


def path_segment():
    return st.lists(
        st.one_of(ANY_TEXT.map(encode), RAW, SPECIAL.map(encode)), max_size=3
    ).map("".join)
