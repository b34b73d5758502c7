"""Read-side queries for deadlines: the dashboard's urgency order, restricted through accounts.access."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from clemency.accounts.access import restrict
from clemency.cases.models import OPEN_STATUSES, Case
from clemency.deadlines.models import Deadline, DeadlineKind


def visible_deadlines(user: Any) -> QuerySet[Deadline]:
    return restrict(Deadline.objects.select_related("case", "case__person", "case__team"), user, "case__team")


def cases_by_urgency(user: Any) -> QuerySet[Case]:
    """The user's teams' open cases: nearest undone execution date first, then nearest undone deadline,
    then priority. An undone date in the past counts as nearest: it is overdue, not forgotten. An
    execution date in the past is not "the nearest execution" though: it was stayed, reset or carried
    out (the case page asks which), or it is a typing slip; it never outranks a real one.

    Each case carries `next_execution_date`, and `next_date`, `next_kind`, `next_title` of its nearest
    undone deadline of any kind.
    """
    undone = Deadline.objects.filter(case=OuterRef("pk"), done=False)
    nearest = undone.order_by("date", F("time").asc(nulls_first=True), "id")
    execution = undone.filter(kind=DeadlineKind.EXECUTION, date__gte=timezone.localdate()).order_by("date")
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


# Deadlines read per round trip while looking for the cases with the nearest ones.
_SCAN_BATCH = 500


def most_urgent_cases(user: Any, limit: int) -> list[Case]:
    """The first `limit` cases of `cases_by_urgency`, without ranking every open case.

    Ranking all cases by per-case subqueries reads a team's whole caseload on each view. Instead: the
    undone executions nearest in time (index on done, date), then the undone deadlines nearest in time,
    then the open cases with no undone deadline by priority (index on team, priority, -updated_at). Only
    the cases found this way are annotated and ordered by `cases_by_urgency` itself, so the order cannot
    drift from it.
    """
    undone = restrict(
        Deadline.objects.filter(done=False, case__status__in=OPEN_STATUSES), user, "case__team"
    ).order_by("date", "id")
    picked: list[int] = []
    upcoming = undone.filter(kind=DeadlineKind.EXECUTION, date__gte=timezone.localdate())
    _nearest_first(upcoming, picked, limit)
    if len(picked) < limit:
        # Every case with an undone execution is picked: the scan above ran to its end.
        _nearest_first(undone, picked, limit)
    if len(picked) < limit:
        # Every case with any undone deadline is picked: the rest have none, so priority decides.
        calm = (
            restrict(Case.objects.filter(status__in=OPEN_STATUSES), user)
            .exclude(Exists(Deadline.objects.filter(case=OuterRef("pk"), done=False)))
            .order_by("priority", "-updated_at", "pk")
            .values_list("pk", flat=True)
        )
        picked.extend(calm[: limit - len(picked)])
    if not picked:
        return []
    return list(cases_by_urgency(user).filter(pk__in=picked)[:limit])


def _nearest_first(deadlines: QuerySet[Deadline], picked: list[int], limit: int) -> None:
    """Add to `picked` the cases of `deadlines` (in date order) until `limit` cases are picked, and
    every other case whose nearest date ties with the last one (the tie is broken later)."""
    seen = set(picked)
    last_date: datetime.date | None = None
    offset = 0
    while True:
        batch = list(deadlines.values_list("case_id", "date")[offset : offset + _SCAN_BATCH])
        for case_id, date in batch:
            if len(picked) >= limit and date != last_date:
                return
            if case_id not in seen:
                seen.add(case_id)
                picked.append(case_id)
                last_date = date
        if len(batch) < _SCAN_BATCH:
            return
        offset += _SCAN_BATCH


def feed_deadlines(user: Any, *, since: datetime.date) -> QuerySet[Deadline]:
    """What a user's calendar feed carries: deadlines of cases they can see, from `since` on."""
    return visible_deadlines(user).filter(date__gte=since).order_by("date", "time", "id")
