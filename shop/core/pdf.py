"""PDF documents the shop writes (invoices, receipts, credit notes, the
withdrawal form, packing slips): one page layout, built on fpdf2.

fpdf2 is pure Python (no system libraries, unlike WeasyPrint's Pango), fast
enough to write a document while an e-mail is sent, and well kept. The font
is bundled (Liberation Sans, fonts/LICENSE) so every name a customer can type
prints, and the documents look the same on every server.

Texts arrive as plain strings: a PDF has no markup to inject into, so what
staff and customers wrote is printed as written.
"""

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "LiberationSans"
LINE = 5.5  # mm, one line of body text
NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}


class Document(FPDF):
    """An A4 page with the shop's font, a title and helpers for the parts
    every document has: blocks of lines, label/value pairs and tables."""

    def __init__(self, *, title: str, author: str = "", language: str = "nb"):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.add_font(FAMILY, "", FONTS / "LiberationSans-Regular.ttf")
        self.add_font(FAMILY, "B", FONTS / "LiberationSans-Bold.ttf")
        self.set_title(title)
        self.set_author(author)
        self.set_creator(author)
        self.set_lang(language)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.add_page()
        self.set_font(FAMILY, size=10)

    def title_line(self, text: str) -> None:
        self.set_font(FAMILY, "B", 16)
        self.cell(0, 10, text, **NEXT_LINE)
        self.set_font(FAMILY, size=10)
        self.ln(2)

    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font(FAMILY, "B", 11)
        self.cell(0, 7, text, **NEXT_LINE)
        self.set_font(FAMILY, size=10)

    def paragraph(self, text: str) -> None:
        self.multi_cell(0, LINE, text, **NEXT_LINE)

    def lines(self, lines, *, bold_first: bool = False) -> None:
        """A block of short lines (an address, the seller's details)."""
        for index, text in enumerate(line for line in lines if line):
            self.set_font(FAMILY, "B" if bold_first and index == 0 else "", 10)
            self.cell(0, LINE, text, **NEXT_LINE)
        self.set_font(FAMILY, size=10)

    def pairs(self, pairs, *, label_width: float = 55) -> None:
        """Label and value side by side, one pair per line."""
        for label, value in pairs:
            self.set_font(FAMILY, "B", 10)
            self.cell(label_width, LINE, label)
            self.set_font(FAMILY, size=10)
            self.multi_cell(0, LINE, str(value), **NEXT_LINE)

    def table(self, header, rows, *, widths, align, bold_last: bool = False) -> None:
        """Rows under a header; ``widths`` in mm, ``align`` "L"/"R" per column."""
        self.set_font(FAMILY, "B", 9)
        for text, width, side in zip(header, widths, align, strict=True):
            self.cell(width, 7, text, border="B", align=side)
        self.ln()
        self.set_font(FAMILY, size=9)
        for index, row in enumerate(rows):
            if bold_last and index == len(rows) - 1:
                self.set_font(FAMILY, "B", 9)
            for text, width, side in zip(row, widths, align, strict=True):
                self.cell(width, 6, str(text), align=side)
            self.ln()
        self.set_font(FAMILY, size=10)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
