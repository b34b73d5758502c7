"""The run list's filter set (page and API), and the candidate filters (read from the results file)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clemency.people.forms import DateInput
from clemency.screenings.candidates import OUTCOMES
from clemency.screenings.models import RunStatus, ScreeningRun


class ScreeningRunFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Title or file name", method="search")
    status = django_filters.ChoiceFilter(choices=RunStatus.choices, empty_label="Any status")
    as_of_from = django_filters.DateFilter(field_name="as_of", lookup_expr="gte", label="As of on or after",
                                           widget=DateInput())
    as_of_to = django_filters.DateFilter(field_name="as_of", lookup_expr="lte", label="As of on or before",
                                         widget=DateInput())

    class Meta:
        model = ScreeningRun
        fields = ["q", "status", "as_of_from", "as_of_to"]

    def search(self, queryset: QuerySet[ScreeningRun], name: str, value: str) -> QuerySet[ScreeningRun]:
        return queryset.filter(Q(title__icontains=value) | Q(original_name__icontains=value))


OUTCOME_CHOICES = [("", "Any outcome"), *((outcome, outcome) for outcome in OUTCOMES)]


class CandidateFilter(forms.Form):
    """Filters over a run's ranked candidates; the same parameters in the page and the API."""

    pathway = forms.ChoiceField(required=False, label="Pathway")
    outcome = forms.ChoiceField(
        required=False,
        choices=OUTCOME_CHOICES,
        label="Outcome",
        help_text="Of the chosen pathway; without one, the person's best outcome.",
    )
    q = forms.CharField(required=False, max_length=200, label="Person id contains")
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000_000,
                              widget=forms.HiddenInput)

    def __init__(self, *args: Any, pathways: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pathway"].choices = [("", "Any pathway"), *((p, p) for p in pathways)]  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"pathway": data.get("pathway") or "", "outcome": data.get("outcome") or "",
                "q": (data.get("q") or "").strip(), "page": data.get("page") or 1}
