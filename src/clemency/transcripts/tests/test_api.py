"""The API: transcripts and analyses of visible cases only; the report only for privileged readers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.transcripts.tests.conftest import attach

pytestmark = pytest.mark.django_db


def test_lists_hold_only_the_cases_one_can_see(client, analysis, other_case, cast):
    hidden = attach(other_case, cast.outsider, title="Elsewhere interview")
    client.force_login(cast.staff)
    transcripts = client.get(reverse("transcript-list")).json()
    assert [t["id"] for t in transcripts["results"]] == [analysis.transcript.pk]
    assert transcripts["results"][0]["analyses"] == [analysis.pk]
    analyses = client.get(reverse("transcript-analysis-list")).json()["results"]
    assert [a["id"] for a in analyses] == [analysis.pk]
    assert "result" not in analyses[0]  # the list stays small; the report is in the single view
    assert analyses[0]["flags"] == {"INTERROGATOR_FIRST": 1, "SUSPECT_FIRST": 1, "NEVER_STATED": 1}
    assert client.get(reverse("transcript-detail", args=[hidden.transcript.pk])).status_code == 404
    assert client.get(reverse("transcript-analysis-detail", args=[hidden.pk])).status_code == 404


def test_filters(client, analysis, case, cast):
    attach(case, cast.staff, title="Second interview")
    client.force_login(cast.staff)
    found = client.get(reverse("transcript-list"), {"q": "second"}).json()["results"]
    assert [t["title"] for t in found] == ["Second interview"]
    by_transcript = client.get(
        reverse("transcript-analysis-list"), {"transcript": analysis.transcript.pk}
    ).json()
    assert [a["id"] for a in by_transcript["results"]] == [analysis.pk]


def test_the_single_analysis_carries_the_report_and_its_read_is_audited(client, analysis, cast):
    client.force_login(cast.attorney)
    data = client.get(reverse("transcript-analysis-detail", args=[analysis.pk])).json()
    rope = next(f for f in data["result"]["facts"] if f["id"] == "tied_with_rope")
    assert rope["flag"] == "INTERROGATOR_FIRST" and rope["first_mention"]["line"] == 13
    assert "role: suspect" in data["speaker_map"]
    assert data["downloads"]["pdf"] == reverse("transcripts:analysis-pdf", args=[analysis.pk])
    event = AuditEvent.objects.get(action="transcript.report_read")
    assert event.actor == cast.attorney and event.after["what"] == "api"


def test_the_api_is_read_only(client, analysis, cast):
    client.force_login(cast.attorney)
    assert client.post(reverse("transcript-list"), {}).status_code == 405
    assert client.delete(reverse("transcript-analysis-detail", args=[analysis.pk])).status_code == 405
