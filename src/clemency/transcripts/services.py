"""Every change to a transcript or an analysis goes through one function here: checked, atomic, audited.

An analysis runs in the background worker, so it is not one transaction: queueing it, starting it
and finishing it are each atomic and audited; the progress figures between are single-row updates.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from clemency.accounts.access import can_read_privileged, can_write_team
from clemency.audit.services import record_event, snapshot
from clemency.transcripts import validation
from clemency.transcripts.models import AnalysisStatus, Transcript, TranscriptAnalysis

logger = logging.getLogger(__name__)

PRIVILEGED_REFUSAL = "This transcript is privileged; ask an attorney on the case to grant you access."
READ_ONLY = "Your role on this team is read-only."
TRANSCRIPT_FIELDS = ["case", "title", "original_name", "size_bytes", "sha256", "privileged"]
ANALYSIS_FIELDS = ["transcript", "facts_name", "facts_sha256", "fact_count", "speakers_name"]


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def may_read_report(user: Any, transcript: Transcript) -> bool:
    case = transcript.case
    return not transcript.privileged or can_read_privileged(user, case.team_id, case.pk)


def _check_write(actor: Any, case: Any) -> None:
    if not can_write_team(actor, case.team_id):
        raise PermissionDenied(READ_ONLY)


def _check_privileged(actor: Any, transcript: Transcript) -> None:
    if not may_read_report(actor, transcript):
        raise PermissionDenied(PRIVILEGED_REFUSAL)


def _remove(*names: str) -> None:
    for name in names:
        if name and default_storage.exists(name):
            default_storage.delete(name)


def _audit(
    action: str, obj: Any, transcript: Transcript, *, actor: Any, before: Any = None, after: Any = None
) -> None:
    record_event(
        action,
        actor=actor,
        obj=obj,
        case_id=transcript.case_id,
        team_id=transcript.case.team_id,
        before=before,
        after=after,
    )


def _collect(checks: list[Any]) -> list[Any]:
    """Run every check and raise all their field errors together, so one upload shows them all."""
    errors: dict[str, list[str]] = {}
    results = []
    for check in checks:
        try:
            results.append(check())
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
            results.append(None)
    if errors:
        raise ValidationError(errors)
    return results


def attach_transcript(
    *,
    case: Any,
    actor: Any,
    transcript_upload: Any,
    facts_upload: Any,
    speakers_upload: Any = None,
    title: str = "",
    privileged: bool = True,
) -> TranscriptAnalysis:
    """Keep a transcript for the case and queue its first analysis with the lawyer's facts."""
    _check_write(actor, case)
    transcript_file, facts, speakers = _collect(
        [
            lambda: validation.read_transcript(transcript_upload),
            lambda: validation.read_facts(facts_upload),
            lambda: validation.read_speakers(speakers_upload) if speakers_upload else None,
        ]
    )
    transcript = Transcript(
        case=case,
        title=(title or "").strip()[:200] or transcript_file.original_name.rsplit(".", 1)[0][:200],
        original_name=transcript_file.original_name[:255],
        size_bytes=transcript_file.size_bytes,
        sha256=transcript_file.sha256,
        privileged=privileged,
        uploaded_by=_user(actor),
    )
    transcript.file.save("transcript.txt", ContentFile(transcript_file.text.encode("utf-8")), save=False)
    try:
        with transaction.atomic():
            transcript.full_clean()
            transcript.save()
            _audit(
                "transcript.uploaded",
                transcript,
                transcript,
                actor=actor,
                after=snapshot(transcript, TRANSCRIPT_FIELDS),
            )
            analysis = _queue(transcript, actor=actor, facts=facts, speakers=speakers)
    except BaseException:
        _remove(transcript.file.name)
        raise
    analysis.refresh_from_db()
    return analysis


def start_analysis(
    transcript: Transcript, *, actor: Any, facts_upload: Any, speakers_upload: Any = None
) -> TranscriptAnalysis:
    """Analyse a kept transcript again, with another facts file (and speaker map)."""
    _check_write(actor, transcript.case)
    _check_privileged(actor, transcript)
    facts, speakers = _collect(
        [
            lambda: validation.read_facts(facts_upload),
            lambda: validation.read_speakers(speakers_upload) if speakers_upload else None,
        ]
    )
    with transaction.atomic():
        analysis = _queue(transcript, actor=actor, facts=facts, speakers=speakers)
    analysis.refresh_from_db()
    return analysis


def rerun_with_speakers(
    analysis: TranscriptAnalysis, *, actor: Any, speakers_text: str
) -> TranscriptAnalysis:
    """A new analysis with the same facts and the speaker map the lawyer edited."""
    transcript = analysis.transcript
    _check_write(actor, transcript.case)
    _check_privileged(actor, transcript)
    speakers_text = (speakers_text or "").strip()
    if not speakers_text:
        raise ValidationError({"speakers": "The speaker map is empty."})
    if len(speakers_text.encode("utf-8")) > validation.MAX_YAML_BYTES:
        raise ValidationError({"speakers": "The speaker map is too long."})
    validation.check_speakers_text(speakers_text, field="speakers")
    with analysis.facts_file.open("rb") as handle:
        facts_bytes = handle.read()
    facts = validation.TextFile(
        analysis.facts_name, facts_bytes.decode("utf-8"), len(facts_bytes), analysis.facts_sha256
    )
    data = speakers_text.encode("utf-8") + b"\n"
    speakers = validation.TextFile(
        "speakers-edited.yaml", speakers_text + "\n", len(data), hashlib.sha256(data).hexdigest()
    )
    with transaction.atomic():
        new = _queue(
            transcript, actor=actor, facts=(facts, analysis.fact_count), speakers=speakers, rerun_of=analysis
        )
    new.refresh_from_db()
    return new


def _queue(
    transcript: Transcript,
    *,
    actor: Any,
    facts: tuple[validation.TextFile, int],
    speakers: validation.TextFile | None,
    rerun_of: TranscriptAnalysis | None = None,
) -> TranscriptAnalysis:
    """Store the inputs, create the analysis and queue it, inside the caller's transaction."""
    facts_file, fact_count = facts
    analysis = TranscriptAnalysis(
        transcript=transcript,
        facts_name=facts_file.original_name[:255],
        facts_sha256=facts_file.sha256,
        fact_count=fact_count,
        speakers_name=speakers.original_name[:255] if speakers else "",
        created_by=_user(actor),
    )
    analysis.facts_file.save("facts.yaml", ContentFile(facts_file.text.encode("utf-8")), save=False)
    if speakers is not None:
        analysis.speakers_file.save("speakers.yaml", ContentFile(speakers.text.encode("utf-8")), save=False)
    try:
        analysis.full_clean(exclude=["transcript"])
        analysis.save()
        after = snapshot(analysis, ANALYSIS_FIELDS)
        if rerun_of is not None:
            after["rerun_of"] = rerun_of.pk
        _audit("transcript.analysis_queued", analysis, transcript, actor=actor, after=after)
        # Queued in the same transaction: a database worker sees the task only with its analysis.
        from clemency.transcripts.tasks import analyze_transcript

        analyze_transcript.enqueue(analysis.pk)
    except BaseException:
        _remove(analysis.facts_file.name, analysis.speakers_file.name)
        raise
    return analysis


# ---------------------------------------------------------------------------------------------
# Running an analysis (the background task calls `execute_analysis`)


def _begin(analysis_id: int) -> TranscriptAnalysis | None:
    with transaction.atomic():
        analysis = (
            TranscriptAnalysis.objects.select_for_update()
            .select_related("transcript__case")
            .filter(pk=analysis_id)
            .first()
        )
        if analysis is None or analysis.status != AnalysisStatus.QUEUED:
            return None  # gone, or already taken by another worker
        analysis.status = AnalysisStatus.RUNNING
        analysis.progress = 5
        analysis.started_at = timezone.now()
        analysis.save(update_fields=["status", "progress", "started_at"])
        _audit("transcript.analysis_started", analysis, analysis.transcript, actor=None)
    return analysis


def _progress(analysis: TranscriptAnalysis, percent: int) -> None:
    TranscriptAnalysis.objects.filter(pk=analysis.pk).update(progress=percent)


def _read(field: Any) -> str:
    with field.open("rb") as handle:
        return handle.read().decode("utf-8-sig")


def execute_analysis(analysis_id: int, *, actor: Any = None) -> TranscriptAnalysis | None:
    """Run a queued analysis: the report as JSON, HTML and PDF. Any failure marks it failed."""
    from clemency.interrogation import analyze, render_html, render_pdf

    analysis = _begin(analysis_id)
    if analysis is None:
        return None
    try:
        speakers = _read(analysis.speakers_file) if analysis.speakers_file else None
        report = analyze(_read(analysis.transcript.file), _read(analysis.facts_file), speakers)
        _progress(analysis, 50)
        html = render_html(report)
        _progress(analysis, 70)
        pdf = render_pdf(report)
        _progress(analysis, 95)
        outputs = {"json": report.to_json().encode("utf-8"), "html": html.encode("utf-8"), "pdf": pdf}
        return _finish(analysis, report.to_dict(), report.speaker_map_yaml(), outputs, actor=actor)
    except ValueError as error:  # TranscriptError, FactsError, SpeakerMapError: the input's fault
        return _fail(analysis, str(error), actor=actor)
    except Exception as error:  # the analysis fails, the worker goes on; the log has the traceback
        logger.exception("transcript analysis %s failed", analysis.pk)
        return _fail(
            analysis, f"The analysis failed unexpectedly ({type(error).__name__}: {error}).", actor=actor
        )


def _finish(
    analysis: TranscriptAnalysis,
    result: dict[str, Any],
    speakers_yaml: str,
    outputs: dict[str, bytes],
    *,
    actor: Any,
) -> TranscriptAnalysis:
    saved: list[str] = []
    try:
        with transaction.atomic():
            analysis = (
                TranscriptAnalysis.objects.select_for_update()
                .select_related("transcript__case")
                .get(pk=analysis.pk)
            )
            for kind, content in outputs.items():
                field = getattr(analysis, f"{kind}_file")
                field.save(f"report.{kind}", ContentFile(content), save=False)
                saved.append(field.name)
            analysis.result = result
            analysis.proposed_speakers = speakers_yaml
            analysis.status = AnalysisStatus.DONE
            analysis.progress = 100
            analysis.finished_at = timezone.now()
            analysis.save()
            _audit(
                "transcript.analysis_finished",
                analysis,
                analysis.transcript,
                actor=actor,
                after={"flags": analysis.flag_counts, "warnings": len(result.get("warnings", []))},
            )
    except BaseException:
        _remove(*saved)
        raise
    return analysis


def _fail(analysis: TranscriptAnalysis, message: str, *, actor: Any) -> TranscriptAnalysis:
    with transaction.atomic():
        analysis = (
            TranscriptAnalysis.objects.select_for_update()
            .select_related("transcript__case")
            .get(pk=analysis.pk)
        )
        analysis.status = AnalysisStatus.FAILED
        analysis.error_message = message
        analysis.finished_at = timezone.now()
        analysis.save(update_fields=["status", "error_message", "finished_at"])
        _audit(
            "transcript.analysis_failed", analysis, analysis.transcript, actor=actor, after={"error": message}
        )
    return analysis


# ---------------------------------------------------------------------------------------------
# Reading the report, and keeping it among the case documents


def record_report_read(analysis: TranscriptAnalysis, *, actor: Any, what: str) -> None:
    """Every download is on the record, and so is every read of a privileged report on its page."""
    transcript = analysis.transcript
    with transaction.atomic():
        _audit(
            "transcript.report_read",
            analysis,
            transcript,
            actor=actor,
            after={"what": what, "privileged": transcript.privileged, "sha256": transcript.sha256},
        )


def record_transcript_download(transcript: Transcript, *, actor: Any) -> None:
    with transaction.atomic():
        _audit(
            "transcript.downloaded",
            transcript,
            transcript,
            actor=actor,
            after={"privileged": transcript.privileged, "sha256": transcript.sha256},
        )


def add_report_to_documents(analysis: TranscriptAnalysis, *, actor: Any) -> Any:
    """Keep the PDF report as an evidence document of the case, so it can go into an exhibit bundle."""
    from clemency.documents.models import DocumentKind
    from clemency.documents.services import upload_document

    transcript = analysis.transcript
    _check_write(actor, transcript.case)
    _check_privileged(actor, transcript)
    if analysis.status != AnalysisStatus.DONE or not analysis.pdf_file:
        raise ValidationError("The analysis has not finished: there is no report to add yet.")
    with transaction.atomic():
        analysis = (
            TranscriptAnalysis.objects.select_for_update()
            .select_related("transcript__case")
            .get(pk=analysis.pk)
        )
        if analysis.case_document_id is not None:
            raise ValidationError("This report is already among the case documents.")
        with analysis.pdf_file.open("rb") as handle:
            pdf = ContentFile(handle.read(), name=f"fact-provenance-report-{analysis.pk}.pdf")
        document = upload_document(
            case=transcript.case,
            actor=actor,
            upload=pdf,
            kind=DocumentKind.EVIDENCE,
            title=f"Fact provenance report: {transcript.title}"[:200],
            description=(
                f"Generated from transcript \u201c{transcript.original_name}\u201d "
                f"(SHA-256 {transcript.sha256}) "
                f"and facts file \u201c{analysis.facts_name}\u201d (SHA-256 {analysis.facts_sha256}), "
                f"analysis {analysis.pk}."
            ),
            privileged=transcript.privileged,
        )
        analysis.case_document = document
        analysis.save(update_fields=["case_document"])
        _audit(
            "transcript.report_added_to_documents",
            analysis,
            transcript,
            actor=actor,
            after={"document": document.pk, "sha256": document.sha256},
        )
    return document
