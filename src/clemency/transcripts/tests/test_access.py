"""Who sees what: a hidden case's transcripts are 404 everywhere; a privileged transcript's text and
reports only for privileged readers (students and volunteers with an attorney's grant)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.transcripts.models import Transcript, TranscriptAnalysis
from clemency.transcripts.tests.conftest import attach, upload
from clemency.transcripts.tests.samples import FACTS, SPEAKERS, TRANSCRIPT

pytestmark = pytest.mark.django_db

ANALYSIS_PAGES = ["analysis", "analysis-status", "analysis-json", "analysis-html", "analysis-pdf"]
ANALYSIS_ACTIONS = ["analysis-speakers", "analysis-add-document"]


def _urls(analysis):
    transcript = analysis.transcript
    return (
        [reverse(f"transcripts:{name}", args=[transcript.pk]) for name in ("detail", "analyze", "download")]
        + [reverse(f"transcripts:{name}", args=[analysis.pk]) for name in ANALYSIS_PAGES + ANALYSIS_ACTIONS]
        + [
            reverse("transcripts:create", args=[transcript.case_id]),
            reverse("transcript-detail", args=[transcript.pk]),
            reverse("transcript-analysis-detail", args=[analysis.pk]),
        ]
    )


def test_an_outsider_gets_404_everywhere_and_changes_nothing(client, analysis, cast):
    client.force_login(cast.outsider)
    for url in _urls(analysis):
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {"speakers": SPEAKERS}).status_code in (404, 405), url
    assert TranscriptAnalysis.objects.count() == 1 and analysis.transcript.case.documents.count() == 0
    assert client.get(reverse("transcripts:list")).content.decode().count("Marsh interview") == 0
    assert client.get(reverse("transcript-list")).json()["count"] == 0
    assert client.get(reverse("transcript-analysis-list")).json()["count"] == 0


def test_an_outsider_cannot_attach_to_a_hidden_case(client, other_case, cast):
    client.force_login(cast.staff)
    response = client.post(
        reverse("transcripts:create", args=[other_case.pk]),
        {
            "transcript_file": upload("interview.txt", TRANSCRIPT),
            "facts_file": upload("facts.yaml", FACTS),
        },
    )
    assert response.status_code == 404 and not Transcript.objects.exists()


@pytest.mark.parametrize("role", ["student", "volunteer", "read_only"])
def test_those_without_privilege_are_refused_a_privileged_report(client, analysis, cast, role):
    client.force_login(getattr(cast, role))
    for name in ANALYSIS_PAGES:
        response = client.get(reverse(f"transcripts:{name}", args=[analysis.pk]))
        assert response.status_code == 403, name
        assert b"rope" not in response.content
    assert client.get(reverse("transcripts:download", args=[analysis.transcript.pk])).status_code == 403
    detail = client.get(reverse("transcripts:detail", args=[analysis.transcript.pk]))
    assert detail.status_code == 200 and b"This transcript is privileged" in detail.content
    assert reverse("transcripts:analysis", args=[analysis.pk]).encode() not in detail.content
    api = client.get(reverse("transcript-analysis-detail", args=[analysis.pk])).json()
    assert api["result"] is None and api["downloads"] is None and api["flags"] is None
    assert "privileged" in api["report_withheld"]
    assert not AuditEvent.objects.filter(action="transcript.report_read").exists()


def test_a_student_cannot_rerun_or_file_a_privileged_report(client, analysis, cast):
    client.force_login(cast.student)
    assert (
        client.post(
            reverse("transcripts:analysis-speakers", args=[analysis.pk]), {"speakers": SPEAKERS}
        ).status_code
        == 403
    )
    assert client.post(reverse("transcripts:analysis-add-document", args=[analysis.pk])).status_code == 403
    assert TranscriptAnalysis.objects.count() == 1 and analysis.transcript.case.documents.count() == 0


def test_an_attorneys_grant_lets_a_student_read_it_and_the_read_is_audited(client, analysis, cast):
    from clemency.cases.models import PrivilegeGrant

    PrivilegeGrant.objects.create(case=analysis.transcript.case, user=cast.student, granted_by=cast.attorney)
    client.force_login(cast.student)
    page = client.get(reverse("transcripts:analysis", args=[analysis.pk]))
    assert page.status_code == 200 and b"Was he tied up with a rope?" in page.content
    event = AuditEvent.objects.get(action="transcript.report_read")
    assert event.actor == cast.student


def test_a_transcript_that_is_not_privileged_is_read_by_the_whole_team(client, case, cast):
    analysis = attach(case, cast.staff, privileged=False)
    client.force_login(cast.read_only)
    assert client.get(reverse("transcripts:analysis", args=[analysis.pk])).status_code == 200
    # ...but a read-only member still cannot change anything.
    assert (
        client.post(
            reverse("transcripts:analysis-speakers", args=[analysis.pk]), {"speakers": SPEAKERS}
        ).status_code
        == 403
    )
    assert client.post(reverse("transcripts:analysis-add-document", args=[analysis.pk])).status_code == 403
    assert client.get(reverse("transcripts:create", args=[case.pk])).status_code == 403


def test_a_student_who_attaches_a_privileged_transcript_is_sent_to_its_page_not_a_refusal(client, case, cast):
    client.force_login(cast.student)
    response = client.post(
        reverse("transcripts:create", args=[case.pk]),
        {
            "transcript_file": upload("interview.txt", TRANSCRIPT),
            "facts_file": upload("facts.yaml", FACTS),
            "privileged": "on",
        },
    )
    transcript = Transcript.objects.get()
    assert response["Location"] == reverse("transcripts:detail", args=[transcript.pk])
    assert client.get(response["Location"]).status_code == 200
