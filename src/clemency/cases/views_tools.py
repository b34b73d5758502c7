"""Search, conflict check, import and export: thin views over selectors and the import module."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render

from clemency.accounts.access import teams_of, writable_teams
from clemency.accounts.http import AuthenticatedHttpRequest
from clemency.accounts.listing import filter_errors
from clemency.audit.services import record_event, record_export
from clemency.cases import importing
from clemency.cases.exporting import export_cases
from clemency.cases.filtersets import CaseFilterSet
from clemency.cases.forms import ConflictForm, ImportForm, SearchForm
from clemency.cases.selectors import conflicts, search, visible_cases


@login_required
def search_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = search(request.user, form.cleaned_data["q"]) if form.is_valid() else None
    return render(request, "cases/search.html", {"form": form, "results": results})


@login_required
def conflicts_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ConflictForm(request.GET or None)
    hits = None
    if form.is_valid():
        hits = conflicts(request.user, form.cleaned_data["name"])
        # One event per team searched, so each team's admins see the checks run on their records.
        from clemency.accounts.access import teams_of

        for team_id in teams_of(request.user).values_list("pk", flat=True):
            team_hits = [hit for hit in hits if hit.person is not None and hit.person.team_id == team_id]
            record_event(
                "case.conflict_check",
                actor=request.user,
                team_id=team_id,
                after={"name": form.cleaned_data["name"], "hits": len(team_hits)},
            )
    return render(request, "cases/conflicts.html", {"form": form, "hits": hits})


@login_required
def import_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    teams = writable_teams(request.user)
    if not teams.exists():
        raise PermissionDenied("Your role is read-only on every team.")
    form = ImportForm(request.POST or None, request.FILES or None, teams=teams)
    report = None
    status = 200
    if request.method == "POST" and form.is_valid():
        report = importing.import_people_cases(
            form.cleaned_data["file"].read(),
            team=form.cleaned_data["team"],
            actor=request.user,
            only_valid_rows=form.cleaned_data["only_valid_rows"],
        )
        status = 200 if report.written else 400
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "cases/import.html",
        {
            "form": form,
            "report": report,
            "columns": importing.COLUMNS,
            "doc": importing.column_guide(),
        },
        status=status,
    )


@login_required
def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    filterset = CaseFilterSet(request.GET, queryset=visible_cases(request.user), request=request)
    if not filterset.is_valid():  # never export more than was asked for
        return HttpResponse(f"Nothing exported; the filter was not understood: {filter_errors(filterset)}",
                            status=400, content_type="text/plain; charset=utf-8")
    cases = list(filterset.qs.prefetch_related("convictions"))
    body = export_cases(cases)
    # One event on the log of each team the export covered, with that team's own row count, so the
    # team's admins see it (the audit pages filter by team) and no team learns another's numbers.
    chosen = filterset.form.cleaned_data.get("team")
    team_ids = [chosen.pk] if chosen is not None else sorted(
        teams_of(request.user).values_list("pk", flat=True)
    )
    rows_by_team = Counter(case.team_id for case in cases)
    filters = dict(request.GET.items())
    with transaction.atomic():
        for team_id in team_ids:
            rows = rows_by_team[team_id]
            record_export(actor=request.user, team_ids=[team_id], what="case", filters=filters, rows=rows)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    return response
