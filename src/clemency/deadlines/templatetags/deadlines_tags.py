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
