from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from clemency.accounts.access import can_write_team
from clemency.advocacy.models import Outreach
from clemency.advocacy.selectors import with_follow_up_state
from clemency.advocacy.services import outreach_for_reader

register = template.Library()

CASE_PANEL_ROWS = 10


@register.simple_tag
def advocacy_for_case(case: Any, user: Any) -> dict[str, Any]:
    """The case panel's rows; the case page has already checked that the user may see the case."""
    rows = with_follow_up_state(
        Outreach.objects.filter(case=case).select_related("case", "office", "office_member")
    ).order_by("-date", "-id")
    shown = outreach_for_reader(list(rows[:CASE_PANEL_ROWS]), actor=user)
    return {
        "outreach": shown,
        "more": rows.count() > CASE_PANEL_ROWS,
        "today": timezone.localdate(),
        "can_write": can_write_team(user, case.team_id),
    }
