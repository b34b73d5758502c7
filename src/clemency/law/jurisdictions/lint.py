"""The data files' hygiene beyond what loading checks: dated values without gaps or overlaps, and
every hand-written pathway and deadline a file names exists and says what the file says."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from clemency.law.business_days import next_business_day
from clemency.law.evaluate import evaluate_node
from clemency.law.jurisdictions.builder import calendar_code
from clemency.law.jurisdictions.schema import Condition, DeadlineRule, Jurisdiction
from clemency.law.registry import get_pathway

_PROBE = dt.date(2030, 6, 12)  # a Wednesday


def _probes(rule: DeadlineRule) -> list[dt.date]:
    """Base dates that put the rule's day on a Wednesday and on a Saturday."""
    wednesday = _PROBE - dt.timedelta(days=rule.signed_days)
    return [wednesday, wednesday + dt.timedelta(days=3)]


def window_problems(where: str, conditions: list[Condition]) -> list[str]:
    """Dated values of one rule, in order of their start: each must end where the next begins."""
    problems = []
    ordered = sorted(conditions, key=lambda c: c.item.effective_from)
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if earlier.item.effective_to is None:
            problems.append(
                f"{where}: the value from {earlier.item.effective_from} is open-ended but another "
                f"starts {later.item.effective_from} (overlap)"
            )
        elif earlier.item.effective_to != later.item.effective_from:
            kind = "gap" if earlier.item.effective_to < later.item.effective_from else "overlap"
            problems.append(
                f"{where}: {kind} between {earlier.item.effective_to} and {later.item.effective_from}"
            )
    return problems


def problems(jurisdiction: Jurisdiction) -> list[str]:
    found: list[str] = []
    for kind, spec in jurisdiction.pathways.items():
        where = f"{jurisdiction.path}: pathways.{kind}"
        by_rule: dict[str, list[Condition]] = defaultdict(list)
        for condition in spec.conditions:
            if condition.rule != "question":
                by_rule[condition.rule].append(condition)
        for rule_name, conditions in by_rule.items():
            found.extend(window_problems(f"{where}.conditions ({rule_name})", conditions))
        pathway_id = spec.handwritten or f"{jurisdiction.code}.{kind}"
        try:
            pathway = get_pathway(pathway_id)
        except KeyError:
            found.append(f"{where}: no pathway {pathway_id} in the rulebook")
            continue
        if pathway.jurisdiction != jurisdiction.code:
            found.append(f"{where}: {pathway_id} belongs to {pathway.jurisdiction}")
        deadlines = {deadline.id: deadline for deadline in pathway.deadlines}
        for rule in spec.deadlines:
            deadline = deadlines.get(rule.id)
            if deadline is None:
                found.append(f"{where}: {pathway_id} has no deadline {rule.id}")
                continue
            # The data's arithmetic and the pathway's node must agree (hand-written ones included),
            # on a day that falls on a business day and on one that falls on a Saturday.
            for base in _probes(rule):
                facts = {rule.relative_to: base}
                if rule.relative_to != "execution_date":
                    facts["execution_date"] = base + dt.timedelta(days=90)
                value, _ = evaluate_node(deadline.node, facts, base)
                expected = base + dt.timedelta(days=rule.signed_days)
                if rule.if_not_business_day == "next":
                    expected = next_business_day(expected, calendar_code(jurisdiction.code))
                if value != expected:
                    found.append(
                        f"{where}: deadline {rule.id} from {base} computes {value}, the data says {expected}"
                    )
    return found
