from __future__ import annotations

from typing import Any

from rest_framework import serializers

from clemency.campaigns.models import Campaign
from clemency.campaigns.states import STATES


class CampaignSerializer(serializers.ModelSerializer):
    """A campaign and its counts; signers' personal data never leaves through the API."""

    counts_by_state = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = [
            "id",
            "case",
            "slug",
            "title",
            "person_name",
            "ask",
            "decision_maker",
            "decision_maker_title",
            "status",
            "outcome",
            "outcome_on",
            "published_at",
            "closed_at",
            "confirmed_count",
            "pending_count",
            "counts_by_state",
            "retention_days",
            "anonymised_at",
        ]
        read_only_fields = fields

    def get_counts_by_state(self, campaign: Campaign) -> dict[str, Any]:
        return {
            STATES.get(row.state, row.state): row.count for row in campaign.state_counts.all() if row.count
        }
