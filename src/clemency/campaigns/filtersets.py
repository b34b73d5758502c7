"""One filter set for the campaign list page and the API."""

from __future__ import annotations

import django_filters

from clemency.accounts.filters import IdFilter
from clemency.campaigns.models import Campaign, CampaignStatus


class CampaignFilterSet(django_filters.FilterSet):
    case = IdFilter(field_name="case_id", label="Case number")
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title contains")
    status = django_filters.MultipleChoiceFilter(choices=CampaignStatus.choices)

    class Meta:
        model = Campaign
        fields = ["case", "q", "status"]
