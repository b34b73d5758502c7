"""The scalar evaluator: one person's facts, one as-of date, one pathway -> a result with a proof.

For each criterion the proof holds its value, the facts it read, its citations, the cited steps
inside it, and one plain-English sentence. Null handling follows `clemency.law.tree`.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clemency.law import business_days
from clemency.law import tree as t
from clemency.law.bounds import effective_criterion_node, effective_eligible_from
from clemency.law.facts import FACTS, Facts, validate_facts
from clemency.law.parameters import resolve
from clemency.law.pathway import Criterion, Deadline, Pathway
from clemency.law.tree import Node, Outcome, outcome_from

Unknowns = frozenset[str]  # fact names, or "param:<name>" for a parameter not in force
_NONE: Unknowns = frozenset()


@dataclass
class Step:
    rule: str
    value: Any
    citation: str


@dataclass
class CriterionResult:
    id: str
    value: bool | None
    citations: list[str]
    explanation: str
    facts_read: dict[str, Any]
    missing_facts: list[str]
    steps: list[Step] = field(default_factory=list)
    verified: bool = False
    bounds_used: list[str] = field(default_factory=list)

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "value": self.value,
            "citations": self.citations,
            "explanation": self.explanation,
            "bounds_used": self.bounds_used,
        }
        if detail:
            out["facts_read"] = {name: _jsonable(value) for name, value in self.facts_read.items()}
            out["missing_facts"] = self.missing_facts
            out["verified"] = self.verified
            out["steps"] = [{"rule": s.rule, "value": s.value, "citation": s.citation} for s in self.steps]
        return out


@dataclass
class DeadlineResult:
    """A deadline's date with its status on the as-of date ("due on D", "passed on D", or
    unknown) and notes: why it is earlier than the rule's day (the execution), and how a
    weekend or holiday moved it (the last safe day, with the rule)."""

    id: str
    title: str
    date: dt.date | None
    citation: str
    status: str = "unknown"
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.status.startswith("passed")

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "date": _jsonable(self.date),
            "citation": self.citation,
            "status": self.status,
            "notes": self.notes,
        }
        if detail:
            out["title"] = self.title
        return out


def _deadline_status(date: dt.date | None, as_of: dt.date) -> str:
    if date is None:
        return "unknown"
    return f"passed on {date.isoformat()}" if date < as_of else f"due on {date.isoformat()}"


def _business_day_notes(node: Node, facts: Mapping[str, Any], as_of: dt.date) -> list[str]:
    """For each NextBusinessDay inside a deadline: the rule's day, why it moved, the last safe day."""
    notes = []
    for inner in node.walk():
        if isinstance(inner, t.NextBusinessDay):
            day, _ = evaluate_node(inner.date, facts, as_of)
            if isinstance(day, dt.date) and business_days.in_table_years(day):
                move = business_days.move_off_closed_day(day, inner.calendar)
                rule = f" ({inner.citation})" if inner.citation else ""
                notes.append(move.explanation().removesuffix(".") + rule + ".")
    return notes


def evaluate_deadline(deadline: Deadline, facts: Mapping[str, Any], as_of: dt.date) -> DeadlineResult:
    date, _ = evaluate_node(deadline.node, facts, as_of)
    notes = _business_day_notes(deadline.node, facts, as_of)
    if deadline.rule_day is not None:
        rule_day, _ = evaluate_node(deadline.rule_day, facts, as_of)
        execution = facts.get("execution_date")
        if isinstance(rule_day, dt.date) and isinstance(date, dt.date) and date < rule_day:
            notes.append(
                f"The rule's day, {rule_day.isoformat()}, is not before the execution set for "
                f"{_jsonable(execution)}: it is due by the day before the execution, {date.isoformat()}."
            )
        elif isinstance(rule_day, dt.date) and date is None:
            notes.append(
                f"The rule's day is {rule_day.isoformat()}, but it must also fall before the execution, "
                "whose date is not known."
            )
    return DeadlineResult(
        deadline.id, deadline.title, date, deadline.citation, _deadline_status(date, as_of), notes
    )


@dataclass
class Result:
    pathway: Pathway
    as_of: dt.date
    outcome: Outcome
    eligible_from: dt.date | None
    criteria: list[CriterionResult]
    deadlines: list[DeadlineResult]
    missing_facts: list[str]
    reasons: list[str]
    bounds_used: list[str] = field(default_factory=list)
    eligible_from_is_bound: bool = False

    @property
    def questions(self) -> list[str]:
        return [FACTS[name].question for name in self.missing_facts if name in FACTS]

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        """The shape `clemency explain --format json` prints; `detail` adds the proof's inner steps."""
        return {
            "pathway": self.pathway.id,
            "title": self.pathway.title,
            "outcome": self.outcome.value,
            "eligible_from": _jsonable(self.eligible_from),
            "eligible_from_is_bound": self.eligible_from_is_bound,
            "bounds_used": self.bounds_used,
            "missing_facts": self.missing_facts,
            "questions": self.questions,
            "reasons": self.reasons,
            "criteria": [criterion.to_dict(detail) for criterion in self.criteria],
            "deadlines": [deadline.to_dict(detail) for deadline in self.deadlines],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


class _Evaluation:
    def __init__(self, facts: Mapping[str, Any], as_of: dt.date) -> None:
        self.facts = facts
        self.as_of = as_of
        self.read: dict[str, Any] = {}
        self.steps: list[Step] = []

    def run(self, node: Node) -> tuple[Any, Unknowns]:
        value, unknowns = self._eval(node)
        if node.citation:
            self.steps.append(Step(t.describe(node), _jsonable(value), node.citation))
        return value, unknowns

    def _all(self, items: tuple[Node, ...]) -> list[tuple[Any, Unknowns]]:
        return [self.run(item) for item in items]

    def _eval(self, node: Node) -> tuple[Any, Unknowns]:  # noqa: C901 - one branch per node kind
        if isinstance(node, t.Fact):
            if node.name not in FACTS:
                raise KeyError(f"rule reads unknown fact {node.name}")
            value = self.facts.get(node.name)
            self.read[node.name] = value
            return value, (frozenset({node.name}) if value is None else _NONE)
        if isinstance(node, t.Param):
            value = resolve(node.name, self.as_of)
            return value, (frozenset({f"param:{node.name}"}) if value is None else _NONE)
        if isinstance(node, t.Const):
            return node.value, _NONE
        if isinstance(node, t.AsOf):
            return self.as_of, _NONE
        if isinstance(node, (t.All, t.Any)):
            return self._kleene(node)
        if isinstance(node, t.Not):
            value, unknowns = self.run(node.item)
            return (None if value is None else not value), unknowns
        if isinstance(node, t.Unless):
            return self._kleene(t.All((node.rule, t.Not(node.exception))))
        if isinstance(node, t.If):
            cond, unknowns = self.run(node.cond)
            if cond is None:
                then, then_unknowns = self.run(node.then)
                otherwise, otherwise_unknowns = self.run(node.otherwise)
                if then is None or otherwise is None:
                    return None, unknowns | then_unknowns | otherwise_unknowns
                if node.unknown == "latest":
                    return max(then, otherwise), _NONE
                agree = then == otherwise and type(then) is type(otherwise)
                return (then, _NONE) if agree else (None, unknowns)
            return self.run(node.then if cond else node.otherwise)
        if isinstance(node, t.FactOr):
            value = self.facts.get(node.name)
            self.read[node.name] = value
            return (node.default if value is None else value), _NONE
        if isinstance(node, t.Fallback):
            value, unknowns = self.run(node.node)
            if value is not None:
                return value, _NONE
            bound, _ = self.run(node.bound)
            if node.keep == "true":
                return (True, _NONE) if bound is True else (None, unknowns)
            return (bound, _NONE) if bound is not None else (None, unknowns)
        if isinstance(node, t.IsIn):
            value, unknowns = self.run(node.value)
            return (None if value is None else value in node.options), unknowns
        if isinstance(node, (t.ListHasAny, t.ListOnly)):
            return self._list(node)
        operands = self._operands(node)
        values = [value for value, _ in operands]
        unknowns = frozenset().union(*(u for _, u in operands))
        if any(value is None for value in values):
            return None, unknowns
        try:
            return _apply(node, values), _NONE
        except (OverflowError, ValueError, ZeroDivisionError):
            # A date pushed outside the calendar (after 9999-12-31), or a CeilDiv by zero, is
            # unknown, as in the batch engines; the facts it was computed from are the ones to check.
            return None, frozenset(n.name for n in node.walk() if isinstance(n, t.Fact))

    def _operands(self, node: Node) -> list[tuple[Any, Unknowns]]:
        if isinstance(node, (t.Earliest, t.Latest)):
            return self._all(node.items)
        return [self.run(child) for child in node.children()]

    def _kleene(self, node: t.All | t.Any) -> tuple[Any, Unknowns]:
        results = self._all(node.items)
        dominant = isinstance(node, t.Any)  # True dominates Any, False dominates All
        if any(value is dominant for value, _ in results):
            return dominant, _NONE
        if any(value is None for value, _ in results):
            return None, frozenset().union(*(u for value, u in results if value is None))
        return (not dominant), _NONE

    def _list(self, node: t.ListHasAny | t.ListOnly) -> tuple[Any, Unknowns]:
        items, unknowns = self.run(node.items)
        options, option_unknowns = self.run(node.options)
        if items is None or options is None:
            return None, unknowns | option_unknowns
        if isinstance(node, t.ListOnly):
            return (len(items) > 0 and all(item in options for item in items)), _NONE
        return any(t.item_matches(item, options, node.match) for item in items), _NONE


def _apply(node: Node, values: list[Any]) -> Any:
    if isinstance(node, t.Compare):
        left, right = values
        ops = {
            "==": left == right,
            "!=": left != right,
        }
        if node.op in ops:
            return ops[node.op]
        return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[node.op]
    if isinstance(node, t.Add):
        return values[0] + values[1]
    if isinstance(node, t.Sub):
        return values[0] - values[1]
    if isinstance(node, t.Mul):
        return values[0] * values[1]
    if isinstance(node, t.CeilDiv):
        return -(-values[0] // values[1])
    if isinstance(node, t.DaysBetween):
        return (values[1] - values[0]).days
    if isinstance(node, t.AddDays):
        return values[0] + dt.timedelta(days=values[1])
    if isinstance(node, t.AddYears):
        return t.add_years(values[0], values[1])
    if isinstance(node, t.AgeOn):
        return t.age_on(values[0], values[1])
    if isinstance(node, t.NextBusinessDay):
        return business_days.roll_forward(values[0], node.calendar)
    if isinstance(node, t.Earliest):
        return min(values)
    if isinstance(node, t.Latest):
        return max(values)
    raise TypeError(f"cannot evaluate {type(node).__name__}")


class _Fill(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "unknown"


def _sentence(template: str, facts: Mapping[str, Any], extra: Mapping[str, Any]) -> str:
    fill = _Fill()
    for name, value in {**facts, **extra}.items():
        if value is None:
            continue
        if isinstance(value, tuple):
            fill[name] = ", ".join(value) if value else "none"
        elif isinstance(value, dt.date):
            fill[name] = value.isoformat()
        else:
            fill[name] = str(value)
    return string.Formatter().vformat(template, (), fill)


def _bound_sentences(node: Node, facts: Mapping[str, Any]) -> list[str]:
    """What a bound tree assumed for this person: each unknown bounded fact at its bound, and
    each rule chosen by the later of its dates."""
    sentences: list[str] = []
    for inner in node.walk():
        if isinstance(inner, t.FactOr) and facts.get(inner.name) is None:
            spec = FACTS[inner.name]
            unit = f" {spec.unit}" if spec.unit else ""
            sentence = f"Not known: {spec.question} Counted as {inner.default}{unit}, the least it can be. "
            sentences.append(sentence + spec.bound_note)
    if any(isinstance(inner, t.If) and inner.unknown == "latest" for inner in node.walk()):
        sentences.append(
            "Where which rule applies is not known, the later of the rules' dates was used, so the "
            "date is the latest it can be."
        )
    return list(dict.fromkeys(sentences))


def evaluate_criterion(criterion: Criterion, facts: Mapping[str, Any], as_of: dt.date) -> CriterionResult:
    run = _Evaluation(facts, as_of)
    value, unknowns = run.run(criterion.node)
    bounds_used: list[str] = []
    effective = effective_criterion_node(criterion)
    if value is None and effective is not criterion.node:
        bounded, _ = _Evaluation(facts, as_of).run(effective)
        if bounded is True:
            value, unknowns = True, _NONE
            bounds_used = _bound_sentences(effective, facts)
    if value is not None and not isinstance(value, bool):
        raise TypeError(f"criterion {criterion.id} gave {value!r}, not true/false/unknown")
    template = {True: criterion.explain_true, False: criterion.explain_false, None: criterion.explain_unknown}
    return CriterionResult(
        id=criterion.id,
        value=value,
        citations=list(criterion.citations),
        explanation=_sentence(template[value], facts, {"as_of": as_of}),
        facts_read=dict(run.read),
        missing_facts=sorted(unknowns) if value is None else [],
        steps=run.steps,
        verified=criterion.verified,
        bounds_used=bounds_used,
    )


def evaluate_node(node: Node, facts: Mapping[str, Any], as_of: dt.date) -> tuple[Any, list[str]]:
    """Value of any node and, when it is None, the facts or parameters that would settle it."""
    value, unknowns = _Evaluation(facts, as_of).run(node)
    return value, sorted(unknowns) if value is None else []


def evaluate(
    pathway: Pathway, facts: Mapping[str, Any] | Facts, as_of: dt.date, *, validated: bool = False
) -> Result:
    """Evaluate one pathway for one person on `as_of`. Raw facts are validated first."""
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        raise TypeError("as_of must be a datetime.date")
    checked = dict(facts) if validated else validate_facts(facts)
    criteria = [evaluate_criterion(criterion, checked, as_of) for criterion in pathway.criteria]
    unknowns: set[str] = set()
    for result in criteria:
        unknowns.update(result.missing_facts)
    eligible_from: dt.date | None = None
    has_date = pathway.eligible_from is not None
    from_bound = False
    bounds_used = [sentence for result in criteria for sentence in result.bounds_used]
    if pathway.eligible_from is not None:
        eligible_from, date_unknowns = evaluate_node(pathway.eligible_from, checked, as_of)
        effective = effective_eligible_from(pathway)
        if eligible_from is None and effective is not None and effective is not pathway.eligible_from:
            eligible_from, _ = evaluate_node(effective, checked, as_of)
            from_bound = eligible_from is not None
            if from_bound:
                bounds_used += _bound_sentences(effective, checked)
        if not any(result.value is False for result in criteria):
            unknowns.update(date_unknowns)
    outcome = outcome_from([result.value for result in criteria], has_date, eligible_from, as_of)
    if outcome in (Outcome.INELIGIBLE, Outcome.ELIGIBLE):
        # Eligible at the least favourable reading (a bound): no answer can change it.
        unknowns = set()
    deadlines = [evaluate_deadline(deadline, checked, as_of) for deadline in pathway.deadlines]
    missing = sorted(name for name in unknowns if not name.startswith("param:"))
    reasons = [
        f"no value of {name.removeprefix('param:')} is in force on {as_of.isoformat()}"
        for name in sorted(unknowns)
        if name.startswith("param:")
    ]
    if outcome is Outcome.NEEDS_REVIEW:
        # A criterion unknown although every fact it read is known (an execution date already
        # past, a passed advisory deadline) asks its question in its own words.
        reasons.extend(
            result.explanation for result in criteria if result.value is None and not result.missing_facts
        )
    return Result(
        pathway=pathway,
        as_of=as_of,
        outcome=outcome,
        eligible_from=eligible_from if outcome in (Outcome.ELIGIBLE, Outcome.NOT_YET) else None,
        criteria=criteria,
        deadlines=deadlines,
        missing_facts=missing,
        reasons=reasons,
        bounds_used=list(dict.fromkeys(bounds_used)) if outcome is not Outcome.INELIGIBLE else [],
        eligible_from_is_bound=from_bound and outcome in (Outcome.ELIGIBLE, Outcome.NOT_YET),
    )
