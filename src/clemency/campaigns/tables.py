from __future__ import annotations

import django_tables2 as tables

from clemency.campaigns.models import Campaign


class CampaignTable(tables.Table):
    title = tables.LinkColumn("campaigns:detail", args=[tables.A("pk")])
    case = tables.Column(verbose_name="Case")
    status = tables.Column()
    confirmed_count = tables.Column(verbose_name="Confirmed signatures")
    created_at = tables.DateColumn(format="Y-m-d", verbose_name="Created")

    class Meta:
        model = Campaign
        fields = ("title", "case", "status", "confirmed_count", "created_at")
        attrs = {"class": "table"}
        empty_text = "No campaigns yet. Start one from a case's page."
