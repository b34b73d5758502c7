from __future__ import annotations

from typing import Any

from django import template

from clemency.accounts.access import can_write_team
from clemency.petitions.models import Petition

register = template.Library()


@register.simple_tag
def petitions_for_case(case: Any, user: Any) -> dict[str, Any]:
    """The case panel's rows; the case page has already checked that the user may see the case."""
    return {
        "petitions": list(Petition.objects.filter(case=case).order_by("-updated_at", "-id")),
        "can_write": can_write_team(user, case.team_id),
    }
