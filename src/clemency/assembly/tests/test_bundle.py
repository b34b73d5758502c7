"""Exhibit bundles, checked by opening the produced PDF: text, Bates numbers, contents page
numbers against where each exhibit really starts, bookmarks, digests, broken uploads."""

import hashlib
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from clemency.assembly import demo
from clemency.assembly.bundle import build_bundle
from clemency.assembly.errors import AssemblyError
from clemency.assembly.exhibits import ExhibitSource
from clemency.assembly.render import render_docx
from clemency.assembly.stamping import exhibit_label
from clemency.assembly.tests.helpers import make_encrypted_pdf, make_image, make_pdf, page_texts

# One worker runs the LibreOffice tests, so session fixtures start LibreOffice once (CI: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("assembly-libreoffice")

PREFIX = "LSC-0117-"
BATES_RE = re.compile(re.escape(PREFIX) + r"\d{6}")


def _bates_per_page(pdf: bytes) -> list[list[str]]:
    return [BATES_RE.findall(text) for text in page_texts(pdf)]


def _cover_pages(pdf: bytes) -> dict[str, int]:
    """Exhibit label -> 1-based page whose text is that exhibit's cover sheet."""
    found = {}
    for number, text in enumerate(page_texts(pdf), start=1):
        match = re.search(r"^\s*Exhibit ([A-Z]+)\s*$", text, re.MULTILINE)
        if match and "Source file:" in text:
            found[match.group(1)] = number
    return found


def _toc_numbers(pdf: bytes, toc_pages: int) -> dict[str, int]:
    """Exhibit label -> page number printed in the table of contents."""
    numbers = {}
    for text in page_texts(pdf)[:toc_pages]:
        for label, page in re.findall(
            r"Exhibit ([A-Z]+)\s.*?\s" + re.escape(PREFIX) + r"\d{6}\s+(\d+)\s*$", text, re.MULTILINE
        ):
            numbers[label] = int(page)
    return numbers


def _outline(pdf: bytes) -> list[tuple[str, int]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]


@pytest.fixture(scope="module")
def mixed_bundle(soffice):
    petition = render_docx("federal_commutation_petition", demo.federal_commutation(), "final")
    landscape = make_pdf(2, "Disciplinary record", size=(792, 612))
    rotated = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1, "Rotated certificate"))))
    rotated.pages[0].rotate(90)
    rotated_out = io.BytesIO()
    rotated.write(rotated_out)
    exhibits = [
        ExhibitSource("Petition for commutation", "petition.docx", petition),
        ExhibitSource("Letter from his daughter", "letter.pdf", make_pdf(3, "Daughter letter")),
        ExhibitSource("Corrupt scan", "scan-broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"),
        ExhibitSource("BOP disciplinary record", "discipline.pdf", landscape),
        ExhibitSource("Password-protected medical file", "medical.pdf", make_encrypted_pdf()),
        ExhibitSource("Photo of certificate (JPEG)", "cert.jpg", make_image("JPEG")),
        ExhibitSource("Empty upload", "empty.pdf", b""),
        ExhibitSource("Programme certificate (PNG)", "programme.png", make_image("PNG")),
        ExhibitSource("Phone photo (HEIC)", "IMG_0042.HEIC", make_image("HEIF")),
        ExhibitSource("Truncated photo", "cut.jpg", make_image("JPEG")[:200]),
        ExhibitSource("Notes", "notes.xyz", b"\x00\x01 not a kind we take"),
        ExhibitSource("Rotated certificate", "rotated.pdf", rotated_out.getvalue()),
    ]
    progress = []
    result = build_bundle(
        exhibits,
        PREFIX,
        "Exhibits in support of Aurelio Okonkwo-Reyes",
        50_000_000,
        on_progress=lambda done, total: progress.append((done, total)),
    )
    return exhibits, result, progress


def test_broken_uploads_are_reported_by_name_and_left_out(mixed_bundle):
    _, result, _ = mixed_bundle
    reasons = {s.filename: s.reason for s in result.skipped}
    assert set(reasons) == {"scan-broken.pdf", "medical.pdf", "empty.pdf", "cut.jpg", "notes.xyz"}
    assert "corrupt" in reasons["scan-broken.pdf"]
    assert "encrypted" in reasons["medical.pdf"]
    assert reasons["empty.pdf"] == "empty file (0 bytes)"
    assert "unreadable image" in reasons["cut.jpg"]
    assert "unsupported file type" in reasons["notes.xyz"]
    assert any("medical.pdf (Password-protected medical file) left out" in w for w in result.warnings)


def test_exhibits_are_labelled_in_order(mixed_bundle):
    _, result, _ = mixed_bundle
    assert [(e.label, e.filename) for e in result.toc] == [
        ("A", "petition.docx"),
        ("B", "letter.pdf"),
        ("C", "discipline.pdf"),
        ("D", "cert.jpg"),
        ("E", "programme.png"),
        ("F", "IMG_0042.HEIC"),
        ("G", "rotated.pdf"),
    ]
    assert [e.page_count for e in result.toc][1:] == [3, 2, 1, 1, 1, 1]


def test_toc_page_numbers_are_where_each_exhibit_starts(mixed_bundle):
    _, result, _ = mixed_bundle
    covers = _cover_pages(result.pdf_bytes)
    printed = _toc_numbers(result.pdf_bytes, result.toc_page_count)
    assert covers == {e.label: e.start_page for e in result.toc}
    assert printed == covers


def test_every_page_carries_its_bates_number_in_order(mixed_bundle):
    _, result, _ = mixed_bundle
    stamps = _bates_per_page(result.pdf_bytes)
    assert len(stamps) == result.page_count == len(PdfReader(io.BytesIO(result.pdf_bytes)).pages)
    expected = [f"{PREFIX}{n:06d}" for n in range(1, result.page_count + 1)]
    # the stamp is the last Bates-shaped text on each page (contents pages also list exhibits' starts)
    assert [page[-1] for page in stamps] == expected
    assert result.bates_first == expected[0] and result.bates_last == expected[-1]


def test_bundle_text_holds_the_person_exhibit_labels_and_exhibit_content(mixed_bundle):
    _, result, _ = mixed_bundle
    text = "\n".join(page_texts(result.pdf_bytes))
    assert "Aurelio Bram Okonkwo-Reyes" in text  # from the DOCX petition
    assert "40417-000" in text
    assert "Daughter letter page 3" in text
    assert "Disciplinary record page 2" in text
    assert "Rotated certificate page 1" in text
    labels = re.findall(r"^\s*Exhibit ([A-Z]+)\s*$", text, re.MULTILINE)
    assert labels == ["A", "B", "C", "D", "E", "F", "G"]


def test_bookmarks_point_at_each_exhibit(mixed_bundle):
    _, result, _ = mixed_bundle
    outline = _outline(result.pdf_bytes)
    assert outline[0] == ("Table of contents", 1)
    assert outline[1:] == [(f"Exhibit {e.label}: {e.name}", e.start_page) for e in result.toc]


def test_sources_and_output_are_recorded_with_sha256(mixed_bundle):
    exhibits, result, _ = mixed_bundle
    assert [s.sha256 for s in result.sources] == [hashlib.sha256(e.data).hexdigest() for e in exhibits]
    included = {s.filename for s in result.sources if s.included}
    assert included == {e.filename for e in result.toc}
    assert result.output_sha256 == hashlib.sha256(result.pdf_bytes).hexdigest()
    assert result.size_bytes == len(result.pdf_bytes)
    assert not result.over_size_limit


def test_progress_is_reported_to_completion(mixed_bundle):
    exhibits, _, progress = mixed_bundle
    total = len(exhibits) + 1
    assert progress[-1] == (total, total)
    assert [done for done, _ in progress] == list(range(1, total + 1))


def test_long_contents_spanning_pages_still_point_at_the_right_pages():
    exhibits = [
        ExhibitSource(
            f"Letter of support number {i} from a friend of the family",
            f"support-{i}.pdf",
            make_pdf(1 + i % 3, f"Support {i}"),
        )
        for i in range(60)
    ]
    result = build_bundle(exhibits, PREFIX, "Letters of support")
    assert result.toc_page_count >= 2
    assert result.toc[26].label == "AA"
    covers = _cover_pages(result.pdf_bytes)
    assert covers == {e.label: e.start_page for e in result.toc}
    assert _toc_numbers(result.pdf_bytes, result.toc_page_count) == covers
    assert result.toc[0].start_page == result.toc_page_count + 1


def test_size_above_the_limit_warns():
    result = build_bundle([ExhibitSource("Letter", "l.pdf", make_pdf(2, "x"))], PREFIX, "Small", 1_000)
    assert result.over_size_limit
    assert any("above the limit of 1.0 kB" in w for w in result.warnings)


def test_redacted_bundle_leaves_out_exhibits_not_marked_public():
    exhibits = [
        ExhibitSource("Public letter", "public.pdf", make_pdf(1, "Public")),
        ExhibitSource("Medical records", "medical.pdf", make_pdf(2, "Medical"), public=False),
    ]
    result = build_bundle(exhibits, PREFIX, "Public copy", redacted=True)
    assert [e.filename for e in result.toc] == ["public.pdf"]
    assert [(s.filename, s.reason) for s in result.skipped] == [
        ("medical.pdf", "not marked public: left out of the redacted copy")
    ]
    assert "Medical page" not in "\n".join(page_texts(result.pdf_bytes))
    full = build_bundle(exhibits, PREFIX, "Full copy")
    assert [e.filename for e in full.toc] == ["public.pdf", "medical.pdf"]


def test_all_exhibits_broken_still_returns_a_report():
    result = build_bundle([ExhibitSource("Empty", "e.pdf", b"")], PREFIX, "Nothing")
    assert result.toc == []
    assert result.page_count == 1
    assert any("no exhibit could be included" in w for w in result.warnings)


def test_bates_start_and_prefix_are_configurable():
    result = build_bundle([ExhibitSource("One", "one.pdf", make_pdf(1, "One"))], "DOJ", "T", bates_start=500)
    assert result.bates_range == "DOJ000500-DOJ000502"
    with pytest.raises(AssemblyError, match="bates_start must be 0 or more"):
        build_bundle([], "X", "T", bates_start=-1)


def test_exhibit_labels_run_past_z():
    assert [exhibit_label(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


@settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=4), st.text("abcdefgh ", min_size=1, max_size=140)),
        min_size=1,
        max_size=70,
    )
)
def test_contents_page_numbers_match_cover_pages_for_any_bundle(shape):
    exhibits = [
        ExhibitSource(f"Exhibit {i} {words}", f"f{i}.pdf", make_pdf(pages, f"Doc {i}"))
        for i, (pages, words) in enumerate(shape)
    ]
    result = build_bundle(exhibits, PREFIX, "Property")
    covers = _cover_pages(result.pdf_bytes)
    assert covers == {e.label: e.start_page for e in result.toc}
    assert _toc_numbers(result.pdf_bytes, result.toc_page_count) == covers
    assert result.page_count == result.toc_page_count + sum(1 + pages for pages, _ in shape)


def test_a_cover_sheet_gives_the_exhibits_own_pages_and_their_bates_numbers():
    """A cover saying "1 page" names that page's one Bates number, not the cover's and the page's."""
    result = build_bundle(
        [ExhibitSource("One-page letter", "letter.pdf", make_pdf(1, "Letter")),
         ExhibitSource("Three-page record", "record.pdf", make_pdf(3, "Record"))],
        bates_prefix="THORN-",
    )
    texts = page_texts(result.pdf_bytes)
    first_cover = next(t for t in texts if "One-page letter" in t and "Source file:" in t)
    second_cover = next(t for t in texts if "Three-page record" in t and "Source file:" in t)
    toc = result.toc_page_count
    assert f"1 page after this cover sheet, Bates THORN-{toc + 2:06d}" in first_cover
    assert f"THORN-{toc + 2:06d} to" not in first_cover  # one page, one number
    assert (f"3 pages after this cover sheet, Bates THORN-{toc + 4:06d} to THORN-{toc + 6:06d}"
            in " ".join(second_cover.split()))
