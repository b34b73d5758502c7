"""One filter set for the case list page, the case export and the cases API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clemency.accounts.access import teams_of
from clemency.accounts.filters import IdChoiceFilter, IdFilter
from clemency.cases.jurisdictions import JURISDICTION_CHOICES
from clemency.cases.models import Case, CaseSource, CaseStatus, Conviction, Note, Priority


def _user_teams(request: Any) -> Any:
    from clemency.accounts.models import Team

    return teams_of(request.user) if request is not None else Team.objects.none()


class CaseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name, title or docket", method="filter_q")
    status = django_filters.MultipleChoiceFilter(choices=CaseStatus.choices,
                                             widget=forms.CheckboxSelectMultiple)
    priority = django_filters.ChoiceFilter(choices=Priority.choices, empty_label="Any priority")
    source = django_filters.ChoiceFilter(choices=CaseSource.choices, empty_label="Any source")
    team = IdChoiceFilter(queryset=_user_teams, empty_label="All my teams")
    jurisdiction = django_filters.ChoiceFilter(
        field_name="convictions__jurisdiction",
        label="Jurisdiction",
        choices=JURISDICTION_CHOICES,
        empty_label="Any jurisdiction",
        distinct=True,
    )
    # Hidden on the page (links from a person's page use it); a plain parameter in the API.
    person = IdFilter(field_name="person_id", label="Person id", widget=forms.HiddenInput)

    class Meta:
        model = Case
        fields = ["q", "status", "priority", "source", "team", "jurisdiction", "person"]

    def filter_q(self, queryset: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        if not value:
            return queryset
        from clemency.cases.selectors import every_word

        value = value.strip()
        return queryset.filter(
            every_word("person__search_names", value)
            | Q(title__icontains=value)
            | Q(convictions__docket_number__icontains=value)
            | Q(person__bop_register_number__iexact=value)
            | Q(person__state_doc_number__iexact=value)
        ).distinct()


class ConvictionFilterSet(django_filters.FilterSet):
    jurisdiction = django_filters.ChoiceFilter(choices=JURISDICTION_CHOICES)
    case = IdFilter(field_name="case_id")
    docket_number = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Conviction
        fields = ["jurisdiction", "case", "docket_number"]


class NoteFilterSet(django_filters.FilterSet):
    case = IdFilter(field_name="case_id")
    privileged = django_filters.BooleanFilter()

    class Meta:
        model = Note
        fields = ["case", "privileged"]
