"""One filter set per model, serving both the list page and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clemency.accounts.filters import IdFilter
from clemency.deadlines.models import Deadline, DeadlineKind

# Browsers show a date picker; without one the field still takes YYYY-MM-DD.
DATE = forms.DateInput(attrs={"type": "date"})


class DeadlineFilterSet(django_filters.FilterSet):
    # A number, not a choice of all cases: the choice list would name other teams' cases.
    case = IdFilter(field_name="case_id", label="Case number")
    q = django_filters.CharFilter(label="Search", method="search")
    kind = django_filters.MultipleChoiceFilter(choices=DeadlineKind.choices,
                                             widget=forms.CheckboxSelectMultiple)
    done = django_filters.BooleanFilter()
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="On or after", widget=DATE
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="On or before", widget=DATE
    )

    class Meta:
        model = Deadline
        fields = ["case", "q", "kind", "done", "date_from", "date_to"]

    def search(self, queryset: QuerySet[Deadline], name: str, value: str) -> QuerySet[Deadline]:
        return queryset.filter(
            Q(title__icontains=value)
            | Q(source__icontains=value)
            | Q(case__person__family_name__icontains=value)
            | Q(case__person__given_name__icontains=value)
        )
