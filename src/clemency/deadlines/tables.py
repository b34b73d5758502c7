from typing import Any

import django_tables2 as tables

from clemency.deadlines.models import Deadline


class DeadlineTable(tables.Table):
    date = tables.DateColumn(format="Y-m-d", attrs={"td": {"class": "date"}})
    time = tables.Column(default="", attrs={"td": {"class": "date"}})
    case = tables.Column(linkify=("cases:detail", {"pk": tables.A("case_id")}))
    done = tables.BooleanColumn(yesno="Done,Open")
    edit = tables.LinkColumn(
        "deadlines:edit", args=[tables.A("pk")], text="Edit", orderable=False, verbose_name=""
    )

    class Meta:
        model = Deadline
        fields = ("date", "time", "kind", "title", "case", "source", "done")
        attrs = {"class": "table"}
        empty_text = "No deadlines match."

    def render_time(self, value: Any, record: Deadline) -> str:
        return f"{value:%H:%M} {record.time_zone_abbreviation}"
