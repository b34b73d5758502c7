"""The durations that matter, computed on the day asked: since the request, since the order, since the
evidence was last located; what is awaited, from whom; which steps are stalled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from clemency.accounts.access import restrict
from clemency.dna.models import Result, Step, StepKind, TestingRequest


@dataclass(frozen=True)
class Durations:
    request: TestingRequest
    days_since_request: int
    ordered_on: dt.date | None
    days_since_order: int | None
    evidence_last_located_on: dt.date | None
    days_since_evidence_located: int | None
    awaited: list[Step]
    stalled: list[Step]
    tests_pending: int

    @property
    def awaited_words(self) -> str:
        if self.awaited:
            return "; ".join(f"{s.get_kind_display()} from {s.from_whom}" for s in self.awaited)
        if self.tests_pending:
            return "Results from the lab"
        return "Nothing recorded as awaited"


def durations(request: TestingRequest, today: dt.date) -> Durations:
    steps = list(request.steps.all())
    orders = [s.occurred_on for s in steps if s.kind == StepKind.ORDER and s.occurred_on is not None]
    ordered_on = min(orders) if orders else None
    located = [e.last_located_on for e in request.evidence.all() if e.last_located_on is not None]
    # The oldest confirmation is the weakest link: that item has gone longest unseen.
    last_located = min(located) if located else None
    awaited = [s for s in steps if s.occurred_on is None]
    return Durations(
        request=request,
        days_since_request=(today - request.filed_on).days,
        ordered_on=ordered_on,
        days_since_order=None if ordered_on is None else (today - ordered_on).days,
        evidence_last_located_on=last_located,
        days_since_evidence_located=None if last_located is None else (today - last_located).days,
        awaited=awaited,
        stalled=[s for s in awaited if s.stalled(today)],
        tests_pending=sum(1 for t in request.tests.all() if t.result == Result.PENDING),
    )


def visible_requests(user: Any) -> QuerySet[TestingRequest]:
    return restrict(TestingRequest.objects.select_related("case", "case__person"), user, "case__team")


def stalled_steps(user: Any, today: dt.date) -> QuerySet[Step]:
    """Awaited steps past their due date on the cases the user can see (the dashboard's list)."""
    return restrict(
        Step.objects.select_related("request", "request__case"), user, "request__case__team"
    ).filter(occurred_on__isnull=True, due_on__lt=today)
