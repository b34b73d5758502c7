"""In a real Chromium: a volunteer uploads a document to a case, and a wrong file is refused."""

from __future__ import annotations

import pytest

from clemency.conftest import sign_in
from clemency.documents.models import Document
from clemency.documents.tests import samples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_uploading_a_document_in_the_browser(browser_page, cast, case, tmp_path):
    page = browser_page
    wrong = tmp_path / "support.pdf"
    wrong.write_bytes(samples.image("PNG"))
    good = tmp_path / "support-letter.pdf"
    good.write_bytes(samples.pdf())

    sign_in(page, "volunteer")
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Upload a document").click()

    page.get_by_label("File").set_input_files(str(wrong))
    page.get_by_label("Kind").select_option("letter_of_support")
    page.get_by_role("button", name="Upload").click()
    error = page.locator("#id_file_error")
    assert "content is PNG image" in error.inner_text()
    assert not Document.objects.exists()

    page.get_by_label("File").set_input_files(str(good))
    page.get_by_label("Kind").select_option("letter_of_support")
    page.get_by_label("Title").fill("Letter from the prison chaplain")
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("heading", name="Letter from the prison chaplain").wait_for()
    assert "application/pdf" in page.content()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download").click()
    download = download_info.value
    assert download.suggested_filename == "support-letter.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read() == good.read_bytes()

    page.goto(f"/cases/{case.pk}/")
    assert "Letter from the prison chaplain" in page.locator("#documents-panel").inner_text()
    document = Document.objects.get()
    assert document.uploaded_by == cast.volunteer and document.original_name == "support-letter.pdf"
