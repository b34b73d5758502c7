"""The questions that would settle the most NEEDS_REVIEW answers, counted over a whole screen.

For each pathway and each fact it reads: the NEEDS_REVIEW rows where the fact is missing and is
read by a criterion that came out unknown (or by the eligibility date). The scalar evaluator is
a little more precise (it drops a missing fact inside a part of a criterion that was settled
anyway), so these counts can only be higher than the sum of its per-person `missing_facts`.
"""

from __future__ import annotations

from collections import Counter

import polars as pl

from clemency.screening.plan import OUTCOME_CODE, ScreenPlan, column


class MissingFacts:
    def __init__(self, plan: ScreenPlan) -> None:
        self.plan = plan
        self.by_pathway: dict[str, Counter[str]] = {p.id: Counter() for p in plan.pathways}
        self._exprs: list[tuple[str, str, pl.Expr]] = []
        for p in plan.pathways:
            masks: dict[str, int] = {}
            for bit, criterion in enumerate(p.pathway.criteria):
                for fact in criterion.node.fact_names():
                    masks[fact] = masks.get(fact, 0) | (1 << bit)
            since = p.pathway.eligible_from
            dated = set(since.fact_names()) if since is not None else set()
            review = pl.col(column(p.id, "outcome")).to_physical() == OUTCOME_CODE["NEEDS_REVIEW"]
            unknown = pl.col(column(p.id, "criteria")).cast(pl.UInt64) // (1 << p.mask_bits)
            for fact in sorted(set(masks) | dated):
                reason = (unknown & pl.lit(masks.get(fact, 0), dtype=pl.UInt64)) != 0
                if fact in dated:
                    reason = reason | (unknown == 0)
                hit = review & reason & pl.col(f"__null:{fact}")
                self._exprs.append((p.id, fact, hit.sum().alias(f"{p.id}|{fact}")))

    def add(self, facts: pl.DataFrame, result: pl.DataFrame) -> None:
        needed = sorted({fact for _, fact, _ in self._exprs})
        frame = result.with_columns(facts.select(pl.col(f).is_null().alias(f"__null:{f}") for f in needed))
        sums = frame.select(expr for _, _, expr in self._exprs).row(0)
        for (pathway, fact, _), count in zip(self._exprs, sums, strict=True):
            if count:
                self.by_pathway[pathway][fact] += int(count)

    def top(self, limit: int = 15) -> list[tuple[str, int]]:
        total: Counter[str] = Counter()
        for counter in self.by_pathway.values():
            total.update(counter)
        return total.most_common(limit)
