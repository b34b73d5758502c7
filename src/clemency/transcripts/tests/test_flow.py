"""The whole flow on the platform, as a lawyer would use it: attach, read, correct, file, bundle.
And the real record: the published Dassey transcript (read from ../shared through the library's own
path helper, never copied into the repository) goes through the same pages."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.transcripts.models import TranscriptAnalysis
from clemency.transcripts.tests.conftest import flag, upload
from clemency.transcripts.tests.samples import FACTS, TRANSCRIPT, WRONG_SPEAKERS

pytestmark = pytest.mark.django_db


def test_attach_read_correct_the_speakers_file_and_bundle(client, case, cast):
    from clemency.drafting.models import Bundle

    client.force_login(cast.attorney)
    case_page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert reverse("transcripts:create", args=[case.pk]) in case_page
    # 1. Attach with a speaker map that gets Marsh's role wrong.
    response = client.post(
        reverse("transcripts:create", args=[case.pk]),
        {
            "title": "Marsh interview, 3 June",
            "transcript_file": upload("marsh.txt", TRANSCRIPT),
            "facts_file": upload("facts.yaml", FACTS),
            "speakers_file": upload("speakers.yaml", WRONG_SPEAKERS),
            "privileged": "on",
        },
    )
    first = TranscriptAnalysis.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "The map given for this analysis." in page
    assert flag(first, "phone_in_lake") == "NEVER_STATED"
    # 2. Correct the map on the page and run again.
    corrected = (
        first.proposed_speakers.replace("role: other", "role: TMP")
        .replace("role: suspect", "role: interrogator")
        .replace("role: TMP", "role: suspect")
    )
    response = client.post(reverse("transcripts:analysis-speakers", args=[first.pk]), {"speakers": corrected})
    second = TranscriptAnalysis.objects.exclude(pk=first.pk).get()
    assert response["Location"] == reverse("transcripts:analysis", args=[second.pk])
    assert flag(second, "phone_in_lake") == "SUSPECT_FIRST"
    assert flag(second, "tied_with_rope") == "INTERROGATOR_FIRST"
    # 3. The JSON download carries the cites a brief needs.
    data = json.loads(
        b"".join(client.get(reverse("transcripts:analysis-json", args=[second.pk])).streaming_content)
    )
    rope = next(f for f in data["facts"] if f["id"] == "tied_with_rope")
    assert rope["first_mention"]["line"] == 13 and rope["first_mention"]["role"] == "interrogator"
    # 4. Keep the PDF among the case documents, then bundle it through the drafting pages' service.
    client.post(reverse("transcripts:analysis-add-document", args=[second.pk]))
    second.refresh_from_db()
    document = second.case_document
    documents_page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Fact provenance report: Marsh interview, 3 June" in documents_page
    from clemency.drafting.services import ExhibitChoice, request_bundle

    bundle = request_bundle(
        case, actor=cast.attorney, exhibits=[ExhibitChoice(document)], title="Exhibits", background=False
    )
    assert Bundle.objects.get(pk=bundle.pk).status == "done"
    actions = set(AuditEvent.objects.filter(case_id=case.pk).values_list("action", flat=True))
    assert {
        "transcript.uploaded",
        "transcript.analysis_finished",
        "transcript.report_read",
        "transcript.report_added_to_documents",
        "document.uploaded",
    } <= actions


def test_the_published_dassey_transcript_goes_through_the_platform(client, case, cast):
    from clemency.interrogation.tests.conftest import FIXTURES, dassey_path

    client.force_login(cast.attorney)
    response = client.post(
        reverse("transcripts:create", args=[case.pk]),
        {
            "transcript_file": upload("dassey_2006-03-01_ocr.txt", dassey_path().read_bytes()),
            "facts_file": upload("dassey_facts.yaml", (FIXTURES / "dassey_facts.yaml").read_text("utf-8")),
            "privileged": "on",
        },
    )
    analysis = TranscriptAnalysis.objects.get()
    assert response.status_code == 302 and analysis.status == "done", analysis.error_message
    head = next(f for f in analysis.result["facts"] if f["id"] == "shot_in_head")
    assert head["flag"] == "INTERROGATOR_FIRST"
    assert (head["first_mention"]["line"], head["first_mention"]["page"]) == (1445, 587)
    page = client.get(response["Location"]).content.decode()
    assert "Who shot her in the head?" in page
    assert "<style" not in page and "<script>" not in page
    # The proposed speaker map names the suspect, for the lawyer to check.
    assert "role: suspect" in analysis.proposed_speakers
