"""Shared helpers for the assembly tests: synthetic exhibits and text extraction from PDFs."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas


def make_pdf(pages: int, label: str, size: tuple[float, float] = letter) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=size)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, size[1] - 100, f"{label} page {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def make_encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1, "secret"))))
    writer.encrypt(user_password="opensesame", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_image(
    fmt: str, size: tuple[int, int] = (640, 480), color: tuple[int, int, int] = (30, 90, 160)
) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    image.save(out, fmt)
    return out.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    """Text of each page; pdftotext (poppler) when installed, pypdf otherwise."""
    if shutil.which("pdftotext"):
        completed = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        )
        pages = completed.stdout.decode().split("\f")
        return pages[: len(PdfReader(io.BytesIO(pdf)).pages)]
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def first_page_png(pdf: bytes, workdir: Path, dpi: int = 50) -> Path:
    source = workdir / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(workdir / "page"),
        ],
        check=True,
    )
    return workdir / "page.png"


def mean_pixel_difference(a: Path, b: Path) -> float:
    """Mean absolute grey-level difference (0-255); images of different sizes differ completely."""
    from PIL import ImageChops, ImageStat

    first, second = Image.open(a).convert("L"), Image.open(b).convert("L")
    if first.size != second.size:
        return 255.0
    return float(ImageStat.Stat(ImageChops.difference(first, second)).mean[0])
