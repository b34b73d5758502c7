from __future__ import annotations

import django_tables2 as tables

from clemency.cases.models import Case


class CaseTable(tables.Table):
    case = tables.Column(
        accessor="pk",
        verbose_name="Case",
        linkify=("cases:detail", {"pk": tables.A("pk")}),
        order_by=("title", "pk"),
    )
    person = tables.Column(
        linkify=("people:detail", {"pk": tables.A("person_id")}),
        order_by=("person__family_name", "person__given_name"),
    )
    status = tables.Column()
    priority = tables.Column()
    source = tables.Column()
    team = tables.Column()
    updated_at = tables.DateTimeColumn(
        verbose_name="Updated", format="Y-m-d", attrs={"td": {"class": "date"}}
    )

    class Meta:
        model = Case
        fields = ["case", "person", "status", "priority", "source", "team", "updated_at"]
        attrs = {"class": "table"}
        empty_text = "No cases match."
        # Rows are written out in this template (a test keeps it in step with the columns above).
        template_name = "cases/_case_table.html"

    def render_case(self, record: Case) -> str:
        return str(record)
