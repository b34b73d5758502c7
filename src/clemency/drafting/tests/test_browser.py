"""In a real Chromium: from a case, draft a DOCX petition and assemble a bundled PDF; check both files."""

from __future__ import annotations

import re

import pytest

from clemency.conftest import sign_in
from clemency.drafting.tests.helpers import docx_text, make_federal_case, make_pdf, page_texts, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_docx_draft_and_a_bundled_pdf_from_the_case_page(browser_page, cast, tmp_path):
    case = make_federal_case(cast.team)
    warden = upload(case, cast.attorney, "Letter from the warden", make_pdf(2, "Warden letter"), "warden.pdf")
    ged = upload(case, cast.attorney, "GED certificate", make_pdf(1, "GED certificate"), "ged.pdf")
    page = browser_page
    sign_in(page, "attorney")

    # A draft: only templates that apply can be picked; the others say why not.
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Draft a document").click()
    page.get_by_text("Templates that do not apply").click()
    assert "does not apply: the person is still in custody" in page.content()
    page.get_by_label("Petition for commutation of a federal sentence").check()
    page.get_by_label("DOCX (editable in Word)").check()
    page.get_by_role("button", name="Generate").click()
    page.get_by_text("Generated “Petition for commutation of a federal sentence").wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"^Download Petition for commutation")).click()
    draft = download_info.value
    assert draft.suggested_filename.endswith("-federal_commutation_petition-preview.docx")
    with open(draft.path(), "rb") as handle:
        text = docx_text(handle.read())
    assert "Ambrose Testwood" in text and "1:95-cr-00001" in text

    # A bundle: the GED certificate first, then the warden's letter, Bates prefix AT-.
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Assemble an exhibit bundle").click()
    page.locator(f"#id_include_{warden.pk}").check()
    page.locator(f"#id_order_{warden.pk}").fill("2")
    page.locator(f"#id_include_{ged.pk}").check()
    page.locator(f"#id_order_{ged.pk}").fill("1")
    page.get_by_label("Bates prefix").fill("AT-")
    page.get_by_role("button", name="Assemble bundle").click()
    page.get_by_role("heading", name="Status: Done").wait_for()
    assert "AT-000001-AT-000006" in page.locator("#bundle-status").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the bundle (PDF)").click()
    with open(download_info.value.path(), "rb") as handle:
        pages = page_texts(handle.read())

    assert len(pages) == 1 + (1 + 1) + (1 + 2)
    for number, text in enumerate(pages, start=1):
        assert f"AT-{number:06d}" in text
    contents = pages[0]
    assert "TABLE OF CONTENTS" in contents
    # Each contents line names the exhibit, its first Bates number and its page; the page is where
    # its cover sheet really is.
    listed = re.findall(r"Exhibit ([A-Z])\n(.+)\n(AT-\d{6})\n(\d+)", contents)
    assert [(label, name) for label, name, _, _ in listed] == [
        ("A", "GED certificate"),
        ("B", "Letter from the warden"),
    ]
    for label, name, bates, page_number in listed:
        cover = pages[int(page_number) - 1]
        assert f"Exhibit {label}" in cover and name in cover and bates in cover
    assert "GED certificate page 1" in pages[2]
    assert "Warden letter page 1" in pages[4] and "Warden letter page 2" in pages[5]
