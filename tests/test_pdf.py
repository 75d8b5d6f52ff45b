"""The PDF layer every document is written with (shop/core/pdf.py)."""

import io

from pypdf import PdfReader

from shop.core.pdf import Document
from tests.helpers import text_of


def test_any_name_a_customer_types_prints_as_written():
    document = Document(title="Faktura", author="Demo AS")
    document.title_line("Faktura 10001")
    document.lines(["Åse Ødegård-Łukasz", "Storgata 1", "0150 Oslo"], bold_first=True)
    document.table(
        ["Vare", "Pris"],
        [["Intense Emulsion", "1.467,95\xa0NOK"]],
        widths=[120, 50],
        align="LR",
    )

    text = text_of(document.to_bytes())

    assert "Åse Ødegård-Łukasz" in text
    assert "0150 Oslo" in text
    assert "1.467,95" in text
    assert PdfReader(io.BytesIO(document.to_bytes())).metadata.title == "Faktura"
