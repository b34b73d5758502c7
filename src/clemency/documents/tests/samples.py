"""Small real files of each type, made on the fly."""

from __future__ import annotations

import io


def pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Letter of support")
    page.save()
    return buffer.getvalue()


def image(fmt: str) -> bytes:
    from PIL import Image

    if fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def docx() -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Dear Governor,")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TEXT = "Dear Governor,\nI write in support of my friend. — A neighbour\n".encode()
