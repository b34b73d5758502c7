"""The services: what they store, refuse and audit."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from clemency.audit.models import AuditEvent
from clemency.transcripts import services
from clemency.transcripts.models import AnalysisStatus, Transcript, TranscriptAnalysis
from clemency.transcripts.tests.conftest import attach, flag, upload
from clemency.transcripts.tests.samples import (
    FACTS,
    QA,
    QA_SPEAKERS,
    SPEAKERS,
    TRANSCRIPT,
    WEBVTT,
    WRONG_SPEAKERS,
)

pytestmark = pytest.mark.django_db


def _actions(obj_type: str = "") -> list[str]:
    events = AuditEvent.objects.order_by("id")
    if obj_type:
        events = events.filter(object_type=obj_type)
    return list(events.values_list("action", flat=True))


def test_attaching_keeps_the_transcript_and_runs_the_analysis(case, cast, media_root):
    analysis = attach(case, cast.attorney, title="Marsh interview")
    transcript = analysis.transcript
    assert transcript.title == "Marsh interview"
    assert transcript.privileged is True  # work product unless the lawyer says otherwise
    assert transcript.sha256 == hashlib.sha256(TRANSCRIPT.encode()).hexdigest()
    assert transcript.uploaded_by == cast.attorney
    assert transcript.file.read().decode() == TRANSCRIPT
    assert analysis.status == AnalysisStatus.DONE and analysis.progress == 100
    assert analysis.fact_count == 3
    assert flag(analysis, "tied_with_rope") == "INTERROGATOR_FIRST"
    assert flag(analysis, "phone_in_lake") == "SUSPECT_FIRST"
    assert flag(analysis, "stabbed") == "NEVER_STATED"
    first = next(f for f in analysis.result["facts"] if f["id"] == "tied_with_rope")["first_mention"]
    assert (first["line"], first["role"], first["speaker"]) == (13, "interrogator", "VANCE")
    assert json.loads(analysis.json_file.read())["facts"][0]["id"] == "tied_with_rope"
    assert analysis.pdf_file.read(5) == b"%PDF-"
    assert b"INTERROGATOR_FIRST" in analysis.html_file.read()
    assert "MARSH" in analysis.proposed_speakers and "suspect" in analysis.proposed_speakers
    assert _actions() == [
        "transcript.uploaded",
        "transcript.analysis_queued",
        "transcript.analysis_started",
        "transcript.analysis_finished",
    ]
    finished = AuditEvent.objects.get(action="transcript.analysis_finished")
    assert finished.case_id == case.pk and finished.team_id == cast.team.pk
    assert finished.after["flags"] == {"INTERROGATOR_FIRST": 1, "SUSPECT_FIRST": 1, "NEVER_STATED": 1}


def test_the_title_defaults_to_the_file_name(case, cast):
    analysis = attach(case, cast.staff)
    assert analysis.transcript.title == "interview"


def test_a_transcript_that_is_not_utf8_is_refused_and_nothing_is_kept(case, cast, media_root):
    latin1 = TRANSCRIPT.replace("Jody", "Jos\u00e9").encode("latin-1")
    with pytest.raises(ValidationError) as error:
        attach(case, cast.attorney, transcript=latin1)
    message = error.value.message_dict["transcript_file"][0]
    assert "not UTF-8" in message and "byte" in message
    assert not Transcript.objects.exists() and not TranscriptAnalysis.objects.exists()
    assert not AuditEvent.objects.exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_a_utf8_byte_order_mark_is_accepted(case, cast):
    analysis = attach(case, cast.attorney, transcript="\ufeff" + TRANSCRIPT)
    assert analysis.status == AnalysisStatus.DONE


def test_an_oversized_transcript_is_refused_with_the_limit(case, cast, settings):
    settings.MAX_TRANSCRIPT_BYTES = 100
    with pytest.raises(ValidationError) as error:
        attach(case, cast.attorney)
    assert "the limit is 100 bytes" in error.value.message_dict["transcript_file"][0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("interview.pdf", TRANSCRIPT, "must end in .txt or .vtt or .srt"),
        ("interview.txt", "", "is empty"),
        ("interview.txt", "Just a paragraph of prose with no speakers at all.\n", "no speaker turns"),
        ("interview.txt", b"MARSH: hi\x00there\n", "NUL bytes"),
    ],
)
def test_bad_transcripts_are_refused_with_the_reason(case, cast, name, content, expected):
    from clemency.transcripts.validation import read_transcript

    with pytest.raises(ValidationError) as error:
        read_transcript(upload(name, content))
    assert expected in error.value.message_dict["transcript_file"][0]


def test_a_facts_error_names_the_fact_and_the_key(case, cast):
    bad = FACTS.replace("  public: false\n  true: null", "  public: maybe\n  true: null", 1)
    with pytest.raises(ValidationError) as error:
        attach(case, cast.attorney, facts=bad)
    assert error.value.message_dict["facts_file"] == ["facts[phone_in_lake].public: required, true or false"]
    assert not Transcript.objects.exists()


def test_every_bad_file_is_reported_at_once(case, cast):
    with pytest.raises(ValidationError) as error:
        attach(
            case,
            cast.attorney,
            transcript=b"\xff\xfe",
            facts="- id: x\n",
            speakers="speakers:\n- name: A\n  role: witness\n",
        )
    fields = error.value.message_dict
    assert set(fields) == {"transcript_file", "facts_file", "speakers_file"}
    assert fields["facts_file"] == ["facts[x].statement: required, the fact in one sentence"]
    assert fields["speakers_file"][0].startswith("speakers[0].role: must be one of")


def test_a_read_only_member_cannot_attach(case, cast):
    with pytest.raises(PermissionDenied):
        attach(case, cast.read_only)
    assert not Transcript.objects.exists()


def test_a_given_speaker_map_is_used(case, cast):
    analysis = attach(case, cast.attorney, speakers=WRONG_SPEAKERS)
    assert analysis.speakers_name == "speakers.yaml"
    assert flag(analysis, "phone_in_lake") == "NEVER_STATED"  # Marsh is "other" in this map
    assert "Owen Pike" in analysis.proposed_speakers


def test_rerunning_with_an_edited_speaker_map_makes_a_new_analysis(analysis, cast):
    wrong = services.rerun_with_speakers(analysis, actor=cast.staff, speakers_text=WRONG_SPEAKERS)
    assert wrong.pk != analysis.pk and wrong.transcript_id == analysis.transcript_id
    assert wrong.facts_sha256 == analysis.facts_sha256 and wrong.fact_count == 3
    assert flag(wrong, "phone_in_lake") == "NEVER_STATED"
    fixed = services.rerun_with_speakers(wrong, actor=cast.staff, speakers_text=SPEAKERS)
    assert flag(fixed, "phone_in_lake") == "SUSPECT_FIRST"
    assert fixed.speakers_file.read().decode().strip() == SPEAKERS.strip()
    queued = AuditEvent.objects.filter(action="transcript.analysis_queued").order_by("id").last()
    assert queued.after["rerun_of"] == wrong.pk


def test_an_edited_speaker_map_is_checked_first(analysis, cast):
    with pytest.raises(ValidationError) as error:
        services.rerun_with_speakers(analysis, actor=cast.staff, speakers_text="speakers:\n- role: suspect\n")
    assert error.value.message_dict == {"speakers": ["speakers[0].name: required text"]}
    assert TranscriptAnalysis.objects.count() == 1


def test_a_student_cannot_rerun_a_privileged_transcript(analysis, cast):
    with pytest.raises(PermissionDenied):
        services.rerun_with_speakers(analysis, actor=cast.student, speakers_text=SPEAKERS)


def test_another_facts_file_on_a_kept_transcript(analysis, cast):
    one_fact = FACTS.split("- id: phone_in_lake")[0]
    again = services.start_analysis(
        analysis.transcript, actor=cast.attorney, facts_upload=upload("rope.yaml", one_fact)
    )
    assert again.fact_count == 1 and flag(again, "tied_with_rope") == "INTERROGATOR_FIRST"
    assert again.facts_name == "rope.yaml"


def test_a_failure_in_the_analysis_marks_it_failed(case, cast, monkeypatch):
    import clemency.interrogation as library

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(library, "render_pdf", broken)
    analysis = attach(case, cast.attorney)
    assert analysis.status == AnalysisStatus.FAILED
    assert analysis.error_message == "The analysis failed unexpectedly (RuntimeError: disk on fire)."
    assert not analysis.pdf_file and not analysis.html_file and analysis.result is None
    assert _actions()[-1] == "transcript.analysis_failed"


def test_an_input_error_found_while_running_is_the_message(case, cast, monkeypatch):
    from clemency.interrogation import FactsError

    def refuse(*args, **kwargs):
        raise FactsError("facts[x].cues: needs at least one cue")

    monkeypatch.setattr("clemency.interrogation.analyze", refuse)
    analysis = attach(case, cast.attorney)
    assert analysis.status == AnalysisStatus.FAILED
    assert analysis.error_message == "facts[x].cues: needs at least one cue"


def test_a_started_analysis_is_not_run_twice(analysis):
    assert services.execute_analysis(analysis.pk) is None
    assert services.execute_analysis(999_999) is None


def test_the_report_becomes_an_evidence_document_of_the_case(analysis, cast):
    from clemency.documents.models import Document

    document = services.add_report_to_documents(analysis, actor=cast.staff)
    assert isinstance(document, Document)
    assert (document.case_id, document.kind, document.privileged) == (
        analysis.transcript.case_id,
        "evidence",
        True,
    )
    assert document.content_type == "application/pdf"
    analysis.pdf_file.seek(0)
    assert document.file.read() == analysis.pdf_file.read()
    assert document.title == "Fact provenance report: Marsh interview"
    analysis.refresh_from_db()
    assert analysis.case_document == document
    assert {"document.uploaded", "transcript.report_added_to_documents"} <= set(_actions())
    with pytest.raises(ValidationError, match="already among the case documents"):
        services.add_report_to_documents(analysis, actor=cast.staff)
    assert Document.objects.count() == 1


def test_a_document_from_a_report_goes_into_an_exhibit_bundle(analysis, cast):
    from pypdf import PdfReader

    from clemency.drafting.services import ExhibitChoice, request_bundle

    document = services.add_report_to_documents(analysis, actor=cast.attorney)
    report_pages = len(PdfReader(document.file.open("rb")).pages)
    bundle = request_bundle(
        analysis.transcript.case,
        actor=cast.attorney,
        exhibits=[ExhibitChoice(document)],
        title="Exhibits",
        background=False,
    )
    assert bundle.status == "done", bundle.error
    assert bundle.privileged is True
    assert bundle.page_count > report_pages  # the report, plus the bundle's own cover and contents
    with pytest.raises(ValidationError, match="privileged"):
        request_bundle(
            analysis.transcript.case,
            actor=cast.student,
            exhibits=[ExhibitChoice(document)],
            title="Exhibits",
            background=False,
        )


def test_an_unfinished_or_privileged_report_is_not_added(analysis, cast):
    with pytest.raises(PermissionDenied):
        services.add_report_to_documents(analysis, actor=cast.student)
    with pytest.raises(PermissionDenied):
        services.add_report_to_documents(analysis, actor=cast.read_only)
    TranscriptAnalysis.objects.filter(pk=analysis.pk).update(status=AnalysisStatus.RUNNING)
    analysis.refresh_from_db()
    with pytest.raises(ValidationError, match="has not finished"):
        services.add_report_to_documents(analysis, actor=cast.attorney)


def test_a_report_read_is_audited(analysis, cast):
    services.record_report_read(analysis, actor=cast.staff, what="pdf")
    event = AuditEvent.objects.get(action="transcript.report_read")
    assert event.actor == cast.staff and event.after["what"] == "pdf" and event.after["privileged"] is True
    assert event.case_id == analysis.transcript.case_id


def test_captions_and_a_court_reporters_q_and_a_are_analysed_too(case, cast):
    from clemency.transcripts.validation import read_transcript

    captions = attach(case, cast.attorney, transcript=WEBVTT)
    assert captions.result["transcript"]["format"] == "webvtt"
    assert flag(captions, "tied_with_rope") == "INTERROGATOR_FIRST"
    assert read_transcript(upload("interview.vtt", WEBVTT)).text == WEBVTT
    court = attach(case, cast.attorney, transcript=QA, speakers=QA_SPEAKERS)
    assert court.result["transcript"]["format"] == "qa"
    assert flag(court, "tied_with_rope") == "INTERROGATOR_FIRST"
    assert flag(court, "phone_in_lake") == "SUSPECT_FIRST"
