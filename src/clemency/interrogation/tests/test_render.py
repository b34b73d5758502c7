"""The HTML and PDF reports, checked as images (Chromium screenshot, pdftoppm) and as text."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from clemency.interrogation import render_html, render_pdf
from clemency.interrogation.timeline import KINDS


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail(f"{names[0]} is required in CI")
    pytest.skip(f"{names[0]} is not installed")


def _coloured(image: Image.Image, rgb: tuple[int, int, int], tolerance: int = 40) -> int:
    data = image.convert("RGB").resize((image.width // 2, image.height // 2)).tobytes()
    pixels = (data[i : i + 3] for i in range(0, len(data), 3))
    return sum(1 for px in pixels if all(abs(a - b) <= tolerance for a, b in zip(px, rgb, strict=True)))


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.fixture(scope="module")
def html(dassey_report) -> str:
    return render_html(dassey_report)


def test_html_quotes_the_record_with_page_cites(html, dassey_report):
    assert "Who shot her in the head?" in html
    assert "(Tr. p. 587, line 1445, STATE4658)" in html
    assert "does not say whether any statement or confession is true or false" in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert all(f">{f.fact.id}</text>" in svg for f in dassey_report.facts)  # one row per fact


def test_html_renders_to_a_picture_with_the_timeline(html, tmp_path):
    chromium = _tool("chromium", "chromium-browser", "google-chrome")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={shot}",
            "--window-size=1000,1300",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    image = Image.open(shot)
    assert 900 <= image.width <= 1100 and image.height >= 1000
    assert _coloured(image, (255, 255, 255), 10) < image.width * image.height * 0.95 / 4  # not blank
    assert _coloured(image, _hex(KINDS["interrogator"][0])) > 20  # interrogator marks drawn
    assert _coloured(image, _hex(KINDS["independent"][0])) > 20


@pytest.fixture(scope="module")
def pdf(dassey_report) -> bytes:
    return render_pdf(dassey_report)


def test_pdf_text_carries_the_flags_and_cites(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "INTERROGATOR_FIRST" in text and "shot_in_head" in text
    assert "p. 587, line 1445" in text
    assert "Who shot her in the head?" in text


def test_pdf_renders_to_a_picture_with_the_timeline(pdf, tmp_path):
    pdftoppm = _tool("pdftoppm")
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", "60", "-f", "1", "-l", "1", "-png", str(source), str(tmp_path / "p")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    image = Image.open(next(Path(tmp_path).glob("p*.png")))
    assert 480 <= image.width <= 520 and 690 <= image.height <= 720  # A4 at 60 dpi
    assert _coloured(image, (255, 255, 255), 10) < image.width * image.height / 4
    assert _coloured(image, _hex(KINDS["interrogator"][0])) > 10
    assert _coloured(image, _hex(KINDS["echo"][0])) > 10
