"""Outcome pages: the public record (signed-in users; single charts embeddable by anyone) and the team's
own results. Views stay thin: the figures come from public.py, federal.py and team.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from clemency.accounts.access import restrict, teams_of
from clemency.accounts.listing import filter_errors, matching_rows
from clemency.deadlines.models import Deadline
from clemency.outcomes import federal, public, summary
from clemency.outcomes.charts import Chart
from clemency.outcomes.filtersets import TeamResultsFilterSet, narrow_deadlines
from clemency.outcomes.forms import ExecutionFilterForm, ExonerationFilterForm
from clemency.outcomes.models import Dataset
from clemency.outcomes.tables import DatasetTable
from clemency.petitions.models import Petition

PAGES = [
    (
        "outcomes:federal",
        "Federal clemency by President",
        "Pardons, commutations, petitions and grant rates; dated actions and proclamations; the backlog.",
    ),
    (
        "outcomes:executions",
        "Executions, death row and capital clemency",
        "Executions by year and state since 1977, death-row population, capital clemency grants.",
    ),
    (
        "outcomes:exonerations",
        "Exonerations",
        "Exonerations by year and by contributing factor, by state and crime.",
    ),
    (
        "outcomes:states",
        "State clemency grants",
        "Wisconsin's pardons since 2019, Pennsylvania, and other states.",
    ),
    ("outcomes:team", "Our results", "The team's petitions, decisions, time to decision, deadlines."),
]


def _execution_filter(data: Any) -> tuple[ExecutionFilterForm, str]:
    form = ExecutionFilterForm(data or None)
    jurisdiction = form.cleaned_data.get("jurisdiction", "") if form.is_valid() else ""
    return form, jurisdiction


def _exoneration_filter(data: Any) -> tuple[ExonerationFilterForm, public.ExonerationFilter]:
    form = ExonerationFilterForm(data or None)
    if form.is_valid():
        return form, public.ExonerationFilter(
            form.cleaned_data.get("jurisdiction", ""), form.cleaned_data.get("crime", "")
        )
    return form, public.ExonerationFilter()


def _bad(form: Any) -> bool:
    return bool(form.is_bound and not form.is_valid())


# Public-record charts by key: each builds from the query string its page accepts (checked by its form).
PUBLIC_CHARTS: dict[str, Callable[[Any], Chart]] = {
    "federal-by-president": lambda data: federal.by_president()[0],
    "federal-last-year-share": lambda data: federal.last_year_share(),
    "federal-actions": lambda data: federal.actions_timeline(),
    "federal-backlog": lambda data: federal.pending_backlog(),
    "executions-by-year": lambda data: public.executions_by_year(_execution_filter(data)[1]),
    "executions-by-state": lambda data: public.executions_by_state(),
    "death-row-by-state": lambda data: public.death_row_by_state(),
    "capital-clemency-by-state": lambda data: public.capital_clemency_by_state(),
    "capital-clemency-by-year": lambda data: public.capital_clemency_by_year(),
    "exonerations-by-year": lambda data: public.exonerations_by_year(_exoneration_filter(data)[1]),
    "exonerations-by-factor": lambda data: public.exonerations_by_factor(_exoneration_filter(data)[1]),
    "wisconsin-pardons": lambda data: public.wisconsin_pardons(),
    "pennsylvania-grants": lambda data: public.pennsylvania_grants(),
}
CHART_FILTERS = {
    "executions-by-year": ExecutionFilterForm,
    "exonerations-by-year": ExonerationFilterForm,
    "exonerations-by-factor": ExonerationFilterForm,
}


@login_required
def index(request: HttpRequest) -> HttpResponse:
    table = DatasetTable(Dataset.objects.order_by("source", "-id"))
    return render(request, "outcomes/index.html", {"pages": PAGES, "table": table})


@login_required
def federal_page(request: HttpRequest) -> HttpResponse:
    chart, disputes = federal.by_president()
    charts = [chart, federal.last_year_share(), federal.actions_timeline(), federal.pending_backlog()]
    return render(request, "outcomes/federal.html", {"charts": charts, "disputes": disputes})


@login_required
def executions_page(request: HttpRequest) -> HttpResponse:
    form, jurisdiction = _execution_filter(request.GET)
    charts = [
        public.executions_by_year(jurisdiction),
        public.executions_by_state(),
        public.death_row_by_state(),
        public.capital_clemency_by_state(),
        public.capital_clemency_by_year(),
    ]
    return render(
        request,
        "outcomes/executions.html",
        {"charts": charts, "form": form},
        status=400 if _bad(form) else 200,
    )


@login_required
def exonerations_page(request: HttpRequest) -> HttpResponse:
    form, chosen = _exoneration_filter(request.GET)
    charts = [public.exonerations_by_factor(chosen), public.exonerations_by_year(chosen)]
    return render(
        request,
        "outcomes/exonerations.html",
        {"charts": charts, "form": form},
        status=400 if _bad(form) else 200,
    )


@login_required
def states_page(request: HttpRequest) -> HttpResponse:
    charts = [public.wisconsin_pardons(), public.pennsylvania_grants()]
    return render(request, "outcomes/states.html", {"charts": charts, "others": public.other_state_grants()})


def _team_querysets(request: HttpRequest) -> tuple[TeamResultsFilterSet, Any, Any]:
    user: Any = request.user
    petitions = restrict(Petition.objects.all(), cast(Any, user), "case__team")
    filterset = TeamResultsFilterSet(request.GET or None, queryset=petitions, request=request)
    rows = matching_rows(filterset)
    deadlines = narrow_deadlines(restrict(Deadline.objects.all(), cast(Any, user), "case__team"), filterset)
    return filterset, rows, deadlines


def team_results(request: HttpRequest) -> tuple[TeamResultsFilterSet, list[Chart]]:
    filterset, petitions, deadlines = _team_querysets(request)
    user: Any = request.user
    team_ids = list(teams_of(user).values_list("pk", flat=True))
    filters = "&".join(f"{key}={value}" for key, value in sorted(request.GET.items()))
    return filterset, summary.team_charts(petitions, deadlines, team_ids, filters, timezone.localdate())


@login_required
def team_page(request: HttpRequest) -> HttpResponse:
    filterset, charts = team_results(request)
    bad = filterset.is_bound and not filterset.is_valid()
    return render(
        request, "outcomes/team.html", {"charts": charts, "filter": filterset}, status=400 if bad else 200
    )


def _csv_response(chart: Chart) -> HttpResponse:
    response = HttpResponse(chart.csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chart.key}.csv"'
    return response


@login_required
@require_GET
def chart_csv(request: HttpRequest, key: str) -> HttpResponse:
    """Any chart's numbers as CSV, with the same filters as its page (formulas neutralised)."""
    if key in PUBLIC_CHARTS:
        form_class = CHART_FILTERS.get(key)
        if form_class is not None:
            form = form_class(request.GET or None)
            if _bad(form):
                errors = "; ".join(
                    f"{name}: {' '.join(str(m) for m in messages)}" for name, messages in form.errors.items()
                )
                return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
        return _csv_response(PUBLIC_CHARTS[key](request.GET))
    filterset, charts = team_results(request)
    if filterset.is_bound and not filterset.is_valid():
        return HttpResponse(filter_errors(filterset), status=400, content_type="text/plain; charset=utf-8")
    for chart in charts:
        if chart.key == key:
            return _csv_response(chart)
    raise Http404("No such chart.")


def _public_chart(request: HttpRequest, key: str) -> Chart:
    if key not in PUBLIC_CHARTS:
        raise Http404("No such public chart.")
    form_class = CHART_FILTERS.get(key)
    if form_class is not None and _bad(form_class(request.GET or None)):
        raise Http404("No such chart for these filters.")
    return PUBLIC_CHARTS[key](request.GET)


# Embedding: anyone may show a public-record chart (aggregate numbers only) on a campaign page.
EMBED_CSP = "default-src 'none'; img-src data:; style-src 'self'; base-uri 'none'; form-action 'none'"


@require_GET
@cache_control(public=True, max_age=3600)
def embed(request: HttpRequest, key: str) -> HttpResponse:
    chart = _public_chart(request, key)
    response = render(request, "outcomes/embed.html", {"chart": chart})
    response["Content-Security-Policy"] = EMBED_CSP + "; frame-ancestors *"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
@cache_control(public=True, max_age=3600)
def embed_svg(request: HttpRequest, key: str) -> HttpResponse:
    chart = _public_chart(request, key)
    response = HttpResponse(chart.svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
