"""Read-side queries for deadlines: the dashboard's urgency order, restricted through accounts.access."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F, OuterRef, QuerySet, Subquery

from clemency.accounts.access import restrict
from clemency.cases.models import OPEN_STATUSES, Case
from clemency.deadlines.models import Deadline, DeadlineKind


def visible_deadlines(user: Any) -> QuerySet[Deadline]:
    return restrict(Deadline.objects.select_related("case", "case__person", "case__team"), user, "case__team")


def cases_by_urgency(user: Any) -> QuerySet[Case]:
    """The user's teams' open cases: nearest undone execution date first, then nearest undone deadline,
    then priority. An undone date in the past counts as nearest: it is overdue, not forgotten.

    Each case carries `next_execution_date`, and `next_date`, `next_kind`, `next_title` of its nearest
    undone deadline of any kind.
    """
    undone = Deadline.objects.filter(case=OuterRef("pk"), done=False)
    nearest = undone.order_by("date", F("time").asc(nulls_first=True), "id")
    execution = undone.filter(kind=DeadlineKind.EXECUTION).order_by("date")
    cases = restrict(Case.objects.select_related("person", "team"), user).filter(status__in=OPEN_STATUSES)
    return cases.annotate(
        next_execution_date=Subquery(execution.values("date")[:1]),
        next_date=Subquery(nearest.values("date")[:1]),
        next_kind=Subquery(nearest.values("kind")[:1]),
        next_title=Subquery(nearest.values("title")[:1]),
    ).order_by(
        F("next_execution_date").asc(nulls_last=True),
        F("next_date").asc(nulls_last=True),
        "priority",
        "-updated_at",
        "pk",
    )


def feed_deadlines(user: Any, *, since: datetime.date) -> QuerySet[Deadline]:
    """What a user's calendar feed carries: deadlines of cases they can see, from `since` on."""
    return visible_deadlines(user).filter(date__gte=since).order_by("date", "time", "id")
