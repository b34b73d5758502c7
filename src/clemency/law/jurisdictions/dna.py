"""Post-conviction DNA testing in every jurisdiction, from one cited data file each (`data/dna/<code>.yaml`).

The same builder package and the same reader (`schema._Reader`: every statement an item with its words,
citation, effective dates and `verified`) as the clemency pathways. A file:

    jurisdiction: us-ca
    name: California
    handwritten: us-tx.dna_testing     # optional: a hand-written pathway says more; nothing is built
    title: post-conviction DNA testing
    effective_from: 2001-01-01          # the statute's first day in force
    statute: ITEM                       # the statute that gives the right (its citation names it)
    court: ITEM                         # the court that hears the motion
    criteria: [ITEM + rule: RULE]       # written conditions decided from the case's facts (RULES below)
    response: ITEM + days:, title:      # the prosecutor's time to respond after service, where set
    preservation: [ITEM]                # the state's duty to keep the evidence
    questions: [str]                    # what a lawyer must settle (then the pathway is NEEDS_REVIEW)
    sources: [str]

Where the file has questions, the last criterion reads `dna_statute_conditions_met` (a lawyer's answer):
unknown -> NEEDS_REVIEW naming the statute, the court and the questions; once answered, decided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from clemency.law.common import in_custody_now
from clemency.law.facts import JURISDICTIONS
from clemency.law.jurisdictions.schema import DATA_DIR, Item, JurisdictionError, _Reader
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.tree import (
    AddDays,
    AddYears,
    AsOf,
    Const,
    Fact,
    If,
    Node,
    all_of,
    any_of,
    eq,
    is_true,
    latest,
    le,
    lt,
)

DNA_DIR = DATA_DIR / "dna"

# The day 60 months after the Justice for All Act of 2004 (Pub. L. 108-405, enacted 2004-10-30).
FEDERAL_PRESUMPTION_FLOOR = dt.date(2009, 10, 30)

# rule -> (node, true, false, unknown). One shared node per rule, so the batch engines compute it once
# for every jurisdiction that states it.
RULES: dict[str, tuple[Node, str, str, str]] = {
    "in_custody": (
        # A death sentence has no release date: in custody from its start (in_custody_now asks for one).
        If(eq(Fact("sentence_type"), "death"), le(Fact("custody_start_date"), AsOf()), in_custody_now()),
        "The person is serving a sentence of imprisonment or death.",
        "The person is not serving a sentence of imprisonment or death now.",
        "Whether the person is serving a sentence of imprisonment or death now is not known.",
    ),
    "innocence_asserted": (
        is_true("innocence_asserted_under_oath"),
        "The person has asserted actual innocence under penalty of perjury.",
        "The person has not asserted actual innocence under penalty of perjury.",
        "Whether the person has asserted actual innocence under oath is not known.",
    ),
    "evidence_exists": (
        is_true("biological_evidence_exists_testable"),
        "The evidence still exists in a condition that permits DNA testing.",
        "The evidence no longer exists in a condition that permits DNA testing.",
        "Whether the evidence still exists in a testable condition is not known.",
    ),
    "chain_of_custody": (
        is_true("chain_of_custody_sufficient"),
        "The evidence has been kept under a chain of custody sufficient to show it was not altered.",
        "The chain of custody is not sufficient to show the evidence was not altered.",
        "Whether the chain of custody is sufficient is not known.",
    ),
    "identity_in_issue": (
        is_true("identity_was_or_is_issue"),
        "The identity of the perpetrator was, or should have been, at issue.",
        "The identity of the perpetrator was not at issue.",
        "Whether the identity of the perpetrator was at issue is not known.",
    ),
    "identity_in_issue_at_trial": (
        If(is_true("convicted_after_trial"), is_true("identity_was_or_is_issue"), Const(True)),
        "The conviction followed a plea, or the identity of the perpetrator was at issue at trial.",
        "The person was convicted after a trial at which identity was not at issue.",
        "Whether the conviction followed a trial, and if so whether identity was at issue, is not known.",
    ),
    "untested_or_newer_method": (
        is_true("dna_evidence_untested_or_newer_method"),
        "The evidence was not DNA tested before, or a newer method would be more probative.",
        "The evidence was DNA tested before and no newer, more probative method is proposed.",
        "Whether the evidence was tested before, or a newer method is proposed, is not known.",
    ),
    "favorable_result_probable": (
        is_true("favorable_dna_result_reasonably_probable"),
        "A favourable result would raise a reasonable probability of a different outcome.",
        "A favourable result would not raise a reasonable probability of a different outcome.",
        "Whether a favourable result would raise a reasonable probability of a different outcome is not "
        "assessed.",
    ),
    "not_for_delay": (
        is_true("request_not_to_delay"),
        "The request is not made solely to delay the execution of the sentence or the administration of "
        "justice.",
        "The request is made to delay the sentence or the administration of justice.",
        "Whether the request is made for delay is not assessed.",
    ),
    "federal_timeliness": (
        any_of(
            le(
                AsOf(),
                latest(AddYears(Fact("conviction_date"), Const(3)), Const(FEDERAL_PRESUMPTION_FLOOR)),
            ),
            is_true("dna_untimeliness_excused"),
        ),
        "The motion is presumed timely (within 36 months of conviction or by 2009-10-30, whichever is "
        "later), or the presumption against a late motion is rebutted.",
        "The motion is late (more than 36 months after conviction and after 2009-10-30) and the "
        "presumption of untimeliness is not rebutted.",
        "The conviction date, or whether a late motion's presumption of untimeliness can be rebutted, is "
        "not known.",
    ),
}


@dataclass(frozen=True)
class DnaCriterion:
    rule: str
    item: Item


@dataclass(frozen=True)
class DnaResponse:
    days: int
    title: str
    item: Item


@dataclass(frozen=True)
class DnaLaw:
    code: str
    name: str
    handwritten: str | None
    title: str
    effective_from: dt.date
    statute: Item
    court: Item | None
    criteria: tuple[DnaCriterion, ...]
    response: DnaResponse | None
    preservation: tuple[Item, ...]
    questions: tuple[str, ...]
    sources: tuple[str, ...]

    def items(self) -> list[Item]:
        found = [self.statute, *(c.item for c in self.criteria), *self.preservation]
        if self.court is not None:
            found.append(self.court)
        if self.response is not None:
            found.append(self.response.item)
        return found

    @property
    def verified(self) -> bool:
        return all(item.verified for item in self.items())


FIELDS = {
    "jurisdiction",
    "name",
    "handwritten",
    "title",
    "effective_from",
    "statute",
    "court",
    "criteria",
    "response",
    "preservation",
    "questions",
    "sources",
}


def load(path: Path) -> DnaLaw:
    reader = _Reader(path)
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise JurisdictionError(f"{path.name}: not valid YAML: {error}") from error
    data = reader.mapping(raw, "file", FIELDS, {"jurisdiction", "name", "statute", "effective_from"})
    code = data["jurisdiction"]
    if code not in JURISDICTIONS:
        raise reader.fail("jurisdiction", f"unknown jurisdiction {code!r}")
    if path.stem != code:
        raise reader.fail("jurisdiction", f"the file must be named {code}.yaml")
    criteria = []
    for index, entry in enumerate(data.get("criteria") or ()):
        where = f"criteria[{index}]"
        item = reader.item(entry, where, {"rule"})
        if entry.get("rule") not in RULES:
            raise reader.fail(f"{where}.rule", f"must be one of {sorted(RULES)}, not {entry.get('rule')!r}")
        criteria.append(DnaCriterion(rule=entry["rule"], item=item))
    response = None
    if data.get("response") is not None:
        item = reader.item(data["response"], "response", {"days", "title"})
        days = data["response"].get("days")
        if not isinstance(days, int) or isinstance(days, bool) or days < 1:
            raise reader.fail("response.days", "must be a whole number of days, at least 1")
        title = reader.text(data["response"].get("title"), "response.title")
        response = DnaResponse(days=days, title=title, item=item)
    questions = tuple(reader.text(q, f"questions[{n}]") for n, q in enumerate(data.get("questions") or ()))
    handwritten = data.get("handwritten")
    if handwritten is None and not criteria and not questions:
        raise reader.fail("criteria", "a pathway needs written criteria or a lawyer's questions")
    return DnaLaw(
        code=code,
        name=reader.text(data["name"], "name"),
        handwritten=handwritten,
        title=str(data.get("title") or "post-conviction DNA testing"),
        effective_from=reader.day(data["effective_from"], "effective_from"),
        statute=reader.item(data["statute"], "statute"),
        court=None if data.get("court") is None else reader.item(data["court"], "court"),
        criteria=tuple(criteria),
        response=response,
        preservation=reader.items(data.get("preservation"), "preservation"),
        questions=questions,
        sources=tuple(str(s) for s in data.get("sources") or ()),
    )


@cache
def all_dna_laws() -> dict[str, DnaLaw]:
    found = {law.code: law for law in (load(path) for path in sorted(DNA_DIR.glob("*.yaml")))}
    return {code: found[code] for code in JURISDICTIONS if code in found}


def pathway_id(code: str) -> str:
    return f"{code}.dna_testing"


def _cited(item: Item) -> str:
    flag = "" if item.verified else " [not verified]"
    return f"{item.text} ({item.citation}, in force from {item.effective_from.isoformat()}){flag}"


def _law_text(law: DnaLaw) -> str:
    lines = [f"{law.name}: {law.title}.", "", "The statute: " + _cited(law.statute)]
    if law.court is not None:
        lines.append("The court: " + _cited(law.court))
    sections = (
        ("Conditions", tuple(c.item for c in law.criteria)),
        ("The prosecutor's response", (law.response.item,) if law.response else ()),
        ("Preserving the evidence", law.preservation),
    )
    for heading, items in sections:
        if items:
            lines += ["", heading + ":", *(f"- {_cited(item)}" for item in items)]
    if law.questions:
        lines += ["", "Not yet decided from the facts; a lawyer must answer:"]
        lines += [f"- {question}" for question in law.questions]
    return "\n".join(lines)


def _criterion(criterion: DnaCriterion, since: dt.date) -> Criterion:
    node, true, false, unknown = RULES[criterion.rule]
    item = criterion.item
    if item.effective_to is not None or item.effective_from > since:
        # A condition added later (or since repealed) binds only while in force.
        window: list[Node] = [le(Const(item.effective_from), AsOf())]
        if item.effective_to is not None:
            window.append(lt(AsOf(), Const(item.effective_to)))
        active = window[0] if len(window) == 1 else all_of(*window)
        node = If(active, node, Const(True), citation=item.citation)
    return Criterion(
        id=criterion.rule,
        node=node,
        citation=item.citation,
        explain_true=true,
        explain_false=f"{false} ({item.text})",
        explain_unknown=unknown,
        verified=item.verified,
    )


def build_dna_pathway(law: DnaLaw) -> Pathway:
    assert law.handwritten is None
    court = law.court.text if law.court is not None else "the convicting court"
    criteria = [
        Criterion(
            id="convicted_in_jurisdiction",
            node=eq(Fact("jurisdiction"), law.code, citation=law.statute.citation),
            citation=law.statute.citation,
            explain_true=f"The conviction is from {law.name}; {law.statute.text}",
            explain_false=f"The conviction is not from {law.name} ({{jurisdiction}}).",
            explain_unknown="The convicting jurisdiction is not known.",
            verified=law.statute.verified,
        ),
        *(_criterion(c, law.effective_from) for c in law.criteria),
    ]
    if law.questions:
        questions = " ".join(f"({n}) {q}" for n, q in enumerate(law.questions, start=1))
        criteria.append(
            Criterion(
                id="dna_statute_conditions_met",
                node=is_true("dna_statute_conditions_met"),
                citation=law.statute.citation,
                explain_true="A lawyer has confirmed that the statute's conditions are met.",
                explain_false="A lawyer has found that the statute's conditions are not met.",
                explain_unknown=f"The rulebook does not yet decide {law.statute.citation} from the facts. "
                f"Motion to: {court}. Questions for a lawyer: {questions}",
                verified=law.statute.verified,
            )
        )
    deadlines = []
    if law.response is not None:
        deadlines.append(
            Deadline(
                id="response_due",
                title=law.response.title,
                node=AddDays(
                    Fact("dna_motion_served_date"),
                    Const(law.response.days),
                    citation=law.response.item.citation,
                ),
                citation=law.response.item.citation,
                verified=law.response.item.verified,
            )
        )
    items = law.items()
    return Pathway(
        id=pathway_id(law.code),
        title=f"{law.name}: {law.title}",
        jurisdiction=law.code,
        authority=court,
        kind=Kind.COURT_MOTION,
        citations=tuple(dict.fromkeys(item.citation for item in items)),
        effective_from=law.effective_from,
        criteria=tuple(criteria),
        law=_law_text(law),
        deadlines=tuple(deadlines),
        documents=(
            "Motion for post-conviction DNA testing",
            "List of the evidence to be tested and where it is held",
        ),
        verified=law.verified,
        notes=" ".join(_cited(item) for item in law.preservation),
        module="clemency.law.jurisdictions.dna",
    )


@cache
def dna_pathways() -> tuple[Pathway, ...]:
    return tuple(build_dna_pathway(law) for law in all_dna_laws().values() if law.handwritten is None)
