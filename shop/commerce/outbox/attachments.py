"""Files an e-mail carries (an invoice, the withdrawal form), made when it is
sent rather than when it is queued.

An outgoing e-mail stores only which files it carries: a maker's name and
the arguments to call it with (``{"maker": "documents.sales_document",
"args": {"pk": 7}}``). The app that owns a document registers its maker here
from its ``ready()``; the outbox stays below every app that sends mail. Making
the PDF at send time keeps it out of the checkout's request and out of the
database, and a retry makes it again from the same stored facts.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/pdf"


_makers = {}


def register(name, maker):
    """``maker(**args)`` returns an Attachment."""
    _makers[name] = maker


def describe(name, **args):
    """What an e-mail stores to carry the file ``name`` makes from ``args``."""
    if name not in _makers:
        raise LookupError(f"No attachment maker named {name!r}")
    return {"maker": name, "args": args}


def make(description) -> Attachment:
    return _makers[description["maker"]](**description["args"])
