"""One filter set per model, serving both the list page and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clemency.accounts.filters import IdFilter
from clemency.petitions.models import Petition, PetitionStatus

# Browsers show a date picker; without one the field still takes YYYY-MM-DD.
DATE = forms.DateInput(attrs={"type": "date"})


class PetitionFilterSet(django_filters.FilterSet):
    # A number, not a choice of all cases: the choice list would name other teams' cases.
    case = IdFilter(field_name="case_id", label="Case number")
    q = django_filters.CharFilter(label="Search", method="search")
    status = django_filters.MultipleChoiceFilter(choices=PetitionStatus.choices,
                                             widget=forms.CheckboxSelectMultiple)
    pathway = django_filters.CharFilter(lookup_expr="istartswith", label="Pathway starts with")
    filed_after = django_filters.DateFilter(
        field_name="filed_on", lookup_expr="gte", label="Filed on or after", widget=DATE
    )
    filed_before = django_filters.DateFilter(
        field_name="filed_on", lookup_expr="lte", label="Filed on or before", widget=DATE
    )

    class Meta:
        model = Petition
        fields = ["case", "q", "status", "pathway", "filed_after", "filed_before"]

    def search(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        return queryset.filter(
            Q(title__icontains=value)
            | Q(deciding_authority__icontains=value)
            | Q(case__person__family_name__icontains=value)
            | Q(case__person__given_name__icontains=value)
        )
