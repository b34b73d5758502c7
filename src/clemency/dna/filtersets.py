from __future__ import annotations

import django_filters

from clemency.accounts.filters import IdFilter
from clemency.dna.models import RequestStatus, TestingRequest


class TestingRequestFilterSet(django_filters.FilterSet):
    # Numbers, not choices: a choice list would name other teams' cases.
    team = IdFilter(field_name="case__team_id", label="Team number")
    case = IdFilter(field_name="case_id", label="Case number")
    status = django_filters.MultipleChoiceFilter(choices=RequestStatus.choices)
    court = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = TestingRequest
        fields = ["team", "case", "status", "court"]
