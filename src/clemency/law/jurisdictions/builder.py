"""One pathway builder: a jurisdiction's data file -> its pardon, commutation and capital pathways.

Every pathway starts with the jurisdiction gate (`jurisdiction == us-xx`), so in a national screen
the batch engines settle nearly every row on one shared comparison, and adds only the criteria its
data states: written conditions become criteria (waiting periods become `eligible_from`, so the
answer is NOT_YET with a date), filing deadlines become deadline nodes, and where nothing written
settles eligibility the pathway asks a lawyer (the `authority_accepts_application` fact) and
answers NEEDS_REVIEW, naming the authority, the process and the questions, never "no pathway".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clemency.law.common import due_before_execution, in_custody_now
from clemency.law.jurisdictions.schema import (
    ROLES,
    Condition,
    DeadlineRule,
    Item,
    Jurisdiction,
    PathwaySpec,
    all_jurisdictions,
)
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.tree import (
    AddDays,
    AddYears,
    AsOf,
    Const,
    Fact,
    If,
    ListHasAny,
    NextBusinessDay,
    Node,
    Not,
    all_of,
    eq,
    ge,
    is_false,
    is_true,
    le,
    lt,
)

KIND_WORDS = {
    "pardon": "pardon",
    "commutation": "commutation of sentence",
    "capital_clemency": "clemency in a death-sentence case (reprieve or commutation)",
}


@dataclass(frozen=True)
class BuiltDeadline:
    """A deadline's rule as the data states it, for the weekend and holiday move."""

    pathway_id: str
    jurisdiction: str
    rule: DeadlineRule


def pathway_id(code: str, kind: str) -> str:
    return f"{code}.{kind}"


def _in_force(node: Node, item: Item, since: dt.date) -> Node:
    """`node` while the item is in force; before it (or after it ends) the condition does not apply."""
    if item.effective_from <= since and item.effective_to is None:
        return node
    window: list[Node] = []
    if item.effective_from > since:
        window.append(ge(AsOf(), Const(item.effective_from)))
    if item.effective_to is not None:
        window.append(lt(AsOf(), Const(item.effective_to)))
    active = window[0] if len(window) == 1 else all_of(*window)
    return If(active, node, Const(True), citation=item.citation)


def _gate(jurisdiction: Jurisdiction) -> Criterion:
    citation = jurisdiction.decides.citation
    return Criterion(
        id="convicted_in_jurisdiction",
        node=eq(Fact("jurisdiction"), jurisdiction.code, citation=citation),
        citation=citation,
        explain_true=f"The conviction is from {jurisdiction.name}; {jurisdiction.decides.text}",
        explain_false=f"The conviction is not from {jurisdiction.name} ({{jurisdiction}}).",
        explain_unknown="The convicting jurisdiction is not known.",
        verified=jurisdiction.decides.verified,
    )


def _condition(condition: Condition, since: dt.date) -> Criterion | None:
    # The nodes carry no citation of their own (the criterion carries it): the same node in every
    # state's pathway is then one node to the batch engines, computed once for all of them.
    item = condition.item
    sentences = {
        "sentence_completed": (
            le(Fact("sentence_completed_date"), AsOf()),
            "The sentence was completed on {sentence_completed_date}.",
            "The sentence has not been completed (it ends {sentence_completed_date}).",
            "Whether and when the sentence was completed is not known.",
        ),
        "serving_sentence": (
            in_custody_now(),
            "The person is serving a custodial sentence.",
            "The person is not serving a custodial sentence now.",
            "Whether the person is serving a custodial sentence now is not known.",
        ),
        "death_sentence": (
            eq(Fact("sentence_type"), "death"),
            "The person is under a sentence of death.",
            "The person is not under a sentence of death ({sentence_type}).",
            "Whether the sentence is death is not known.",
        ),
        "no_pending_charges": (
            is_false("pending_charges"),
            "No criminal charges are pending.",
            "Criminal charges are pending.",
            "Whether criminal charges are pending is not known.",
        ),
        "not_registered_sex_offender": (
            is_false("registered_sex_offender"),
            "The person is not on a sex-offender registry.",
            "The person is on a sex-offender registry.",
            "Whether the person is on a sex-offender registry is not known.",
        ),
        "excluded_offense_categories": (
            Not(ListHasAny(Fact("offense_categories"), Const(condition.categories))),
            "No offense of conviction is of an excluded kind ({offense_categories}).",
            "An offense of conviction is of a kind this pathway excludes ({offense_categories}).",
            "The kinds of offense of conviction are not known.",
        ),
    }
    if condition.rule not in sentences:
        return None  # waiting periods become eligible_from; questions become the lawyer's questions
    node, true, false, unknown = sentences[condition.rule]
    criterion_id = (
        condition.rule if condition.rule != "excluded_offense_categories" else "offense_not_excluded"
    )
    return Criterion(
        id=criterion_id,
        node=_in_force(node, item, since),
        citation=item.citation,
        explain_true=true + f" ({item.text})",
        explain_false=false + f" {item.text}",
        explain_unknown=unknown,
        verified=item.verified,
    )


def _eligible_from(spec: PathwaySpec) -> tuple[Node | None, str | None]:
    """Waiting periods after the sentence: one dated value per period, in force by as_of."""
    waits = sorted(
        (c for c in spec.conditions if c.rule == "years_after_sentence"), key=lambda c: c.item.effective_from
    )
    if not waits:
        return None, None
    node: Node = AddYears(
        Fact("sentence_completed_date"), Const(waits[-1].years), citation=waits[-1].item.citation
    )
    for wait in reversed(waits[:-1]):
        assert wait.item.effective_to is not None  # the lint: only the last period may be open-ended
        node = If(
            lt(AsOf(), Const(wait.item.effective_to)),
            AddYears(Fact("sentence_completed_date"), Const(wait.years), citation=wait.item.citation),
            node,
        )
    return node, "; ".join(dict.fromkeys(w.item.citation for w in waits))


def calendar_code(jurisdiction: str) -> str:
    """The holiday calendar of a jurisdiction code: "us" -> "US", "us-tx" -> "US-TX"."""
    return jurisdiction.upper()


def _rule_day(rule: DeadlineRule) -> Node:
    return AddDays(Fact(rule.relative_to), Const(rule.signed_days), citation=rule.item.citation)


def _deadline_node(rule: DeadlineRule, jurisdiction: str, capital: bool) -> Node:
    """The rule's day, moved off a weekend or holiday where the rule says so, and in a death case
    never on or after the execution (`due_before_execution`)."""
    node = _rule_day(rule)
    if rule.if_not_business_day == "next":
        node = NextBusinessDay(node, calendar_code(jurisdiction), citation=rule.item.citation)
    if capital:
        node = due_before_execution(node, citation=rule.item.citation)
    return node


def _timely(rule: DeadlineRule, deadline: Node) -> Criterion:
    fact = rule.relative_to.replace("_", " ")
    return Criterion(
        id=f"{rule.id}_not_passed",
        node=le(AsOf(), deadline, citation=rule.item.citation),
        citation=rule.item.citation,
        explain_true=f"On {{as_of}} there is still time: {rule.title.lower()} ({rule.item.text})",
        explain_false=f"The time to file has passed: {rule.title.lower()} ({rule.item.text})",
        explain_unknown=f"The {fact} is not known, so the filing deadline cannot be computed.",
        verified=rule.item.verified,
    )


def _confirmation(jurisdiction: Jurisdiction, spec: PathwaySpec) -> Criterion:
    citation = jurisdiction.decides.citation
    steps = " ".join(item.text for item in spec.process)
    questions = " ".join(f"({n}) {q}" for n, q in enumerate(spec.questions, start=1))
    return Criterion(
        id="authority_accepts_application",
        node=is_true("authority_accepts_application"),
        citation=citation,
        explain_true="A lawyer has confirmed that the authority will consider this application.",
        explain_false="A lawyer has found that the authority will not consider this application now.",
        explain_unknown=f"No written rule settles eligibility. Who decides: {jurisdiction.decides.text} "
        f"Process: {steps} Questions for a lawyer: {questions}",
        verified=jurisdiction.decides.verified,
    )


def _law(jurisdiction: Jurisdiction, spec: PathwaySpec) -> str:
    """The words of the law, paraphrased, each statement with its citation."""

    def cited(item: Item) -> str:
        flag = "" if item.verified else " [not verified]"
        return f"{item.text} ({item.citation}, in force from {item.effective_from.isoformat()}){flag}"

    lines = [
        f"{jurisdiction.name}: {KIND_WORDS[spec.kind]}.",
        "",
        "Who decides: " + cited(jurisdiction.decides),
        f"The board ({jurisdiction.board_name}): {ROLES[jurisdiction.board_role]}. "
        + cited(jurisdiction.board),
    ]
    if spec.kind == "capital_clemency" and jurisdiction.death_penalty is not None:
        lines.append("Death penalty: " + cited(jurisdiction.death_penalty))
    sections = (
        ("Application", spec.process),
        ("Conditions", tuple(c.item for c in spec.conditions)),
        ("Hearing", spec.hearing),
        ("Filing deadlines", tuple(d.item for d in spec.deadlines)),
        ("In practice", jurisdiction.practice),
    )
    for heading, items in sections:
        if items:
            lines.append("")
            lines.append(heading + ":")
            lines.extend(f"- {cited(item)}" for item in items)
    if spec.questions:
        lines.append("")
        lines.append("No written rule settles eligibility; a lawyer must answer:")
        lines.extend(f"- {question}" for question in spec.questions)
    return "\n".join(lines)


def build_pathway(jurisdiction: Jurisdiction, spec: PathwaySpec) -> Pathway:
    assert spec.effective_from is not None and spec.handwritten is None
    pid = pathway_id(jurisdiction.code, spec.kind)
    criteria = [_gate(jurisdiction)]
    for condition in spec.conditions:
        criterion = _condition(condition, spec.effective_from)
        if criterion is not None:
            criteria.append(criterion)
    capital = spec.kind == "capital_clemency"
    nodes = {rule.id: _deadline_node(rule, jurisdiction.code, capital) for rule in spec.deadlines}
    criteria.extend(_timely(rule, nodes[rule.id]) for rule in spec.deadlines if rule.timely)
    if spec.needs_confirmation:
        criteria.append(_confirmation(jurisdiction, spec))
    deadlines = [
        Deadline(
            id=rule.id,
            title=rule.title,
            node=nodes[rule.id],
            citation=rule.item.citation,
            verified=rule.item.verified,
            rule_day=_rule_day(rule) if capital else None,
        )
        for rule in spec.deadlines
    ]
    if spec.kind == "capital_clemency" and jurisdiction.death_penalty is not None:
        deadlines.append(
            Deadline(
                id="execution",
                title="The execution date set: clemency must be decided before it",
                node=Fact("execution_date"),
                citation=jurisdiction.death_penalty.citation,
                verified=jurisdiction.death_penalty.verified,
            )
        )
    eligible_from, eligible_citation = _eligible_from(spec)
    items = [jurisdiction.decides, jurisdiction.board, *spec.items()]
    citations = tuple(dict.fromkeys(item.citation for item in items))
    notes = " ".join(item.text + f" ({item.citation})" for item in jurisdiction.practice)
    return Pathway(
        id=pid,
        title=f"{jurisdiction.name}: {spec.title}",
        jurisdiction=jurisdiction.code,
        authority=jurisdiction.decides.text,
        kind=Kind.EXECUTIVE_CLEMENCY,
        citations=citations,
        effective_from=spec.effective_from,
        criteria=tuple(criteria),
        law=_law(jurisdiction, spec),
        eligible_from=eligible_from,
        eligible_from_citation=eligible_citation,
        deadlines=tuple(deadlines),
        documents=spec.documents,
        verified=all(item.verified for item in items),
        notes=notes,
        module="clemency.law.jurisdictions",
    )


def build_all() -> tuple[list[Pathway], list[BuiltDeadline]]:
    pathways: list[Pathway] = []
    rules: list[BuiltDeadline] = []
    for jurisdiction in all_jurisdictions().values():
        for spec in jurisdiction.pathways.values():
            pid = spec.handwritten or pathway_id(jurisdiction.code, spec.kind)
            rules.extend(BuiltDeadline(pid, jurisdiction.code, rule) for rule in spec.deadlines)
            if spec.handwritten is None:
                pathways.append(build_pathway(jurisdiction, spec))
    return pathways, rules
