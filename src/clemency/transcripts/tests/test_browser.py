"""In a real Chromium: an attorney attaches a transcript and facts to a case, watches the analysis
progress (htmx polling while the worker runs it), and reads a flag in the report, with no CSP error."""

from __future__ import annotations

import pytest

from clemency.conftest import sign_in
from clemency.transcripts import services
from clemency.transcripts.models import TranscriptAnalysis
from clemency.transcripts.tests.samples import FACTS, TRANSCRIPT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_attach_a_transcript_and_read_the_report(browser_page, cast, case, tmp_path, settings):
    # The dummy backend only queues: the analysis waits for the "worker" below, as in production.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    page = browser_page
    policy_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            policy_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    transcript = tmp_path / "marsh-interview.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    not_utf8 = tmp_path / "scan.txt"
    not_utf8.write_bytes("MARSH: Caf\xe9\n".encode("latin-1"))

    sign_in(page, "attorney")
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Attach a transcript").click()
    page.locator("#id_transcript_file").set_input_files(str(not_utf8))
    page.get_by_label("Facts file (YAML)").set_input_files(str(facts))
    page.get_by_role("button", name="Attach and analyse").click()
    assert "is not UTF-8 text" in page.locator("#id_transcript_file_error").inner_text()

    page.get_by_label("Title").fill("Marsh interview")
    page.locator("#id_transcript_file").set_input_files(str(transcript))
    page.get_by_label("Facts file (YAML)").set_input_files(str(facts))
    page.get_by_role("button", name="Attach and analyse").click()
    status = page.locator("#analysis-status")
    status.get_by_text("Queued").wait_for()
    assert status.get_by_role("link", name="Refresh").is_visible()

    services.execute_analysis(TranscriptAnalysis.objects.get().pk)  # the worker runs it

    # htmx polls the status, then reloads the page with the report.
    report = page.locator("article.transcript-report")
    report.wait_for()
    row = report.locator("tr", has_text="tied_with_rope")
    assert row.locator(".flag").inner_text() == "INTERROGATOR_FIRST"
    colour = row.locator(".flag").evaluate("node => getComputedStyle(node).backgroundColor")
    assert colour == "rgb(192, 57, 43)"  # our stylesheet styles the report: no inline style needed
    assert "Was he tied up with a rope?" in report.inner_text()
    assert policy_errors == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
