"""The audit log as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from clemency.audit.models import AuditEvent

COLUMNS = ["id", "at", "actor_name", "action", "object_type", "object_id", "object_repr", "case_id",
           "team_id", "request_id", "ip_address", "before", "after"]
# A spreadsheet runs a cell that starts with one of these as a formula (CWE-1236).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value: Any) -> str:
    """The cell as text, prefixed with an apostrophe if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    else:
        text = str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


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
