"""One unusual exhibit never fails the whole bundle: it is left out by name, and the rest is built.
Plain text is bundled as PDF pages."""

from __future__ import annotations

import io
import struct
import zlib

from pypdf import PdfReader

from clemency.assembly.bundle import build_bundle
from clemency.assembly.exhibits import ExhibitSource, Skipped, prepare_exhibits


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims width x height pixels (a decompression bomb's header; no pixels follow)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 10)) + \
        chunk(b"IEND", b"")


def _pdf(label: str) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, label)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_400_megapixel_image_is_left_out_by_name_and_the_rest_is_bundled():
    exhibits = [ExhibitSource("Huge scan", "huge.png", _png_header(20_000, 20_000)),
                ExhibitSource("Letter", "letter.pdf", _pdf("Letter"))]
    result = build_bundle(exhibits, "EX", "Exhibits")
    assert [s.filename for s in result.skipped] == ["huge.png"]
    assert "400,000,000" in result.skipped[0].reason or "too large" in result.skipped[0].reason
    assert result.page_count >= 2


def test_any_failure_reading_one_exhibit_names_it(monkeypatch):
    from clemency.assembly import exhibits as module

    def explode(data):
        raise MemoryError("stream too large")

    monkeypatch.setattr(module, "open_pdf", explode)
    [skipped] = prepare_exhibits([ExhibitSource("Big", "big.pdf", b"%PDF-1.4 ...")])
    assert isinstance(skipped, Skipped) and skipped.filename == "big.pdf"
    assert "MemoryError" in skipped.reason


def test_plain_text_is_bundled_as_pages():
    text = ("A letter of support.\n" + "A long line that goes on. " * 30 + "\n") * 80
    [reader] = prepare_exhibits([ExhibitSource("Letter", "letter.txt", text.encode())])
    assert isinstance(reader, PdfReader) and len(reader.pages) >= 2
    assert "A letter of support." in reader.pages[0].extract_text()
