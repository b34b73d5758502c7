"""One filter set per model, serving both the list pages and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clemency.accounts.filters import IdFilter
from clemency.advocacy.models import Channel, Office, OfficeKind, OfficeRole, Outreach, OutreachStatus
from clemency.cases.jurisdictions import JURISDICTION_CHOICES

DATE = forms.DateInput(attrs={"type": "date"})


class OfficeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search")
    jurisdiction = django_filters.ChoiceFilter(choices=JURISDICTION_CHOICES)
    role = django_filters.MultipleChoiceFilter(choices=OfficeRole.choices)
    kind = django_filters.MultipleChoiceFilter(choices=OfficeKind.choices)

    class Meta:
        model = Office
        fields = ["q", "jurisdiction", "role", "kind"]

    def search(self, queryset: QuerySet[Office], name: str, value: str) -> QuerySet[Office]:
        return queryset.filter(
            Q(name__icontains=value) | Q(members__name__icontains=value) | Q(notes__icontains=value)
        ).distinct()


class OutreachFilterSet(django_filters.FilterSet):
    # A number, not a choice of all cases: the choice list would name other teams' cases.
    case = IdFilter(field_name="case_id", label="Case number")
    petition = IdFilter(field_name="petition_id", label="Petition number")
    office = IdFilter(field_name="office_id", label="Office number")
    q = django_filters.CharFilter(label="Search", method="search")
    channel = django_filters.MultipleChoiceFilter(choices=Channel.choices)
    status = django_filters.MultipleChoiceFilter(choices=OutreachStatus.choices)
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="On or after", widget=DATE
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="On or before", widget=DATE
    )
    follow_up_before = django_filters.DateFilter(
        field_name="follow_up_on", lookup_expr="lte", label="Follow-up on or before", widget=DATE
    )

    class Meta:
        model = Outreach
        fields = ["case", "petition", "office", "q", "channel", "status", "date_after", "date_before"]

    def search(self, queryset: QuerySet[Outreach], name: str, value: str) -> QuerySet[Outreach]:
        # The summary is searched only where it is not privileged: a search must not reveal it.
        return queryset.filter(
            Q(subject__icontains=value)
            | Q(counterpart__icontains=value)
            | Q(office__name__icontains=value)
            | Q(outcome__icontains=value)
            | Q(summary__icontains=value, summary_privileged=False)
            | Q(case__person__family_name__icontains=value)
        )
