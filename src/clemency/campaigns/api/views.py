from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, viewsets

from clemency.accounts.access import restrict
from clemency.campaigns.api.serializers import CampaignSerializer
from clemency.campaigns.filtersets import CampaignFilterSet
from clemency.campaigns.models import Campaign


class CampaignViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Campaigns of your teams, with their counts (read-only: changes go through the pages' services)."""

    serializer_class = CampaignSerializer
    filterset_class = CampaignFilterSet

    def get_queryset(self) -> QuerySet[Campaign]:
        user: Any = self.request.user
        queryset = Campaign.objects.prefetch_related("state_counts")
        return restrict(queryset, user).order_by("-created_at", "-id")
