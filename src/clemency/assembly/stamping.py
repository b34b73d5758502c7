"""The pages we draw ourselves with reportlab: table of contents, exhibit cover sheets, Bates stamps."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
MARGIN = 72.0
LINE = 16.0
BATES_SIZE = 9.0


@dataclass(frozen=True)
class TocLine:
    label: str
    name: str
    start_page: int
    bates_start: str


def exhibit_label(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: spreadsheet-style, so exhibit 27 is still a letter label."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def bates_number(prefix: str, number: int, digits: int = 6) -> str:
    return f"{prefix}{number:0{digits}d}"


def render_toc(title: str, lines: Sequence[TocLine]) -> bytes:
    """The table of contents; its length depends on the entries, so the caller re-renders
    until the page count it assumed equals the count this produces."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter)
    pdf.setTitle(title)
    width, height = letter
    page_col = 40.0
    bates_col = max([pdf.stringWidth(line.bates_start, FONT, 10) for line in lines] + [40.0]) + 16
    y = _toc_page_header(pdf, title, height, page_col, first=True)
    name_width = width - 2 * MARGIN - 80 - bates_col - page_col - 12
    for line in lines:
        wrapped = simpleSplit(line.name, FONT, 11, name_width) or [""]
        needed = LINE * len(wrapped) + 4
        if y - needed < MARGIN:
            pdf.showPage()
            y = _toc_page_header(pdf, title, height, page_col, first=False)
        pdf.setFont(FONT_BOLD, 11)
        pdf.drawString(MARGIN, y, f"Exhibit {line.label}")
        pdf.setFont(FONT, 11)
        for offset, text in enumerate(wrapped):
            pdf.drawString(MARGIN + 80, y - offset * LINE, text)
        pdf.setFont(FONT, 10)
        pdf.drawRightString(width - MARGIN - page_col, y, line.bates_start)
        pdf.setFont(FONT, 11)
        pdf.drawRightString(width - MARGIN, y, str(line.start_page))
        y -= needed
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _toc_page_header(pdf: canvas.Canvas, title: str, height: float, page_col: float, *, first: bool) -> float:
    y = height - MARGIN
    pdf.setFont(FONT_BOLD, 15 if first else 12)
    pdf.drawCentredString(letter[0] / 2, y, title if first else f"{title} (continued)")
    y -= 28
    pdf.setFont(FONT_BOLD, 12)
    pdf.drawString(MARGIN, y, "TABLE OF CONTENTS")
    pdf.setFont(FONT, 9)
    pdf.drawRightString(letter[0] - MARGIN - page_col, y, "Bates")
    pdf.drawRightString(letter[0] - MARGIN, y, "Page")
    return y - 24


@dataclass(frozen=True)
class Cover:
    label: str
    name: str
    filename: str
    page_count: int
    bates_range: str


def render_covers(title: str, covers: Sequence[Cover]) -> bytes:
    """One cover sheet per exhibit, all in one PDF (one reportlab pass is much faster than many)."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter)
    width, height = letter
    for cover in covers:
        pdf.setFont(FONT, 11)
        pdf.drawCentredString(width / 2, height - MARGIN, title)
        pdf.setFont(FONT_BOLD, 40)
        pdf.drawCentredString(width / 2, height / 2 + 40, f"Exhibit {cover.label}")
        pdf.setFont(FONT, 14)
        y = height / 2
        for text in simpleSplit(cover.name, FONT, 14, width - 2 * MARGIN):
            pdf.drawCentredString(width / 2, y, text)
            y -= 20
        pdf.setFont(FONT, 10)
        pages = f"{cover.page_count} page{'s' if cover.page_count != 1 else ''} after this cover sheet"
        pdf.drawCentredString(width / 2, y - 12, f"{pages}, Bates {cover.bates_range}")
        pdf.drawCentredString(width / 2, y - 28, f"Source file: {cover.filename}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def render_bates(numbers: Sequence[str], sizes: Sequence[tuple[float, float]]) -> bytes:
    """One overlay page per bundle page, same size, with its Bates number at the bottom right
    on a white box so it stays legible over scanned content."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for text, (width, height) in zip(numbers, sizes, strict=True):
        pdf.setPageSize((width, height))
        text_width = pdf.stringWidth(text, FONT_BOLD, BATES_SIZE)
        x, y = width - 24 - text_width, 14.0
        pdf.setFillColorRGB(1, 1, 1)
        pdf.rect(x - 3, y - 3, text_width + 6, BATES_SIZE + 5, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont(FONT_BOLD, BATES_SIZE)
        pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()
