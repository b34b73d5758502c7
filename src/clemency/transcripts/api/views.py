"""Read-only API over the transcripts and analyses of the cases one can see (hidden = 404)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import restrict
from clemency.transcripts import services
from clemency.transcripts.api.serializers import (
    AnalysisDetailSerializer,
    AnalysisSerializer,
    TranscriptSerializer,
)
from clemency.transcripts.filtersets import AnalysisFilterSet, TranscriptFilterSet
from clemency.transcripts.models import Transcript, TranscriptAnalysis


class TranscriptViewSet(viewsets.ReadOnlyModelViewSet):
    """Interrogation transcripts of the cases you can see (metadata; the text via the web page)."""

    serializer_class = TranscriptSerializer
    filterset_class = TranscriptFilterSet

    def get_queryset(self) -> QuerySet[Transcript]:
        queryset = Transcript.objects.select_related("case").prefetch_related("analyses")
        return restrict(queryset, self.request.user, "case__team").order_by("-uploaded_at", "-id")  # type: ignore[arg-type]


class AnalysisViewSet(viewsets.ReadOnlyModelViewSet):
    """Fact-provenance analyses. `result` (the report as JSON) is in the single-analysis view, and only
    for those who may read the transcript's reports; every such read of a privileged one is audited."""

    filterset_class = AnalysisFilterSet

    def get_serializer_class(self) -> Any:
        return AnalysisDetailSerializer if self.action == "retrieve" else AnalysisSerializer

    def get_queryset(self) -> QuerySet[TranscriptAnalysis]:
        queryset = TranscriptAnalysis.objects.select_related("transcript", "transcript__case")
        if self.action == "list":
            queryset = queryset.defer("result")
        restricted = restrict(queryset, self.request.user, "transcript__case__team")  # type: ignore[arg-type]
        return restricted.order_by("-created_at", "-id")

    def _readable(self, analyses: list[TranscriptAnalysis]) -> set[int]:
        return {a.pk for a in analyses if services.may_read_report(self.request.user, a.transcript)}

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        serializer = AnalysisSerializer(
            rows, many=True, context={**self.get_serializer_context(), "readable": self._readable(rows)}
        )
        if page is not None:
            return self.get_paginated_response(serializer.data)
        return Response(serializer.data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        analysis = self.get_object()
        readable = self._readable([analysis])
        if readable and analysis.transcript.privileged and analysis.result is not None:
            services.record_report_read(analysis, actor=request.user, what="api")
        context = {**self.get_serializer_context(), "readable": readable}
        return Response(AnalysisDetailSerializer(analysis, context=context).data)
