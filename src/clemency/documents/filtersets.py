"""One filter set per model, serving both the list page and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clemency.documents.models import Document, DocumentKind


class CaseNumberFilter(django_filters.NumberFilter):
    """A whole number within the database's range: "1e40" or "1.5" is a clear error, not a crash."""

    field_class = forms.IntegerField


class DocumentFilterSet(django_filters.FilterSet):
    # A number, not a choice of all cases: the choice list would name other teams' cases.
    case = CaseNumberFilter(field_name="case_id", label="Case number", min_value=1, max_value=2**63 - 1)
    q = django_filters.CharFilter(label="Search", method="search")
    kind = django_filters.MultipleChoiceFilter(choices=DocumentKind.choices)
    privileged = django_filters.BooleanFilter()
    sha256 = django_filters.CharFilter(lookup_expr="iexact", label="SHA-256")

    class Meta:
        model = Document
        fields = ["case", "q", "kind", "privileged", "sha256"]

    def search(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        return queryset.filter(
            Q(title__icontains=value)
            | Q(case__person__family_name__icontains=value)
            | Q(case__person__given_name__icontains=value)
        )
