"""Screening pages: thin views; every run comes through accounts.access; a hidden run is a 404."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from clemency.accounts.access import can_write_team, get_visible, restrict, writable_teams
from clemency.accounts.listing import matching_rows, paginate
from clemency.screenings import services
from clemency.screenings.candidates import OUTCOMES
from clemency.screenings.filtersets import ScreeningRunFilterSet
from clemency.screenings.forms import ScreeningUploadForm
from clemency.screenings.models import RunStatus, ScreeningRun
from clemency.screenings.tables import ScreeningRunTable

TEAM_PATH = "team"
# The library's HTML report is shown as it is, sandboxed: no scripts, no requests, inline styles only.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


def visible_runs(user: Any) -> Any:
    return restrict(ScreeningRun.objects.select_related("team", "created_by"), user, TEAM_PATH)


def get_run(request: HttpRequest, pk: int, *, write: bool = False) -> ScreeningRun:
    user: Any = request.user
    return cast(ScreeningRun, get_visible(visible_runs(user), user, TEAM_PATH, write=write, pk=pk))


def add_service_errors(form: Any, error: ValidationError) -> None:
    """A service's refusal next to its field, or above the form naming the field the form lacks."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            if name in form.fields:
                form.add_error(name, errors)
            else:
                for message in ValidationError(errors).messages:
                    form.add_error(None, message if name == "__all__" else f"{name}: {message}")
    else:
        form.add_error(None, error)


@login_required
def run_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    filterset = ScreeningRunFilterSet(request.GET, queryset=visible_runs(user))
    rows = matching_rows(filterset)
    table = ScreeningRunTable(rows)
    paginate(request, table)
    return render(request, "screenings/list.html", {
        "filter": filterset, "table": table, "can_upload": writable_teams(user).exists(),
    })


@login_required
def run_create(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    teams = writable_teams(user)
    if not teams.exists():
        raise PermissionDenied("Your role is read-only on every team.")
    form = ScreeningUploadForm(request.POST or None, request.FILES or None, teams=teams,
                               initial={"team": teams.first(), "as_of": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.start_screening(
                actor=user, team=data["team"], upload=data["file"], as_of=data["as_of"],
                pathways=data["pathways"], title=data["title"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            status = run.get_status_display().lower()
            messages.success(request, f"{run.original_name} uploaded; the screening is {status}.")
            return redirect("screenings:detail", pk=run.pk)
    return render(request, "screenings/upload.html", {"form": form},
                  status=400 if form.errors else 200)


def _counts_table(run: ScreeningRun) -> list[dict[str, Any]]:
    return [
        {"pathway": pathway, "cells": [(outcome, by_outcome.get(outcome, 0)) for outcome in OUTCOMES],
         "total": sum(by_outcome.values())}
        for pathway, by_outcome in sorted((run.counts or {}).items())
    ]


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_run(request, pk)
    return render(request, "screenings/detail.html", {
        "run": run, "outcomes": OUTCOMES, "counts": _counts_table(run),
        "can_write": can_write_team(cast(Any, request.user), run.team_id),
    })


@login_required
@require_POST
def run_retry(request: HttpRequest, pk: int) -> HttpResponse:
    from clemency.web.jobs import retry_response

    run = get_run(request, pk, write=True)
    return retry_response(request, run, reverse("screenings:detail", args=[run.pk]))


@never_cache
@login_required
def run_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the run page polls every 2 s; when the run ends, htmx reloads the page."""
    run = get_run(request, pk)
    response = render(request, "screenings/_status.html", {"run": run})
    if run.is_finished and getattr(request, "htmx", False):
        response["HX-Refresh"] = "true"
    return response


SAMPLE_PEOPLE = 1000


@login_required
def sample_population(request: HttpRequest) -> HttpResponse:
    """A synthetic population of fictional people (CSV) to try the screen with: never real people."""
    import tempfile
    from pathlib import Path

    from clemency.screening.synth import write_population

    with tempfile.TemporaryDirectory(prefix="clemency-sample-") as folder:
        path = write_population(Path(folder) / "sample.csv", SAMPLE_PEOPLE, seed=2026,
                                reference=timezone.localdate())
        content = path.read_bytes()
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sample-population-fictional.csv"'
    return response


@login_required
def run_report(request: HttpRequest, pk: int) -> HttpResponseBase:
    run = get_run(request, pk)
    if run.status != RunStatus.DONE or not run.report_file:
        raise Http404("This screening has no report.")
    response = FileResponse(run.report_file.open("rb"), content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = REPORT_POLICY
    return response


@login_required
def run_validation(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The whole validation report, every bad cell (the page lists the first ones)."""
    run = get_run(request, pk)
    if run.status != RunStatus.DONE or not run.validation_file:
        raise Http404("This screening has no validation report.")
    return FileResponse(
        run.validation_file.open("rb"), as_attachment=True, filename=f"screening-{run.pk}-validation.csv",
        content_type="text/csv; charset=utf-8",
    )


@login_required
def run_results(request: HttpRequest, pk: int) -> HttpResponseBase:
    run = get_run(request, pk)
    if run.status != RunStatus.DONE or not run.result_file:
        raise Http404("This screening has no results.")
    return FileResponse(
        run.result_file.open("rb"), as_attachment=True, filename=f"screening-{run.pk}-results.parquet",
        content_type="application/vnd.apache.parquet",
    )
