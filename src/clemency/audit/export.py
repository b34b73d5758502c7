"""The audit log as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from clemency.audit.models import AuditEvent
from clemency.csv_cells import neutralise

COLUMNS = ["id", "at", "actor_name", "action", "object_type", "object_id", "object_repr", "case_id",
           "team_id", "request_id", "ip_address", "before", "after"]
def event_row(event: AuditEvent) -> list[str]:
    values: dict[str, Any] = {
        column: getattr(event, column) for column in COLUMNS if column not in ("at",)
    }
    values["at"] = event.at.isoformat()
    return [neutralise(values[column]) for column in COLUMNS]


def csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    """The header then one line per event, produced lazily so a long log streams."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for event in events:
        writer.writerow(event_row(event))
        if buffer.tell() > 32_768:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
