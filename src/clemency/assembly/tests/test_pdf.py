"""PDF output through LibreOffice: real conversions, read back with pdftotext, compared with
committed reference images."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from clemency.assembly import demo
from clemency.assembly.catalog import TEMPLATES
from clemency.assembly.errors import ConversionError
from clemency.assembly.pdf import docx_to_pdf, soffice_path
from clemency.assembly.render import render_docx, render_pdf
from clemency.assembly.tests.helpers import first_page_png, mean_pixel_difference, page_texts

# One worker runs the LibreOffice tests, so session fixtures start LibreOffice once (CI: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("assembly-libreoffice")

REFERENCE_DIR = Path(__file__).parent / "reference"
# Mean grey-level difference (0-255) allowed between a fresh render and its reference image:
# room for anti-aliasing noise, far below what a moved or changed line of text produces.
TOLERANCE = 2.0


def test_docx_to_pdf_converts_a_preview_with_its_draft_mark(soffice):
    context = demo.federal_commutation()
    pdf = docx_to_pdf(render_docx("federal_commutation_petition", context, "preview"))
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page_texts(pdf))
    assert "DRAFT - NOT FOR FILING" in text
    assert "Aurelio Bram Okonkwo-Reyes" in text
    assert "40417-000" in text


def test_generated_pdfs_are_tagged_for_screen_readers(template_pdfs):
    for name, pdf in template_pdfs.items():
        root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"], name
        assert "/StructTreeRoot" in root, name


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_pdf_contains_the_persons_data(name, template_pdfs):
    context = demo.DEMO_FOR_TEMPLATE[name]()
    text = " ".join(" ".join(page_texts(template_pdfs[name])).split())
    assert context.person.full_name in text
    assert context.case.reference in text
    assert "DRAFT" not in text  # the final variant


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_first_page_matches_its_reference_image(name, template_pdfs, tmp_path):
    reference = REFERENCE_DIR / f"{name}.png"
    assert reference.is_file(), f"no reference image; run make_reference_images.py and commit {reference}"
    rendered = first_page_png(template_pdfs[name], tmp_path)
    difference = mean_pixel_difference(rendered, reference)
    assert difference <= TOLERANCE, f"{name}: mean pixel difference {difference:.2f} > {TOLERANCE}"


def test_image_comparison_notices_a_different_document(template_pdfs, tmp_path):
    rendered = first_page_png(template_pdfs["governor_letter"], tmp_path)
    assert mean_pixel_difference(rendered, REFERENCE_DIR / "support_letter_request.png") > TOLERANCE


def test_redacted_pdf_hides_the_register_number(soffice):
    pdf = render_pdf("federal_commutation_petition", demo.federal_commutation(), "final", redacted=True)
    text = "\n".join(page_texts(pdf))
    assert "40417-000" not in text
    assert "REDACTED PUBLIC COPY" in text


def test_missing_libreoffice_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("CLEMENCY_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ConversionError, match="LibreOffice is not installed"):
        soffice_path()
    with pytest.raises(ConversionError, match="LibreOffice is not installed"):
        docx_to_pdf(b"PK not really a docx")


def test_configured_soffice_path_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEMENCY_SOFFICE", str(tmp_path / "no-soffice"))
    with pytest.raises(ConversionError, match="does not exist"):
        soffice_path()


def test_bytes_that_are_not_a_docx_are_refused_before_conversion(soffice):
    with pytest.raises(ConversionError, match="not a valid zip archive"):
        docx_to_pdf(b"this is not a word document at all")
    with pytest.raises(ConversionError, match="empty file"):
        docx_to_pdf(b"")
