"""Read-side queries for cases, restricted through accounts.access."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from clemency.accounts.access import restrict
from clemency.cases.models import OPEN_STATUSES, Case


def visible_cases(user: Any) -> QuerySet[Case]:
    return restrict(Case.objects.select_related("person", "team"), user)


def open_cases_by_urgency(user: Any) -> QuerySet[Case]:
    """Open cases, the nearest execution date or deadline first (refined by the deadlines app)."""
    return visible_cases(user).filter(status__in=OPEN_STATUSES).order_by("priority", "-updated_at")
