"""Read-only API: a case's DNA testing requests (with their durations) and evidence. Changes go through
the web forms and their services."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import viewsets

from clemency.accounts.access import restrict
from clemency.dna.api.serializers import EvidenceItemSerializer, TestingRequestSerializer
from clemency.dna.filtersets import TestingRequestFilterSet
from clemency.dna.models import EvidenceItem, TestingRequest
from clemency.dna.selectors import visible_requests


class TestingRequestViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TestingRequestSerializer
    filterset_class = TestingRequestFilterSet

    def get_queryset(self) -> QuerySet[TestingRequest]:
        return (
            visible_requests(self.request.user)
            .prefetch_related("steps", "tests", "tests__items", "evidence")
            .order_by("-filed_on", "-id")
        )


class EvidenceItemViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EvidenceItemSerializer

    def get_queryset(self) -> QuerySet[EvidenceItem]:
        queryset = EvidenceItem.objects.prefetch_related("chain_of_custody").order_by("id")
        return restrict(queryset, self.request.user, "case__team")  # type: ignore[arg-type]
