"""What a screen computes, independent of engine: pathways, criteria order, output columns.

For every pathway P the result has:
- `P.outcome`        ELIGIBLE, NOT_YET, NEEDS_REVIEW or INELIGIBLE (rule: `clemency.law.tree`);
- `P.eligible_from`  the date, for ELIGIBLE and NOT_YET (only for pathways that declare one);
- `P.criteria`       the compact record of which criteria failed or were unknown: with w the
                     pathway's `mask_bits` (4, 8, 16 or 32), bit i is set when criterion i (in the
                     pathway's declared order) is false and bit w + i when it is unknown;
                     `decode_record` turns it back into criterion ids.
Then, per person: `next_execution_date`, `earliest_deadline` and `earliest_deadline_id` (over
pathways not INELIGIBLE, on or after as_of), `best_outcome` (over relief pathways,
classifications excluded), `days_in_custody` and `rank`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clemency.law import Kind, Pathway, all_pathways, get_pathway

# The order is the ranking order: ELIGIBLE before NOT_YET before NEEDS_REVIEW.
OUTCOMES = ("ELIGIBLE", "NOT_YET", "NEEDS_REVIEW", "INELIGIBLE")
OUTCOME_CODE = {name: code for code, name in enumerate(OUTCOMES)}
MAX_CRITERIA = 31  # two 31-bit masks fit a signed 64-bit integer (Spark has no unsigned type)

RANK_COLUMNS = ("next_execution_date", "earliest_deadline", "earliest_deadline_id", "best_outcome",
                "days_in_custody", "rank")


def column(pathway_id: str, part: str) -> str:
    return f"{pathway_id}.{part}"


@dataclass(frozen=True)
class PathwayPlan:
    pathway: Pathway

    @property
    def id(self) -> str:
        return self.pathway.id

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(criterion.id for criterion in self.pathway.criteria)

    @property
    def mask_bits(self) -> int:
        count = len(self.pathway.criteria)
        # The narrowest record that holds both masks: most pathways have at most four criteria, and a
        # one-byte record is 190 MB less to hold for ten million people than a two-byte one.
        return next(bits for bits in (4, 8, 16, 32) if count <= bits)

    @property
    def is_relief(self) -> bool:
        return self.pathway.kind is not Kind.CLASSIFICATION

    def deadline_ids(self) -> list[str]:
        return [f"{self.id}:{deadline.id}" for deadline in self.pathway.deadlines]


@dataclass(frozen=True)
class ScreenPlan:
    as_of: dt.date
    pathways: tuple[PathwayPlan, ...]

    @property
    def deadline_ids(self) -> list[str]:
        return [deadline for plan in self.pathways for deadline in plan.deadline_ids()]

    def metadata(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "pathways": [
                {"id": plan.id, "criteria": list(plan.criterion_ids), "mask_bits": plan.mask_bits,
                 "deadlines": plan.deadline_ids()}
                for plan in self.pathways
            ],
        }


def make_plan(as_of: dt.date, pathway_ids: Sequence[str] | None = None) -> ScreenPlan:
    """The plan for the named pathways (all of them when None), in the rulebook's order."""
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        raise TypeError("as_of must be a datetime.date")
    if pathway_ids:
        pathways = [get_pathway(pid) for pid in dict.fromkeys(pathway_ids)]
    else:
        pathways = list(all_pathways())
    if not pathways:
        raise ValueError("the rulebook has no pathways to screen")
    for pathway in pathways:
        if len(pathway.criteria) > MAX_CRITERIA:
            raise ValueError(f"{pathway.id} has more than {MAX_CRITERIA} criteria; widen the masks")
    return ScreenPlan(as_of=as_of, pathways=tuple(PathwayPlan(p) for p in pathways))


def decode_record(record: int | None, criterion_ids: Sequence[str],
                  mask_bits: int) -> tuple[list[str], list[str]]:
    """(failed criterion ids, unknown criterion ids) from a pathway's `criteria` record."""
    record = record or 0
    return (decode_mask(record & ((1 << mask_bits) - 1), criterion_ids),
            decode_mask(record >> mask_bits, criterion_ids))


def decode_mask(mask: int | None, criterion_ids: Sequence[str]) -> list[str]:
    """The criterion ids whose bits are set in `mask`."""
    if not mask:
        return []
    return [cid for bit, cid in enumerate(criterion_ids) if mask >> bit & 1]
