"""Who may read which audit rows: a team's admins read that team's log, nobody else reads it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from clemency.accounts.access import admin_team_ids
from clemency.audit.models import AuditEvent


def visible_events(user: Any) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(team_id__in=admin_team_ids(user)).select_related("actor")
