"""One filter set per model, serving both the list page and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clemency.accounts.filters import IdFilter
from clemency.documents.models import Document, DocumentKind


class DocumentFilterSet(django_filters.FilterSet):
    # A number, not a choice of all cases: the choice list would name other teams' cases.
    case = IdFilter(field_name="case_id", label="Case number")
    q = django_filters.CharFilter(label="Search", method="search")
    kind = django_filters.MultipleChoiceFilter(choices=DocumentKind.choices,
                                             widget=forms.CheckboxSelectMultiple)
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
