from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.screenings.api.serializers import (
    CandidateExplanationSerializer,
    CandidatePageSerializer,
    ScreeningRunSerializer,
)
from clemency.screenings.candidates import (
    ExplanationUnavailable,
    candidate_page,
    candidate_row,
    explain_candidate,
    result_pathways,
)
from clemency.screenings.engine import local_path, local_population
from clemency.screenings.filtersets import CandidateFilter, ScreeningRunFilterSet
from clemency.screenings.models import RunStatus, ScreeningRun
from clemency.screenings.views import visible_runs

CANDIDATE_PARAMETERS = [
    OpenApiParameter("pathway", str, description="A pathway id screened in the run"),
    OpenApiParameter("outcome", str, description="ELIGIBLE, NOT_YET, NEEDS_REVIEW or INELIGIBLE"),
    OpenApiParameter("q", str, description="Text the person id contains"),
    OpenApiParameter("page", int),
]


class ScreeningRunViewSet(viewsets.ReadOnlyModelViewSet):
    """Screening runs of your teams, their ranked candidates and each candidate's explanation."""

    serializer_class = ScreeningRunSerializer
    filterset_class = ScreeningRunFilterSet

    def get_queryset(self) -> QuerySet[ScreeningRun]:
        return visible_runs(self.request.user).order_by("-created_at", "-id")

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        # The run filters are for the list; a candidate's `q` searches person ids, not run titles.
        if self.action in ("candidates", "candidate"):
            return queryset
        return super().filter_queryset(queryset)

    def _finished(self) -> ScreeningRun:
        run: ScreeningRun = self.get_object()
        if run.status != RunStatus.DONE or not run.result_file:
            raise Http404("This screening has no results yet.")
        return run

    @extend_schema(operation_id="screenings_candidates_list", parameters=CANDIDATE_PARAMETERS,
                   responses=CandidatePageSerializer)
    @action(detail=True, methods=["get"])
    def candidates(self, request: Request, pk: str | None = None) -> Response:
        run = self._finished()
        with local_path(run.result_file, suffix=".parquet") as path:
            form = CandidateFilter(request.query_params, pathways=result_pathways(path))
            if not form.is_valid():
                raise ValidationError(form.errors.get_json_data())
            page = candidate_page(path, **form.values())
        body = {"count": page.total, "page": page.number, "pages": page.pages, "results": page.rows}
        return Response(CandidatePageSerializer(body).data)

    @extend_schema(operation_id="screenings_candidate_explanation", responses=CandidateExplanationSerializer)
    @action(detail=True, methods=["get"], url_path=r"candidates/(?P<rank>[0-9]+)")
    def candidate(self, request: Request, pk: str | None = None, rank: str = "0") -> Response:
        run = self._finished()
        with local_path(run.result_file, suffix=".parquet") as path, local_population(run) as population:
            row = candidate_row(path, int(rank))
            if row is None:
                raise Http404("No candidate has this rank.")
            try:
                explanation = explain_candidate(path, row, input_path=population)
            except ExplanationUnavailable as error:
                # As the candidate page answers: the run stands, this explanation cannot be made now.
                return Response({"detail": str(error), "person_id": row.get("person_id")}, status=409)
        body: dict[str, Any] = {
            "person_id": explanation.person_id, "rank": int(rank), "as_of": explanation.as_of,
            "agrees_with_row": explanation.agrees,
            "results": [check.result.to_dict() for check in explanation.checks],
        }
        return Response(CandidateExplanationSerializer(body).data)
