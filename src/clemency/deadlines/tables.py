from collections.abc import Collection
from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from clemency.deadlines.models import Deadline


class DeadlineTable(tables.Table):
    date = tables.DateColumn(format="Y-m-d", attrs={"td": {"class": "date"}})
    time = tables.Column(default="", attrs={"td": {"class": "date"}})
    case = tables.Column(linkify=("cases:detail", {"pk": tables.A("case_id")}))
    done = tables.BooleanColumn(yesno="Done,Open")
    # Offered only on the teams the user may change; a read-only member would get a 403.
    edit = tables.Column(empty_values=(), orderable=False, verbose_name="")

    class Meta:
        model = Deadline
        fields = ("date", "time", "kind", "title", "case", "source", "done")
        attrs = {"class": "table"}
        empty_text = "No deadlines match."

    def __init__(self, *args: Any, writable_team_ids: Collection[int] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.writable_team_ids = frozenset(writable_team_ids)

    def render_edit(self, record: Deadline) -> str:
        if record.case.team_id not in self.writable_team_ids:
            return ""
        return format_html('<a href="{}">Edit</a>', reverse("deadlines:edit", args=[record.pk]))

    def render_time(self, value: Any, record: Deadline) -> str:
        return f"{value:%H:%M} {record.time_zone_abbreviation}"
