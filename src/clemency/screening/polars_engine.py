"""Screen a facts frame with Polars: the plan's columns (see `clemency.screening.plan`).

The work is staged so that each criterion is computed once: first every criterion, eligible-from
date and deadline as a temporary column, then the masks and outcomes from those, then the
per-person ranking keys. The rank itself needs the whole population and is added by `rank_of`.
"""

from __future__ import annotations

import functools
import operator

import numpy as np
import polars as pl

from clemency.screening.plan import OUTCOME_CODE, OUTCOMES, PathwayPlan, ScreenPlan, column
from clemency.screening.polars_compiler import PolarsCompiler, literal
from clemency.screening.schema import PERSON_ID

OUTCOME_DTYPE = pl.Enum(list(OUTCOMES))
_MASK_DTYPES = {8: pl.UInt8, 16: pl.UInt16, 32: pl.UInt32, 64: pl.UInt64}


def _criterion(plan: PathwayPlan, index: int) -> str:
    return f"__{plan.id}#c{index}"


def _eligible_from(plan: PathwayPlan) -> str:
    return f"__{plan.id}#from"


def _deadline(plan: PathwayPlan, index: int) -> str:
    return f"__{plan.id}#d{index}"


def _outcome_code(plan: PathwayPlan) -> str:
    return f"__{plan.id}#code"


def deadline_dtype(screen: ScreenPlan) -> pl.Enum:
    return pl.Enum(screen.deadline_ids or ["none"])


def stage_nodes(screen: ScreenPlan) -> list[pl.Expr]:
    """Every criterion, eligible-from date and deadline of every pathway, as temporary columns."""
    compiler = PolarsCompiler(screen.as_of)
    exprs: list[pl.Expr] = []
    for plan in screen.pathways:
        pathway = plan.pathway
        for index, criterion in enumerate(pathway.criteria):
            exprs.append(compiler.compile(criterion.node).cast(pl.Boolean).alias(_criterion(plan, index)))
        if pathway.eligible_from is not None:
            exprs.append(compiler.compile(pathway.eligible_from).cast(pl.Date).alias(_eligible_from(plan)))
        for index, deadline in enumerate(pathway.deadlines):
            exprs.append(compiler.compile(deadline.node).cast(pl.Date).alias(_deadline(plan, index)))
    return exprs


def stage_outcomes(screen: ScreenPlan) -> list[pl.Expr]:
    """Masks, outcome codes and reported eligible-from dates, from the staged criteria."""
    as_of = literal(screen.as_of)
    exprs: list[pl.Expr] = []
    for plan in screen.pathways:
        dtype = _MASK_DTYPES[plan.mask_bits]
        criteria = [pl.col(_criterion(plan, i)) for i in range(len(plan.criterion_ids))]
        zero = pl.lit(0, dtype=dtype)
        failed = functools.reduce(operator.or_, (
            pl.when(c.not_().fill_null(False)).then(pl.lit(1 << i, dtype=dtype)).otherwise(zero)
            for i, c in enumerate(criteria)), zero)
        unknown = functools.reduce(operator.or_, (
            pl.when(c.is_null()).then(pl.lit(1 << i, dtype=dtype)).otherwise(zero)
            for i, c in enumerate(criteria)), zero)
        code = pl.when(failed != 0).then(OUTCOME_CODE["INELIGIBLE"]).when(unknown != 0).then(
            OUTCOME_CODE["NEEDS_REVIEW"])
        if plan.pathway.eligible_from is not None:
            date = pl.col(_eligible_from(plan))
            code = code.when(date.is_null()).then(OUTCOME_CODE["NEEDS_REVIEW"]).when(date > as_of).then(
                OUTCOME_CODE["NOT_YET"])
        exprs += [
            failed.alias(column(plan.id, "failed")),
            unknown.alias(column(plan.id, "unknown")),
            code.otherwise(OUTCOME_CODE["ELIGIBLE"]).cast(pl.UInt8).alias(_outcome_code(plan)),
        ]
    return exprs


def stage_results(screen: ScreenPlan) -> list[pl.Expr]:
    """The output columns per pathway, and the per-person keys the rank is computed from."""
    as_of = literal(screen.as_of)
    outcomes = pl.lit(pl.Series(OUTCOMES, dtype=OUTCOME_DTYPE))
    exprs: list[pl.Expr] = [pl.col(PERSON_ID)]
    deadlines: list[pl.Expr] = []
    for plan in screen.pathways:
        code = pl.col(_outcome_code(plan))
        exprs.append(outcomes.gather(code).alias(column(plan.id, "outcome")))
        if plan.pathway.eligible_from is not None:
            shown = pl.when(code <= OUTCOME_CODE["NOT_YET"]).then(pl.col(_eligible_from(plan)))
            exprs.append(shown.alias(column(plan.id, "eligible_from")))
        else:
            exprs.append(pl.lit(None, dtype=pl.Date).alias(column(plan.id, "eligible_from")))
        exprs += [pl.col(column(plan.id, "failed")), pl.col(column(plan.id, "unknown"))]
        for index in range(len(plan.pathway.deadlines)):
            date = pl.col(_deadline(plan, index))
            live = (code != OUTCOME_CODE["INELIGIBLE"]) & (date >= as_of)
            deadlines.append(pl.when(live).then(date))
    exprs += _person_keys(screen, deadlines)
    return exprs


def _person_keys(screen: ScreenPlan, deadlines: list[pl.Expr]) -> list[pl.Expr]:
    as_of = literal(screen.as_of)
    execution = pl.col("execution_date")
    keys = [pl.when(execution >= as_of).then(execution).alias("next_execution_date")]
    if deadlines:
        earliest = pl.min_horizontal(*deadlines)
        which = pl.lit(None, dtype=pl.UInt32)
        for index in reversed(range(len(deadlines))):
            hit = deadlines[index] == earliest
            which = pl.when(hit).then(pl.lit(index, dtype=pl.UInt32)).otherwise(which)
        ids = pl.lit(pl.Series(screen.deadline_ids, dtype=deadline_dtype(screen)))
        keys += [earliest.alias("earliest_deadline"), ids.gather(which).alias("earliest_deadline_id")]
    else:
        keys += [pl.lit(None, dtype=pl.Date).alias("earliest_deadline"),
                 pl.lit(None, dtype=deadline_dtype(screen)).alias("earliest_deadline_id")]
    relief = [pl.col(_outcome_code(plan)) for plan in screen.pathways if plan.is_relief]
    outcomes = pl.lit(pl.Series(OUTCOMES, dtype=OUTCOME_DTYPE))
    best = outcomes.gather(pl.min_horizontal(*relief)) if relief else pl.lit(None, dtype=OUTCOME_DTYPE)
    release = pl.col("release_date")
    end = pl.when(release.is_not_null() & (release <= as_of)).then(release).otherwise(as_of)
    served = (end - pl.col("custody_start_date")).dt.total_days()
    keys += [best.alias("best_outcome"), served.clip(lower_bound=0).cast(pl.Int32).alias("days_in_custody")]
    return keys


def screen_lazy(facts: pl.LazyFrame, screen: ScreenPlan) -> pl.LazyFrame:
    """The result columns (all but `rank`) for a lazy frame of validated facts."""
    return facts.with_columns(stage_nodes(screen)).with_columns(stage_outcomes(screen)).select(
        stage_results(screen))


RANK_KEYS = ("next_execution_date", "earliest_deadline", "best_outcome", "days_in_custody")


def rank_of(keys: pl.DataFrame) -> np.ndarray:
    """1-based rank: execution date soonest, then deadline soonest, then best outcome, then the
    longest time in custody; unknowns last; ties keep input order."""
    order = keys.select(pl.arg_sort_by(
        [pl.col("next_execution_date"), pl.col("earliest_deadline"), pl.col("best_outcome").to_physical(),
         pl.col("days_in_custody")],
        descending=[False, False, False, True], nulls_last=True, maintain_order=True,
    )).to_series().to_numpy()
    rank = np.empty(len(order), dtype=np.uint32)
    rank[order] = np.arange(1, len(order) + 1, dtype=np.uint32)
    return rank


def screen_frame(facts: pl.DataFrame, screen: ScreenPlan) -> pl.DataFrame:
    """Screen an in-memory facts frame and rank it (tests and small populations)."""
    result = screen_lazy(facts.lazy(), screen).collect()
    return result.with_columns(rank=pl.Series(rank_of(result.select(RANK_KEYS))))
