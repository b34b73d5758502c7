from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from clemency.audit.models import AuditEvent


class AuditEventTable(tables.Table):
    at = tables.DateTimeColumn(verbose_name="When", format="Y-m-d H:i:s")
    actor_name = tables.Column(verbose_name="Who")
    action = tables.Column(verbose_name="Action")
    object_repr = tables.Column(verbose_name="Record", orderable=False)
    case_id = tables.Column(verbose_name="Case")
    ip_address = tables.Column(verbose_name="IP", orderable=False)
    details = tables.Column(verbose_name="", accessor="pk", orderable=False)

    class Meta:
        model = AuditEvent
        fields = ["at", "actor_name", "action", "object_repr", "case_id", "ip_address"]
        attrs = {"class": "table"}
        empty_text = "No events match."

    def render_object_repr(self, value: str, record: AuditEvent) -> str:
        return f"{record.object_type} {record.object_id}: {value}" if record.object_type else value

    def render_case_id(self, value: int) -> Any:
        return format_html('<a href="{}">{}</a>', reverse("audit:case", args=[value]), value)

    def render_details(self, value: int) -> Any:
        return format_html('<a href="{}">Details<span class="visually-hidden"> of event {}</span></a>',
                           reverse("audit:detail", args=[value]), value)
