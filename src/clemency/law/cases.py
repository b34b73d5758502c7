"""YAML example cases beside each pathway module: what a lawyer reads, what the tests run.

A file `<module>.cases.yaml` holds:

    people:                      # named sets of facts, reused by cases
      ada: {birth_date: 1950-01-02, court_system: federal, ...}
    cases:
      - name: A plain-English sentence
        pathway: us.compassionate_release.age
        person: ada              # optional: start from these facts
        facts: {jail_credit_days: null}   # added or replaced (null removes a fact: unknown)
        as_of: 2024-06-01
        outcome: ELIGIBLE
        eligible_from: 2023-11-01           # optional
        criteria: {aging_deterioration: true}   # optional: expected criterion values
        citations: ["USSG 1B1.13(b)(2)(B)"]     # optional: must appear in the explanation
        missing_facts: [jail_credit_days]       # optional: exactly these
        deadlines: {petition_due: 2020-08-14}   # optional
        deadline_status: {petition_due: passed on 2020-08-14}   # optional: "due on D" / "passed on D"
        eligible_from_is_bound: true            # optional: the date is a bound ("no later than")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LAW_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Case:
    name: str
    pathway: str
    as_of: dt.date
    facts: dict[str, Any]
    outcome: str
    source: str
    eligible_from: dt.date | None | str = "unchecked"
    criteria: dict[str, bool | None] = field(default_factory=dict)
    citations: tuple[str, ...] = ()
    missing_facts: tuple[str, ...] | None = None
    deadlines: dict[str, dt.date | None] = field(default_factory=dict)
    deadline_status: dict[str, str] = field(default_factory=dict)
    eligible_from_is_bound: bool | None = None


def _facts(people: dict[str, dict[str, Any]], raw: dict[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if raw.get("person"):
        facts.update(people[raw["person"]])
    for name, value in (raw.get("facts") or {}).items():
        if value is None:
            facts.pop(name, None)
        else:
            facts[name] = value
    return facts


def load_file(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    people = data.get("people") or {}
    out = []
    for raw in data.get("cases") or []:
        out.append(
            Case(
                name=raw["name"],
                pathway=raw["pathway"],
                as_of=raw["as_of"],
                facts=_facts(people, raw),
                outcome=raw["outcome"],
                source=str(path.relative_to(LAW_DIR)),
                eligible_from=raw.get("eligible_from", "unchecked"),
                criteria=raw.get("criteria") or {},
                citations=tuple(raw.get("citations") or ()),
                missing_facts=tuple(raw["missing_facts"]) if "missing_facts" in raw else None,
                deadlines=raw.get("deadlines") or {},
                deadline_status=raw.get("deadline_status") or {},
                eligible_from_is_bound=raw.get("eligible_from_is_bound"),
            )
        )
    return out


@cache
def all_cases() -> tuple[Case, ...]:
    cases: list[Case] = []
    for path in sorted(LAW_DIR.rglob("*.cases.yaml")):
        cases.extend(load_file(path))
    return tuple(cases)


def cases_for(pathway_id: str) -> Iterator[Case]:
    return (case for case in all_cases() if case.pathway == pathway_id)
