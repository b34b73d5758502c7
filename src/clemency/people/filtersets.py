"""One filter set for the people list page and the people API."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet

from clemency.cases.selectors import person_matches
from clemency.people.models import CustodyStatus, Person


class PersonFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name, alias or number", method="filter_q")
    custody_status = django_filters.ChoiceFilter(
        choices=CustodyStatus.choices, empty_label="Any custody status"
    )
    facility = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Person
        fields = ["q", "custody_status", "facility"]

    def filter_q(self, queryset: QuerySet[Person], name: str, value: Any) -> QuerySet[Person]:
        return queryset.filter(person_matches(value)) if value else queryset
