from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from clemency.accounts.access import can_write_team
from clemency.deadlines.models import Deadline

register = template.Library()


@register.simple_tag
def deadlines_for_case(case: Any, user: Any) -> dict[str, Any]:
    """The case panel's rows; the case page has already checked that the user may see the case."""
    return {
        "deadlines": list(Deadline.objects.filter(case=case).order_by("done", "date", "time", "id")),
        "can_write": can_write_team(user, case.team_id),
        "today": timezone.localdate(),
    }


@register.simple_tag
def next_execution(case: Any) -> dict[str, Any]:
    """The case's nearest execution date not marked done, and the days left (None when there is none)."""
    from clemency.deadlines.models import DeadlineKind

    today = timezone.localdate()
    execution = (
        Deadline.objects.filter(case=case, kind=DeadlineKind.EXECUTION, done=False)
        .order_by("date", "time", "id")
        .first()
    )
    days = (execution.date - today).days if execution else None
    return {"deadline": execution, "days": days, "days_ago": -days if days is not None and days < 0 else None}
