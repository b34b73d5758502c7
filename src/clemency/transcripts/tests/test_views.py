"""The pages: attach, progress, the embedded report, downloads, the speaker map, the case panel."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.transcripts.models import AnalysisStatus, TranscriptAnalysis
from clemency.transcripts.tests.conftest import flag, upload
from clemency.transcripts.tests.samples import FACTS, SPEAKERS, TRANSCRIPT
from clemency.web.tests.html_checks import inline_script_problems

pytestmark = pytest.mark.django_db


def _post_attach(client, case, **overrides):
    data = {
        "title": "Marsh interview",
        "transcript_file": upload("interview.txt", TRANSCRIPT),
        "facts_file": upload("facts.yaml", FACTS),
        "privileged": "on",
    }
    data.update(overrides)
    return client.post(reverse("transcripts:create", args=[case.pk]), data)


def test_attach_then_read_the_report_on_the_page(client, case, cast):
    client.force_login(cast.attorney)
    form = client.get(reverse("transcripts:create", args=[case.pk]))
    assert form.status_code == 200 and b"Facts file (YAML)" in form.content
    response = _post_attach(client, case)
    analysis = TranscriptAnalysis.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("transcripts:analysis", args=[analysis.pk])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert 'Status: <strong class="badge">Done</strong>' in html
    # The library's report, inside our page: its headings one level down, its own styles gone.
    assert '<article class="transcript-report"' in html and "<h2>Where each fact came from</h2>" in html
    assert 'class="flag INTERROGATOR_FIRST">INTERROGATOR_FIRST' in html
    assert "Was he tied up with a rope?" in html
    assert "<style" not in html and " style=" not in html
    assert inline_script_problems(html) == []
    assert "transcripts/report.css" in html
    # No speaker map was given: the proposed one is there to edit.
    assert "No speaker map was given" in html and "role: suspect" in html
    for kind in ("pdf", "html", "json"):
        assert reverse(f"transcripts:analysis-{kind}", args=[analysis.pk]) in html
    read = AuditEvent.objects.get(action="transcript.report_read")
    assert read.actor == cast.attorney and read.after["what"] == "page"


def test_a_report_of_a_transcript_that_is_not_privileged_is_read_without_an_audit_event(client, case, cast):
    client.force_login(cast.staff)
    _post_attach(client, case, privileged="")
    analysis = TranscriptAnalysis.objects.get()
    assert analysis.transcript.privileged is False
    assert client.get(reverse("transcripts:analysis", args=[analysis.pk])).status_code == 200
    assert not AuditEvent.objects.filter(action="transcript.report_read").exists()


def test_upload_errors_are_shown_next_to_their_fields(client, case, cast):
    client.force_login(cast.staff)
    bad_facts = FACTS.replace('cues: ["phone + lake"]', "cues: []")
    response = _post_attach(
        client,
        case,
        transcript_file=upload("interview.txt", "Caf\xe9".encode("latin-1")),
        facts_file=upload("facts.yaml", bad_facts),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_transcript_file_error"' in html and "is not UTF-8 text" in html
    assert "facts[phone_in_lake].cues: needs at least one cue" in html
    assert not TranscriptAnalysis.objects.exists()


def test_downloads_are_attachments_and_audited(client, analysis, cast):
    client.force_login(cast.staff)
    pdf = client.get(reverse("transcripts:analysis-pdf", args=[analysis.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    report = client.get(reverse("transcripts:analysis-json", args=[analysis.pk]))
    data = json.loads(b"".join(report.streaming_content))
    assert {f["id"]: f["flag"] for f in data["facts"]}["tied_with_rope"] == "INTERROGATOR_FIRST"
    page = client.get(reverse("transcripts:analysis-html", args=[analysis.pk]))
    assert page["Content-Disposition"].startswith("attachment;")
    assert (
        "sandbox" in page["Content-Security-Policy"] and "script-src" not in page["Content-Security-Policy"]
    )
    original = client.get(reverse("transcripts:download", args=[analysis.transcript.pk]))
    assert b"".join(original.streaming_content).decode() == TRANSCRIPT
    reads = AuditEvent.objects.filter(action="transcript.report_read").values_list("after__what", flat=True)
    assert sorted(reads) == ["html", "json", "pdf"]
    assert AuditEvent.objects.filter(action="transcript.downloaded", actor=cast.staff).count() == 1


def test_progress_is_polled_while_queued_and_the_page_reloads_when_done(client, analysis, cast):
    client.force_login(cast.staff)
    TranscriptAnalysis.objects.filter(pk=analysis.pk).update(status=AnalysisStatus.RUNNING, progress=50)
    status_url = reverse("transcripts:analysis-status", args=[analysis.pk])
    page = client.get(reverse("transcripts:analysis", args=[analysis.pk])).content.decode()
    assert f'hx-get="{status_url}"' in page and 'value="50"' in page
    assert ">Refresh</a>" in page  # without JavaScript
    assert "transcript-report" not in page  # no report before it is done
    running = client.get(status_url, HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in running and b"50%" in running.content
    TranscriptAnalysis.objects.filter(pk=analysis.pk).update(status=AnalysisStatus.DONE, progress=100)
    done = client.get(status_url, HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true" and b"hx-get" not in done.content


def test_a_failed_analysis_shows_why(client, analysis, cast):
    TranscriptAnalysis.objects.filter(pk=analysis.pk).update(
        status=AnalysisStatus.FAILED, error_message="facts[x].cues: needs at least one cue"
    )
    client.force_login(cast.staff)
    page = client.get(reverse("transcripts:analysis", args=[analysis.pk])).content.decode()
    assert "The analysis failed: facts[x].cues: needs at least one cue" in page
    assert client.get(reverse("transcripts:analysis-pdf", args=[analysis.pk])).status_code == 404


def test_saving_an_edited_speaker_map_runs_the_analysis_again(client, analysis, cast):
    client.force_login(cast.staff)
    response = client.post(
        reverse("transcripts:analysis-speakers", args=[analysis.pk]), {"speakers": SPEAKERS}
    )
    new = TranscriptAnalysis.objects.exclude(pk=analysis.pk).get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "transcripts:analysis", args=[new.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "The map given for this analysis." in page and "Rosa Vance" in page
    assert flag(new, "phone_in_lake") == "SUSPECT_FIRST"


def test_a_bad_speaker_map_is_refused_with_the_reason(client, analysis, cast):
    client.force_login(cast.staff)
    response = client.post(
        reverse("transcripts:analysis-speakers", args=[analysis.pk]),
        {"speakers": "speakers:\n- name: Rosa Vance\n  role: detective\n"},
    )
    assert response.status_code == 400
    assert "speakers[0].role: must be one of" in response.content.decode()
    assert TranscriptAnalysis.objects.count() == 1
    # The page shown again holds the privileged report: that read is on the record too.
    assert AuditEvent.objects.filter(action="transcript.report_read", actor=cast.staff).count() == 1


def test_add_the_report_to_the_case_documents(client, analysis, cast):
    client.force_login(cast.staff)
    url = reverse("transcripts:analysis-add-document", args=[analysis.pk])
    page = client.get(reverse("transcripts:analysis", args=[analysis.pk])).content.decode()
    assert f'action="{url}"' in page
    response = client.post(url)
    assert response.status_code == 302
    analysis.refresh_from_db()
    document = analysis.case_document
    assert document is not None and document.kind == "evidence"
    page = client.get(reverse("transcripts:analysis", args=[analysis.pk])).content.decode()
    assert reverse("documents:detail", args=[document.pk]) in page and f'action="{url}"' not in page
    again = client.post(url, follow=True)
    assert "already among the case documents" in again.content.decode()


def test_the_case_page_lists_transcripts_and_offers_to_attach_one(client, analysis, cast):
    case = analysis.transcript.case
    client.force_login(cast.staff)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'id="transcripts-panel"' in page
    assert reverse("transcripts:detail", args=[analysis.transcript.pk]) in page
    assert reverse("transcripts:create", args=[case.pk]) in page
    client.force_login(cast.read_only)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Marsh interview" in page and reverse("transcripts:create", args=[case.pk]) not in page


def test_the_transcript_page_lists_its_analyses_and_runs_another(client, analysis, cast):
    transcript = analysis.transcript
    client.force_login(cast.attorney)
    page = client.get(reverse("transcripts:detail", args=[transcript.pk])).content.decode()
    assert reverse("transcripts:analysis", args=[analysis.pk]) in page and "3 facts" in page
    one_fact = FACTS.split("- id: phone_in_lake")[0]
    response = client.post(
        reverse("transcripts:analyze", args=[transcript.pk]), {"facts_file": upload("rope.yaml", one_fact)}
    )
    assert response.status_code == 302
    assert transcript.analyses.count() == 2


def test_the_list_filters_by_title(client, analysis, cast):
    client.force_login(cast.staff)
    assert "Marsh interview" in client.get(reverse("transcripts:list"), {"q": "marsh"}).content.decode()
    assert "Marsh interview" not in client.get(reverse("transcripts:list"), {"q": "nobody"}).content.decode()


def test_a_stored_report_that_fails_the_check_is_not_embedded(client, analysis, cast):
    from django.core.files.base import ContentFile

    analysis.html_file.save(
        "report.html", ContentFile(b"<html><body><script>alert(1)</script></body></html>")
    )
    client.force_login(cast.staff)
    page = client.get(reverse("transcripts:analysis", args=[analysis.pk])).content.decode()
    assert "The report cannot be shown on this page (&lt;script&gt; is not allowed)" in page
    assert "alert(1)" not in page and inline_script_problems(page) == []
