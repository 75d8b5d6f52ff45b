"""The part of a page that differs between guests: the header's account and
basket links (templates/includes/visitor_links.html).

base.html puts it between two markers. The page cache stores pages as a new
visitor gets them and, for a guest with a basket, puts that guest's part
between the markers (shop/storefront/page_cache.py). The template reads
nothing but its two values (signed_in, basket_items), so the part rendered
here is exactly the part a full rendering for the same guest would have.
"""

from django.template.loader import render_to_string

TEMPLATE = "includes/visitor_links.html"
START = b"<!--visitor-->"
END = b"<!--/visitor-->"


def fill(content: bytes, basket_items: int) -> bytes | None:
    """A stored page with a guest's part between the markers; None for a
    page without them (stored before a release that changed the header, or
    not made from base.html), which must be rendered for the guest."""
    start = content.find(START)
    end = content.find(END, start)
    if start == -1 or end == -1:
        return None
    # A guest: the same part base.html renders for one, from the same template.
    part = render_to_string(
        TEMPLATE, {"signed_in": False, "basket_items": basket_items}
    )
    return content[: start + len(START)] + part.encode() + content[end:]
