"""Pathways: a way out (a pardon, a motion, a commutation), with the criteria that decide it.

A pathway's outcome is computed from its criteria and its optional `eligible_from` date node
exactly as stated in `clemency.law.tree` (see `outcome_from`). Criteria should not depend on the
passage of time where the law says "after X years": put that in `eligible_from`, so the answer is
NOT_YET with a date rather than INELIGIBLE.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from clemency.law.tree import Node


class Kind(StrEnum):
    EXECUTIVE_CLEMENCY = "executive clemency"
    COURT_MOTION = "court motion"
    ADMINISTRATIVE = "administrative"
    CLASSIFICATION = "classification"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Criterion:
    """One requirement. `explain_*` are plain-English sentences; `{fact}` fields are filled in."""

    id: str
    node: Node
    citation: str
    explain_true: str
    explain_false: str
    explain_unknown: str
    verified: bool = False
    note: str = ""

    @property
    def citations(self) -> tuple[str, ...]:
        found = [self.citation]
        for node in self.node.walk():
            if node.citation and node.citation not in found:
                found.append(node.citation)
        return tuple(found)


@dataclass(frozen=True)
class Deadline:
    """A date by which something must be done. `node` is the deadline itself; `rule_day`, when
    set, is the rule's own day before `node` limited it (by the day before the execution), so
    the evaluator can say why the two differ."""

    id: str
    title: str
    node: Node
    citation: str
    verified: bool = False
    rule_day: Node | None = None


@dataclass(frozen=True)
class Pathway:
    id: str
    title: str
    jurisdiction: str
    authority: str
    kind: Kind
    citations: tuple[str, ...]
    effective_from: dt.date
    criteria: tuple[Criterion, ...]
    law: str  # the words of the law, paraphrased, for the memo and the rulebook
    effective_to: dt.date | None = None
    eligible_from: Node | None = None
    eligible_from_citation: str | None = None
    deadlines: tuple[Deadline, ...] = ()
    documents: tuple[str, ...] = ()
    verified: bool = False
    notes: str = ""
    module: str = field(default="", compare=False)

    def nodes(self) -> list[Node]:
        nodes = [criterion.node for criterion in self.criteria]
        if self.eligible_from is not None:
            nodes.append(self.eligible_from)
        nodes.extend(deadline.node for deadline in self.deadlines)
        nodes.extend(deadline.rule_day for deadline in self.deadlines if deadline.rule_day is not None)
        return nodes

    @property
    def needed_facts(self) -> list[str]:
        """Every fact the pathway can read, in the order first met."""
        seen: dict[str, None] = {}
        for node in self.nodes():
            for name in node.fact_names():
                seen[name] = None
        return list(seen)

    @property
    def parameter_names(self) -> list[str]:
        seen: dict[str, None] = {}
        for node in self.nodes():
            for name in node.param_names():
                seen[name] = None
        return list(seen)

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(f"{self.id} has no criterion {criterion_id}")
