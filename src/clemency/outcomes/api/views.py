from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import restrict, teams_of
from clemency.deadlines.models import Deadline
from clemency.outcomes import summary
from clemency.outcomes.api.serializers import ChartSerializer, TeamResultsSerializer
from clemency.outcomes.charts import Chart
from clemency.outcomes.filtersets import TeamResultsFilterSet, narrow_deadlines
from clemency.outcomes.views import CHART_FILTERS, PUBLIC_CHARTS
from clemency.petitions.models import Petition


def chart_data(chart: Chart) -> dict[str, Any]:
    return {
        "key": chart.key,
        "title": chart.title,
        "description": chart.description,
        "columns": chart.columns,
        "rows": chart.rows,
        "sources": [vars(source) for source in chart.sources],
        "notes": chart.notes,
        "public": chart.public,
    }


class TeamResultsView(GenericAPIView):
    """The team's results (the charts' numbers), with the same filters as the page."""

    filterset_class = TeamResultsFilterSet
    pagination_class = None
    serializer_class = TeamResultsSerializer

    def get_queryset(self) -> Any:
        return restrict(Petition.objects.all(), self.request.user, "case__team")  # type: ignore[arg-type]

    def get(self, request: Request) -> Response:
        petitions = self.filter_queryset(self.get_queryset())  # a bad filter is a 400 naming the field
        filterset = TeamResultsFilterSet(
            request.query_params or None, queryset=self.get_queryset(), request=request
        )
        deadlines = narrow_deadlines(
            restrict(Deadline.objects.all(), request.user, "case__team"),  # type: ignore[arg-type]
            filterset,
        )
        today = timezone.localdate()
        team_ids = list(teams_of(request.user).values_list("pk", flat=True))  # type: ignore[arg-type]
        filters = "&".join(f"{key}={value}" for key, value in sorted(request.query_params.items()))
        charts = summary.team_charts(petitions, deadlines, team_ids, filters, today)
        return Response({"as_of": today.isoformat(), "charts": [chart_data(chart) for chart in charts]})


class PublicChartView(GenericAPIView):
    """One public-record chart's numbers and sources (executions, exonerations, federal clemency...)."""

    pagination_class = None
    serializer_class = ChartSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return Petition.objects.none()

    @extend_schema(responses=ChartSerializer)
    def get(self, request: Request, key: str) -> Response:
        if key not in PUBLIC_CHARTS:
            raise Http404
        form_class = CHART_FILTERS.get(key)
        if form_class is not None:
            form = form_class(request.query_params or None)
            if form.is_bound and not form.is_valid():
                raise serializers.ValidationError(
                    {name: [str(m) for m in messages] for name, messages in form.errors.items()}
                )
        return Response(chart_data(PUBLIC_CHARTS[key](request.query_params)))
