from __future__ import annotations

from typing import Any

from django import template

from clemency.accounts.access import can_read_privileged, can_write_team
from clemency.documents.models import Document

register = template.Library()


@register.simple_tag
def documents_for_case(case: Any, user: Any) -> dict[str, Any]:
    """The case panel's rows; the case page has already checked that the user may see the case."""
    privileged_ok = can_read_privileged(user, case.team_id, case.pk)
    documents = (
        Document.objects.filter(case=case).select_related("uploaded_by").order_by("-uploaded_at", "-id")
    )
    return {
        "rows": [{"document": d, "can_read": privileged_ok or not d.privileged} for d in documents],
        "can_write": can_write_team(user, case.team_id),
    }
