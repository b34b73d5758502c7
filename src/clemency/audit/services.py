"""`record_event` is how service functions write the audit log; nothing else writes it."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from django.db.models import Model
from django.forms.models import model_to_dict

from clemency.audit.context import current
from clemency.audit.models import AuditEvent


def snapshot(obj: Model, fields: list[str] | None = None) -> dict[str, Any]:
    """A JSON-safe copy of a model's fields, for the before and after of a change."""
    data = model_to_dict(obj, fields=fields)
    return {key: _json_safe(value) for key, value in data.items()}


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or None
    return value


def record_event(
    action: str,
    *,
    actor: Any,
    obj: Model | None = None,
    case_id: int | None = None,
    team_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    context = current.get()
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=actor_user,
        actor_name=str(actor) if actor is not None else "system",
        request_id=context.request_id,
        ip_address=context.ip_address,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        case_id=case_id,
        team_id=team_id,
        before=before,
        after=after,
    )


def record_export(*, actor: Any, team_ids: list[int], what: str, filters: dict[str, Any], rows: int) -> None:
    """An export of the audit log is itself an event, on the log of every team it covers."""
    for team_id in team_ids:
        record_event(f"{what}.export", actor=actor, team_id=team_id, after={"filters": filters, "rows": rows})
