"""Computed deadlines: every date the rulebook produces for a case, kept among the case's deadlines.

The rulebook is their source of truth. `sync_computed_deadlines` is called in the same transaction as
every change of the facts they rest on (a conviction, a sentence, an answer, an execution date), so a
new execution date moves them and a stay (the execution date marked done) removes them. Each is keyed
by pathway and deadline (`computed_key`), so recomputing never makes a second copy. One a person marked
done stays, done, with its history, even when the rulebook no longer produces it.

Which dates: the deadlines of every pathway of the case's jurisdiction whose outcome is not "not
eligible", and the date each NOT_YET pathway becomes available. A date already past when first computed
is not added (it is shown on the eligibility panel); one already kept is updated like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from clemency.audit.services import record_event, snapshot
from clemency.deadlines.models import EARLIEST_DATE, LATEST_DATE, Deadline, DeadlineKind, DeadlineOrigin
from clemency.law import Outcome

COMPUTED_FIELDS = ["date", "title", "citation", "facts_used", "source"]

# Cases waiting for one recomputation at the end of a compound change (see `recompute_once`).
_PENDING: ContextVar[dict[int, Any] | None] = ContextVar("pending_recomputations", default=None)


@contextmanager
def recompute_once(*, actor: Any) -> Iterator[None]:
    """Inside: changes of facts only note their case; on leaving, each case is recomputed once.

    For a compound change made of many service calls (a case from a screening candidate: a conviction,
    a sentence, charges, an execution date and forty answers), still inside the caller's transaction.
    If the block fails, nothing is recomputed (the transaction rolls back anyway).
    """
    outer = _PENDING.get()
    if outer is not None:  # already inside one: the outermost recomputes
        yield
        return
    pending: dict[int, Any] = {}
    token = _PENDING.set(pending)
    try:
        yield
    finally:
        _PENDING.reset(token)
    for case in pending.values():
        sync_computed_deadlines(case, actor=actor)


@dataclass(frozen=True)
class ComputedDate:
    key: str
    kind: str
    date: dt.date
    title: str
    citation: str
    source: str
    facts_used: dict[str, Any]


def computed_dates(case: Any, *, as_of: dt.date) -> list[ComputedDate]:
    """The dates the rulebook produces for the case on `as_of`, one per pathway deadline or opening."""
    from clemency.cases.facts import convictions_to_facts, encode_value
    from clemency.screenings.eligibility import evaluate_facts

    facts = convictions_to_facts(case)
    eligibility = evaluate_facts(facts, as_of=as_of)

    def used(node: Any) -> dict[str, Any]:
        return {name: encode_value(facts.get(name)) for name in node.fact_names()}

    found: list[ComputedDate] = []
    for result in eligibility.results:
        pathway = result.pathway
        if result.outcome == Outcome.INELIGIBLE:
            continue
        nodes = {deadline.id: deadline.node for deadline in pathway.deadlines}
        for deadline in result.deadlines:
            if deadline.date is None or not EARLIEST_DATE <= deadline.date <= LATEST_DATE:
                continue
            found.append(
                ComputedDate(
                    key=f"{pathway.id}:{deadline.id}",
                    kind=DeadlineKind.FILING,
                    date=deadline.date,
                    title=deadline.title,
                    citation=deadline.citation,
                    source=f"Computed by the rulebook: {pathway.title}",
                    facts_used=used(nodes[deadline.id]) if deadline.id in nodes else {},
                )
            )
        opens = result.eligible_from if result.outcome == Outcome.NOT_YET else None
        if opens is not None and pathway.eligible_from is not None and EARLIEST_DATE <= opens <= LATEST_DATE:
            found.append(
                ComputedDate(
                    key=f"{pathway.id}:eligible_from",
                    kind=DeadlineKind.OTHER,
                    date=opens,
                    title=f"Becomes eligible: {pathway.title}"[:200],
                    citation=pathway.eligible_from_citation or "; ".join(pathway.citations),
                    source=f"Computed by the rulebook: {pathway.title}",
                    facts_used=used(pathway.eligible_from),
                )
            )
    return found


def sync_computed_deadlines(case: Any, *, actor: Any, as_of: dt.date | None = None) -> list[Deadline]:
    """Make the case's computed deadlines equal to what the rulebook produces now; audit each change.

    Runs inside the caller's transaction (the change of facts and the recomputation land together).
    """
    pending = _PENDING.get()
    if pending is not None:
        pending[case.pk] = case
        return []
    as_of = as_of or timezone.localdate()
    with transaction.atomic():
        wanted = {found.key: found for found in computed_dates(case, as_of=as_of)}
        kept = {
            deadline.computed_key: deadline
            for deadline in Deadline.objects.select_for_update().filter(
                case=case, origin=DeadlineOrigin.COMPUTED
            )
        }
        current: list[Deadline] = []
        for key, found in wanted.items():
            deadline = kept.get(key)
            if deadline is None:
                if found.date < as_of:
                    continue  # already past when first computed: the panel shows it; no alarm for it
                current.append(_create(case, found, actor=actor))
            else:
                current.append(_update(deadline, found, actor=actor))
        for key, deadline in kept.items():
            if key in wanted or deadline.done:
                continue  # a deadline marked done stays, with its history
            _audit("deadline.withdrawn", deadline, actor=actor, before=snapshot(deadline), after=None)
            deadline.delete()
    return current


def _create(case: Any, found: ComputedDate, *, actor: Any) -> Deadline:
    deadline = Deadline.objects.create(
        case=case,
        kind=found.kind,
        date=found.date,
        title=found.title[:200],
        source=found.source[:300],
        citation=found.citation[:500],
        facts_used=found.facts_used,
        origin=DeadlineOrigin.COMPUTED,
        computed_key=found.key,
    )
    _audit("deadline.computed", deadline, actor=actor, before=None, after=snapshot(deadline))
    return deadline


def _update(deadline: Deadline, found: ComputedDate, *, actor: Any) -> Deadline:
    values = {
        "date": found.date,
        "title": found.title[:200],
        "citation": found.citation[:500],
        "facts_used": found.facts_used,
        "source": found.source[:300],
    }
    if all(getattr(deadline, name) == value for name, value in values.items()):
        return deadline
    before = snapshot(deadline, COMPUTED_FIELDS)
    for name, value in values.items():
        setattr(deadline, name, value)
    deadline.save()
    _audit(
        "deadline.recomputed", deadline, actor=actor, before=before, after=snapshot(deadline, COMPUTED_FIELDS)
    )
    return deadline


def _audit(action: str, deadline: Deadline, *, actor: Any, before: Any, after: Any) -> None:
    record_event(
        action,
        actor=actor,
        obj=deadline,
        case_id=deadline.case_id,
        team_id=deadline.case.team_id,
        before=before,
        after=after,
    )
