"""The ranked candidates of a finished run, read from its results Parquet with Polars, a page at a time.

A results file has, per pathway P, `P.outcome`, `P.eligible_from` (when P has such a date) and a
compact record of the failed and unknown criteria (its layout is the library's: see
`clemency.screening.plan`; only `describe_row` decodes it here), and per person `person_id`, `rank`,
`best_outcome`, `earliest_deadline`, `next_execution_date` and `days_in_custody`.
A candidate's explanation is regenerated with the scalar evaluator from the facts the library keeps
(`facts_for_person`) and compared with the row: they must say the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from clemency.law import Result, evaluate, get_pathway

OUTCOMES = ("ELIGIBLE", "NOT_YET", "NEEDS_REVIEW", "INELIGIBLE")
OPEN_OUTCOMES = ("ELIGIBLE", "NOT_YET")
PER_PAGE = 50
PERSON_COLUMNS = ("rank", "person_id", "best_outcome", "next_execution_date", "earliest_deadline",
                  "earliest_deadline_id", "days_in_custody")


def result_pathways(path: Path) -> list[str]:
    """The pathway ids screened into a results file, in its column order."""
    names = pl.scan_parquet(path).collect_schema().names()
    return [name.removesuffix(".outcome") for name in names if name.endswith(".outcome")]


@dataclass
class CandidatePage:
    rows: list[dict[str, Any]]
    total: int
    number: int
    per_page: int
    pathways: list[str]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def _filtered(path: Path, *, pathway: str = "", outcome: str = "", q: str = "") -> pl.LazyFrame:
    frame = pl.scan_parquet(path)
    if outcome:
        # The chosen pathway's outcome; without a pathway, the person's best outcome.
        column = f"{pathway}.outcome" if pathway else "best_outcome"
        frame = frame.filter(pl.col(column).cast(pl.String) == outcome)
    elif pathway:
        frame = frame.filter(pl.col(f"{pathway}.outcome").cast(pl.String) != "INELIGIBLE")
    if q:
        needle = q.strip().lower()
        person = pl.col("person_id").cast(pl.String).str.to_lowercase()
        frame = frame.filter(person.str.contains(needle, literal=True))
    return frame


def candidate_page(
    path: Path, *, pathway: str = "", outcome: str = "", q: str = "", page: int = 1, per_page: int = PER_PAGE
) -> CandidatePage:
    """One page of candidates by rank. With a pathway and no outcome, its INELIGIBLE rows are left out."""
    pathways = result_pathways(path)
    if pathway and pathway not in pathways:
        raise ValueError(f"pathway {pathway!r} was not screened in this run")
    frame = _filtered(path, pathway=pathway, outcome=outcome, q=q)
    total = int(frame.select(pl.len()).collect().item())
    pages = max(1, -(-total // per_page))
    number = min(max(page, 1), pages)
    present = result_columns(path)
    wanted = [name for name in PERSON_COLUMNS if name in present]
    outcome_columns = [pl.col(f"{pid}.outcome").cast(pl.String) for pid in pathways]
    rows = (
        frame.sort("rank")
        .slice((number - 1) * per_page, per_page)
        .select(*wanted, *outcome_columns, *_dates(pathway, present))
        .collect()
        .to_dicts()
    )
    for row in rows:
        row["best_outcome"] = _text(row.get("best_outcome"))
        row["earliest_deadline_id"] = _text(row.get("earliest_deadline_id"))
        row["open_pathways"] = [
            (pid, row[f"{pid}.outcome"]) for pid in pathways if row[f"{pid}.outcome"] in OPEN_OUTCOMES
        ]
        if pathway:
            row["chosen_outcome"] = row[f"{pathway}.outcome"]
            row["chosen_eligible_from"] = row.get(f"{pathway}.eligible_from")
    return CandidatePage(rows=rows, total=total, number=number, per_page=per_page, pathways=pathways)


def result_columns(path: Path) -> set[str]:
    return set(pl.scan_parquet(path).collect_schema().names())


def _dates(pathway: str, present: set[str]) -> list[pl.Expr]:
    """The chosen pathway's eligible-from date; a pathway without one has no such column."""
    name = f"{pathway}.eligible_from"
    return [pl.col(name)] if pathway and name in present else []


def _show(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value) or "none (an empty list)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _text(value: Any) -> Any:
    return None if value is None else str(value)


def candidate_row(path: Path, rank: int) -> dict[str, Any] | None:
    """The whole result row of the candidate at `rank` (ranks are unique within a run)."""
    found = pl.scan_parquet(path).filter(pl.col("rank") == rank).collect()
    if found.height == 0:
        return None
    row = found.row(0, named=True)
    categorical = {name for name, dtype in found.schema.items()
                   if isinstance(dtype, (pl.Enum, pl.Categorical))}
    return {name: (_text(value) if name in categorical else value) for name, value in row.items()}


class ExplanationUnavailable(Exception):
    """The facts behind a row cannot be read back (the screened input is gone or has changed)."""


@dataclass
class PathwayCheck:
    """One pathway of a candidate: the scalar evaluator's result beside what the row says."""

    result: Result
    row_outcome: str | None
    row_eligible_from: dt.date | None
    row_failed: list[str]
    row_unknown: list[str]
    mismatches: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.mismatches


@dataclass
class CandidateExplanation:
    person_id: str
    as_of: dt.date
    facts: dict[str, Any]
    checks: list[PathwayCheck]

    @property
    def agrees(self) -> bool:
        return all(check.agrees for check in self.checks)

    @property
    def known_facts(self) -> list[tuple[str, str]]:
        return [(name, _show(value)) for name, value in self.facts.items() if value is not None]


def explain_candidate(path: Path, row: dict[str, Any],
                      input_path: Path | None = None) -> CandidateExplanation:
    """Regenerate the row's explanation with the scalar evaluator, and check it says what the row says.

    The row is decoded by the library itself (`describe_row`), so its compact format is its own.
    `input_path` is a local copy of the screened population (the library checks its size and content
    hash); without it the library reads the path recorded when the screen ran.
    """
    from clemency.screening.results import describe_row, facts_for_person, read_metadata

    person_id = str(row["person_id"])
    try:
        facts, as_of = facts_for_person(path, person_id, input_path=input_path)
    except (ValueError, KeyError, OSError) as error:  # the input is gone or changed since the screen
        raise ExplanationUnavailable(str(error.args[0]) if error.args else str(error)) from None
    facts = dict(facts)
    checks = []
    for said in describe_row(row, read_metadata(path)):
        result = evaluate(get_pathway(said["pathway"]), facts, as_of)
        check = PathwayCheck(
            result=result,
            row_outcome=_text(said["outcome"]),
            row_eligible_from=said["eligible_from"],
            row_failed=list(said["failed"]),
            row_unknown=list(said["unknown"]),
        )
        check.mismatches = _mismatches(check)
        checks.append(check)
    return CandidateExplanation(person_id=person_id, as_of=as_of, facts=facts, checks=checks)


def _mismatches(check: PathwayCheck) -> list[str]:
    result = check.result
    failed = [c.id for c in result.criteria if c.value is False]
    unknown = [c.id for c in result.criteria if c.value is None]
    found = []
    if result.outcome.value != check.row_outcome:
        found.append(f"outcome: row {check.row_outcome}, evaluator {result.outcome.value}")
    if result.eligible_from != check.row_eligible_from:
        found.append(f"eligible from: row {check.row_eligible_from}, evaluator {result.eligible_from}")
    if failed != check.row_failed:
        found.append(f"failed criteria: row {check.row_failed}, evaluator {failed}")
    if unknown != check.row_unknown:
        found.append(f"unknown criteria: row {check.row_unknown}, evaluator {unknown}")
    return found
