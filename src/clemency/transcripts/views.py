"""Transcript pages: thin views. Every object comes through accounts.access (hidden = 404); a
privileged transcript's reports are shown only to privileged readers, and each such read is audited."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from clemency.accounts.access import can_write_team, get_visible, restrict
from clemency.accounts.listing import matching_rows, paginate
from clemency.cases.models import Case
from clemency.documents.uploads import limit_uploads, too_large_message
from clemency.transcripts import facts_table, services
from clemency.transcripts.filtersets import TranscriptFilterSet
from clemency.transcripts.forms import AnalyzeForm, AttachForm, SpeakerMapForm, add_service_errors
from clemency.transcripts.models import AnalysisStatus, Transcript, TranscriptAnalysis
from clemency.transcripts.report_html import UnsafeReport, embeddable
from clemency.transcripts.tables import TranscriptTable

TEAM_PATH = "case__team"
ANALYSIS_TEAM_PATH = "transcript__case__team"
# A downloaded HTML report opened from the browser: no scripts, no requests, its own inline styles only.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
DOWNLOADS = {
    "json": ("json_file", "application/json", "json"),
    "html": ("html_file", "text/html; charset=utf-8", "html"),
    "pdf": ("pdf_file", "application/pdf", "pdf"),
}


def _transcripts() -> Any:
    return Transcript.objects.select_related("case", "case__team", "case__person", "uploaded_by")


def _analyses() -> Any:
    return TranscriptAnalysis.objects.select_related(
        "transcript", "transcript__case", "transcript__case__team", "created_by", "case_document"
    )


def get_transcript(request: HttpRequest, pk: int, *, write: bool = False) -> Transcript:
    user: Any = request.user
    return cast(Transcript, get_visible(_transcripts(), user, TEAM_PATH, write=write, pk=pk))


def get_analysis(request: HttpRequest, pk: int, *, write: bool = False) -> TranscriptAnalysis:
    """A visible analysis whose report the user may read (privileged: only privileged readers)."""
    user: Any = request.user
    analysis = cast(
        TranscriptAnalysis, get_visible(_analyses(), user, ANALYSIS_TEAM_PATH, write=write, pk=pk)
    )
    if not services.may_read_report(user, analysis.transcript):
        raise PermissionDenied(services.PRIVILEGED_REFUSAL)
    return analysis


@login_required
def transcript_list(request: HttpRequest) -> HttpResponse:
    base = restrict(_transcripts(), cast(Any, request.user), TEAM_PATH)
    filterset = TranscriptFilterSet(request.GET or None, queryset=base)
    table = TranscriptTable(matching_rows(filterset))
    paginate(request, table)
    return render(request, "transcripts/list.html", {"filter": filterset, "table": table})


# Uploads set their size limit before the body is read; CSRF is then checked by the inner view
# (the CSRF middleware would otherwise read the body first).
@csrf_exempt
@login_required
def transcript_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    limit_uploads(request)
    return _transcript_create(request, case_pk)


@csrf_protect
def _transcript_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    user: Any = request.user
    case = cast(
        Case, get_visible(Case.objects.select_related("person"), user, "team", write=True, pk=case_pk)
    )
    form = AttachForm(request.POST or None, request.FILES or None)
    tables = Tables(request)
    if request.method == "POST" and (message := too_large_message(request)):
        form.is_valid()
        form.add_error(None, message)
    elif request.method == "POST" and form.is_valid() and tables.read(form):
        data = form.cleaned_data
        try:
            analysis = services.attach_transcript(
                case=case,
                actor=user,
                transcript_upload=data["transcript_file"],
                facts_upload=tables.facts_upload,
                speakers_upload=tables.speakers_upload,
                title=data["title"],
                privileged=data["privileged"],
            )
        except ValidationError as error:
            tables.service_errors(form, error)
        else:
            tables.warn(request)
            messages.success(
                request,
                f"“{analysis.transcript}” attached; the analysis is {analysis.get_status_display().lower()}.",
            )
            if not services.may_read_report(user, analysis.transcript):
                # A student who marked it privileged cannot read its report without a grant.
                return redirect("transcripts:detail", pk=analysis.transcript.pk)
            return redirect("transcripts:analysis", pk=analysis.pk)
    status = 400 if form.errors or tables.errors else 200
    return render(request, "transcripts/attach.html", {"form": form, "case": case, **tables.context()},
                  status=status)


@login_required
def transcript_detail(request: HttpRequest, pk: int) -> HttpResponse:
    transcript = get_transcript(request, pk)
    user: Any = request.user
    can_read = services.may_read_report(user, transcript)
    return render(
        request,
        "transcripts/detail.html",
        {
            "transcript": transcript,
            "case": transcript.case,
            "analyses": transcript.analyses.select_related("created_by").all(),
            "can_read": can_read,
            "can_analyze": can_read and can_write_team(user, transcript.case.team_id),
            "form": AnalyzeForm(),
        },
    )


@csrf_exempt
@login_required
def transcript_analyze(request: HttpRequest, pk: int) -> HttpResponse:
    limit_uploads(request)
    return _transcript_analyze(request, pk)


@csrf_protect
def _transcript_analyze(request: HttpRequest, pk: int) -> HttpResponse:
    transcript = get_transcript(request, pk, write=True)
    user: Any = request.user
    if not services.may_read_report(user, transcript):
        raise PermissionDenied(services.PRIVILEGED_REFUSAL)
    form = AnalyzeForm(request.POST or None, request.FILES or None)
    tables = Tables(request)
    if request.method == "POST" and (message := too_large_message(request)):
        form.is_valid()
        form.add_error(None, message)
    elif request.method == "POST" and form.is_valid() and tables.read(form):
        try:
            analysis = services.start_analysis(
                transcript,
                actor=user,
                facts_upload=tables.facts_upload,
                speakers_upload=tables.speakers_upload,
            )
        except ValidationError as error:
            tables.service_errors(form, error)
        else:
            tables.warn(request)
            messages.success(request, "Analysis queued.")
            return redirect("transcripts:analysis", pk=analysis.pk)
    status = 400 if form.errors or tables.errors else 200
    return render(
        request, "transcripts/analyze.html",
        {"form": form, "transcript": transcript, **tables.context()},
        status=status,
    )


class Tables:
    """The facts table and speaker table of a form, or the YAML files uploaded instead."""

    def __init__(self, request: HttpRequest) -> None:
        posted = request.POST if request.method == "POST" else {}
        example = request.method != "POST" and request.GET.get("example") == "1"
        # A form posted without a table (a script, an older page) gives its facts as files only.
        self.facts = facts_table.fact_formset(
            posted if "fact-TOTAL_FORMS" in posted else None, example=example)
        self.speakers = facts_table.speaker_formset(
            posted if "speaker-TOTAL_FORMS" in posted else None, example=example)
        self.facts_upload: Any = None
        self.speakers_upload: Any = None
        self.warnings: list[str] = []
        self.errors = False
        self.facts_from_table = False
        self.speakers_from_table = False

    def read(self, form: Any) -> bool:
        """Whether the inputs are usable; the uploads to give the service are set when they are."""
        if any(table.is_bound and not table.is_valid() for table in (self.facts, self.speakers)):
            self.errors = True
            form.add_error(None, "A row of the facts or speaker table has an error: see the table below.")
            return False
        facts_text = facts_table.facts_yaml(self.facts)
        uploaded = form.cleaned_data.get("facts_file")
        if uploaded and facts_text:
            form.add_error("facts_file", "Give the facts either as a file or in the table, not both.")
            return False
        if not uploaded and not facts_text:
            form.add_error("facts_file", "Fill in the facts table below, or upload a facts file.")
            return False
        self.facts_upload = uploaded or facts_table.as_upload(facts_text or "", "facts-table.yaml")
        self.facts_from_table = not uploaded
        speakers_text = facts_table.speakers_yaml(self.speakers)
        self.speakers_upload = form.cleaned_data.get("speakers_file") or (
            facts_table.as_upload(speakers_text, "speakers-table.yaml") if speakers_text else None)
        self.speakers_from_table = bool(speakers_text) and not form.cleaned_data.get("speakers_file")
        self.warnings = facts_table.polysemous_cue_warnings(self.facts) if facts_text else []
        return True

    def service_errors(self, form: Any, error: ValidationError) -> None:
        """The library names a fact and its key (facts[shot_in_head].cues): from the table, say so."""
        if hasattr(error, "error_dict"):
            sources = (("facts_file", self.facts_from_table), ("speakers_file", self.speakers_from_table))
            for field, from_table in sources:
                if from_table and field in error.error_dict:
                    table = "facts" if field == "facts_file" else "speaker"
                    for message in ValidationError(error.error_dict.pop(field)).messages:
                        form.add_error(None, f"In the {table} table: {message}")
        add_service_errors(form, error)

    def warn(self, request: HttpRequest) -> None:
        for warning in self.warnings:
            messages.warning(request, warning)

    def context(self) -> dict[str, Any]:
        return {"fact_formset": self.facts, "speaker_formset": self.speakers,
                "cue_help": facts_table.CUE_HELP}


@login_required
def transcript_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    transcript = get_transcript(request, pk)
    if not services.may_read_report(request.user, transcript):
        raise PermissionDenied(services.PRIVILEGED_REFUSAL)
    services.record_transcript_download(transcript, actor=request.user)
    return _attachment(transcript.file, transcript.original_name, "text/plain; charset=utf-8")


def _attachment(field: Any, filename: str, content_type: str) -> FileResponse:
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404("The stored file is missing; ask an administrator to restore it from backup.") from None
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _report_fragment(analysis: TranscriptAnalysis) -> tuple[str | None, str | None]:
    """The report's HTML to embed, or why it is not shown here."""
    if analysis.status != AnalysisStatus.DONE or not analysis.html_file:
        return None, None
    try:
        with analysis.html_file.open("rb") as handle:
            return embeddable(handle.read().decode("utf-8")), None
    except FileNotFoundError:
        return None, "The stored report is missing; ask an administrator to restore it from backup."
    except UnsafeReport as error:
        return None, f"The report cannot be shown on this page ({error}); download it instead."


@login_required
def analysis_detail(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = get_analysis(request, pk)
    user: Any = request.user
    transcript = analysis.transcript
    report, report_problem = _report_fragment(analysis)
    if report is not None and transcript.privileged:
        services.record_report_read(analysis, actor=user, what="page")
    return render(
        request, "transcripts/analysis.html", _analysis_context(request, analysis, report, report_problem)
    )


def _analysis_context(
    request: HttpRequest,
    analysis: TranscriptAnalysis,
    report: str | None,
    report_problem: str | None,
    speaker_form: SpeakerMapForm | None = None,
    speaker_table: Any = None,
) -> dict[str, Any]:
    transcript = analysis.transcript
    in_use = analysis.proposed_speakers
    return {
        "analysis": analysis,
        "transcript": transcript,
        "case": transcript.case,
        "report": report,
        "report_problem": report_problem,
        "can_write": can_write_team(cast(Any, request.user), transcript.case.team_id),
        "speakers_given": bool(analysis.speakers_file),
        "speaker_form": speaker_form or SpeakerMapForm(initial={"speakers": analysis.proposed_speakers}),
        "flags": sorted(analysis.flag_counts.items()),
        "speaker_table": speaker_table or facts_table.correction_formset(speakers_yaml_text=in_use),
    }


@login_required
@require_POST
def analysis_retry(request: HttpRequest, pk: int) -> HttpResponse:
    from django.urls import reverse

    from clemency.web.jobs import retry_response

    analysis = get_analysis(request, pk, write=True)
    return retry_response(request, analysis, reverse("transcripts:analysis", args=[analysis.pk]))


@never_cache
@login_required
def analysis_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the analysis page polls every 2 s; when it ends, htmx reloads the page."""
    analysis = get_analysis(request, pk)
    response = render(request, "transcripts/_analysis_status.html", {"analysis": analysis})
    if analysis.is_finished and getattr(request, "htmx", False):
        response["HX-Refresh"] = "true"
    return response


def _download(request: HttpRequest, pk: int, kind: str) -> HttpResponseBase:
    analysis = get_analysis(request, pk)
    field_name, content_type, extension = DOWNLOADS[kind]
    field = getattr(analysis, field_name)
    if analysis.status != AnalysisStatus.DONE or not field:
        raise Http404("This analysis has no report yet.")
    services.record_report_read(analysis, actor=request.user, what=kind)
    response = _attachment(field, f"fact-provenance-{analysis.pk}.{extension}", content_type)
    if kind == "html":
        response["Content-Security-Policy"] = REPORT_POLICY
    return response


@login_required
def analysis_json(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _download(request, pk, "json")


@login_required
def analysis_html(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _download(request, pk, "html")


@login_required
def analysis_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _download(request, pk, "pdf")


@login_required
@require_POST
def analysis_speakers(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the edited speaker map and run the analysis again with it."""
    analysis = get_analysis(request, pk, write=True)
    table = None
    if "speaker-TOTAL_FORMS" in request.POST:
        # The table: its rows become the map's YAML; the YAML box shows what was made of them.
        table = facts_table.correction_formset(request.POST)
        text = facts_table.speakers_yaml(table) if table.is_valid() else None
        form = SpeakerMapForm({"speakers": text or ""})
        if not table.is_valid():
            form.add_error(None, "A row of the speaker table has an error: see the table.")
    else:
        form = SpeakerMapForm(request.POST)
    if form.is_valid():
        try:
            new = services.rerun_with_speakers(
                analysis, actor=request.user, speakers_text=form.cleaned_data["speakers"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Speaker map saved; the analysis runs again with it.")
            return redirect("transcripts:analysis", pk=new.pk)
    report, problem = _report_fragment(analysis)
    if report is not None and analysis.transcript.privileged:
        services.record_report_read(analysis, actor=request.user, what="page")
    return render(
        request,
        "transcripts/analysis.html",
        _analysis_context(request, analysis, report, problem, speaker_form=form, speaker_table=table),
        status=400,
    )


@login_required
@require_POST
def analysis_add_document(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = get_analysis(request, pk, write=True)
    try:
        document = services.add_report_to_documents(analysis, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The report is now a case document: “{document}”.")
    return redirect("transcripts:analysis", pk=analysis.pk)
