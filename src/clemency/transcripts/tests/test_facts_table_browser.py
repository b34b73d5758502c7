"""In a real Chromium: the facts of an analysis typed into the table on the page, one mistake
corrected without retyping anything, and the analysis queued with those facts."""

from __future__ import annotations

import pytest
import yaml

from clemency.conftest import sign_in
from clemency.transcripts.models import TranscriptAnalysis
from clemency.transcripts.tests.samples import TRANSCRIPT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_facts_table_on_the_attach_page(browser_page, cast, case, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    transcript = tmp_path / "marsh-interview.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    page = browser_page
    sign_in(page, "attorney")
    page.goto(f"/transcripts/case/{case.pk}/new/")
    assert "“+” joins parts that must all appear" in page.locator("#facts-table").inner_text()
    page.get_by_label("Title").fill("Marsh interview")
    page.locator("#id_transcript_file").set_input_files(str(transcript))
    page.locator("#id_fact-0-id").fill("tied_with_rope")
    page.locator("#id_fact-0-statement").fill("The man was tied up with a rope.")
    page.locator("#id_fact-0-cues").fill("tied | tie + ")  # an empty part: the library refuses it
    page.locator("#id_fact-0-truth").select_option("true")
    page.get_by_role("button", name="Attach and analyse").click()
    assert "In the facts table: facts[tied_with_rope].cues" in page.content()
    assert page.locator("#id_fact-0-statement").input_value() == "The man was tied up with a rope."
    page.locator("#id_transcript_file").set_input_files(str(transcript))  # a browser never keeps a file
    page.locator("#id_fact-0-cues").fill("tied | tie + rope")
    page.get_by_role("button", name="Attach and analyse").click()
    page.locator("#analysis-status").get_by_text("Queued").wait_for()
    facts = yaml.safe_load(TranscriptAnalysis.objects.get().facts_file.read())
    assert facts[0]["cues"] == ["tied | tie + rope"] and facts[0]["true"] is True
