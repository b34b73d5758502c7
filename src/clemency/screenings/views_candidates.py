"""A finished run's ranked candidates: browse, read one's explanation, open a case from it."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from clemency.accounts.access import can_write_team
from clemency.screenings import services
from clemency.screenings.candidates import (
    CandidateExplanation,
    ExplanationUnavailable,
    candidate_page,
    candidate_row,
    explain_candidate,
    result_pathways,
)
from clemency.screenings.engine import local_path, local_population
from clemency.screenings.filtersets import CandidateFilter
from clemency.screenings.forms import CandidateCaseForm
from clemency.screenings.models import CandidateCase, RunStatus, ScreeningRun
from clemency.screenings.views import add_service_errors, get_run


def finished_run(request: HttpRequest, pk: int, *, write: bool = False) -> ScreeningRun:
    run = get_run(request, pk, write=write)
    if run.status != RunStatus.DONE or not run.result_file:
        raise Http404("This screening has no results yet.")
    return run


@login_required
def candidate_list(request: HttpRequest, pk: int) -> HttpResponse:
    run = finished_run(request, pk)
    with local_path(run.result_file, suffix=".parquet") as path:
        pathways = result_pathways(path)
        form = CandidateFilter(request.GET, pathways=pathways)
        page = candidate_page(path, **form.values()) if form.is_valid() else None
    query = request.GET.copy()
    query.pop("page", None)
    opened = dict(CandidateCase.objects.filter(run=run).values_list("person_id", "case_id"))
    for row in page.rows if page else []:
        row["case_id"] = opened.get(str(row["person_id"]))
    return render(request, "screenings/candidates.html", {
        "run": run, "filter": form, "page": page, "query": query.urlencode(),
    })


class Unavailable(Exception):
    def __init__(self, row: dict[str, Any], message: str) -> None:
        super().__init__(message)
        self.row = row


def _candidate(run: ScreeningRun, rank: int) -> tuple[dict[str, Any], CandidateExplanation]:
    with local_path(run.result_file, suffix=".parquet") as path, local_population(run) as population:
        row = candidate_row(path, rank)
        if row is None:
            raise Http404("No candidate has this rank.")
        try:
            return row, explain_candidate(path, row, input_path=population)
        except ExplanationUnavailable as error:
            raise Unavailable(row, str(error)) from None


def _unavailable(request: HttpRequest, run: ScreeningRun, error: Unavailable) -> HttpResponse:
    return render(request, "screenings/candidate_unavailable.html",
                  {"run": run, "row": error.row, "message": str(error)}, status=409)


def _page(request: HttpRequest, run: ScreeningRun, row: dict[str, Any], explanation: CandidateExplanation,
          form: CandidateCaseForm, status: int = 200) -> HttpResponse:
    existing = CandidateCase.objects.filter(run=run, person_id=str(row["person_id"])).first()
    return render(request, "screenings/candidate.html", {
        "run": run, "row": row, "explanation": explanation, "form": form, "existing": existing,
        "can_write": can_write_team(cast(Any, request.user), run.team_id),
    }, status=status)


@login_required
def candidate_detail(request: HttpRequest, pk: int, rank: int) -> HttpResponse:
    run = finished_run(request, pk)
    try:
        row, explanation = _candidate(run, rank)
    except Unavailable as error:
        return _unavailable(request, run, error)
    # A population file identifies people by an id: the name is left for the user to give.
    form = CandidateCaseForm()
    return _page(request, run, row, explanation, form)


@require_POST
@login_required
def candidate_create_case(request: HttpRequest, pk: int, rank: int) -> HttpResponse:
    run = finished_run(request, pk, write=True)
    try:
        row, explanation = _candidate(run, rank)
    except Unavailable as error:
        return _unavailable(request, run, error)
    form = CandidateCaseForm(request.POST)
    if form.is_valid():
        try:
            case = services.create_case_from_candidate(
                run, actor=request.user, row=row, facts=explanation.facts, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Opened {case} from screening candidate {row['person_id']}.")
            return redirect("cases:detail", pk=case.pk)
    return _page(request, run, row, explanation, form, status=400)
