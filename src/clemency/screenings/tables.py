from __future__ import annotations

import django_tables2 as tables

from clemency.screenings.models import ScreeningRun


class ScreeningRunTable(tables.Table):
    run = tables.Column(
        accessor="pk", verbose_name="Screening", linkify=("screenings:detail", {"pk": tables.A("pk")}),
        order_by=("-created_at",),
    )
    team = tables.Column()
    as_of = tables.DateColumn(format="Y-m-d", verbose_name="As of")
    status = tables.Column()
    rows_total = tables.Column(verbose_name="People", default="—")
    created_by = tables.Column(verbose_name="Started by", default="—")
    created_at = tables.DateTimeColumn(format="Y-m-d H:i", verbose_name="Uploaded")

    class Meta:
        model = ScreeningRun
        fields = ["run", "team", "as_of", "status", "rows_total", "created_by", "created_at"]
        attrs = {"class": "table"}
        empty_text = "No screenings yet."

    def render_run(self, record: ScreeningRun) -> str:
        return str(record)
