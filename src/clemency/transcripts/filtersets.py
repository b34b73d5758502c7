"""The transcript list's filters: the same on the page and in the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from clemency.transcripts.models import AnalysisStatus, Transcript, TranscriptAnalysis


class TranscriptFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Title or file name", method="search")
    case = django_filters.NumberFilter(field_name="case_id", label="Case id")
    privileged = django_filters.BooleanFilter()

    class Meta:
        model = Transcript
        fields = ["q", "case", "privileged"]

    def search(self, queryset: QuerySet[Transcript], name: str, value: str) -> QuerySet[Transcript]:
        return queryset.filter(Q(title__icontains=value) | Q(original_name__icontains=value))


class AnalysisFilterSet(django_filters.FilterSet):
    transcript = django_filters.NumberFilter(field_name="transcript_id", label="Transcript id")
    case = django_filters.NumberFilter(field_name="transcript__case_id", label="Case id")
    status = django_filters.ChoiceFilter(choices=AnalysisStatus.choices)

    class Meta:
        model = TranscriptAnalysis
        fields = ["transcript", "case", "status"]
