"""Screen a facts frame with Polars: the plan's columns (see `clemency.screening.plan`).

The work is staged so that each criterion is computed once: first every criterion, eligible-from
date and deadline as a temporary column, then the masks and outcomes from those, then the
per-person ranking keys. The rank itself needs the whole population and is added by `rank_of`.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator

import numpy as np
import polars as pl

from clemency.law import tree as t
from clemency.law.bounds import effective_criterion_node, effective_eligible_from
from clemency.screening import calendar as cal
from clemency.screening.plan import OUTCOME_CODE, OUTCOMES, PathwayPlan, ScreenPlan, column
from clemency.screening.polars_compiler import PolarsCompiler, literal
from clemency.screening.schema import PERSON_ID

OUTCOME_DTYPE = pl.Enum(list(OUTCOMES))
_RECORD_DTYPES = {4: pl.UInt8, 8: pl.UInt16, 16: pl.UInt32, 32: pl.UInt64}


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


def _roots(plan: PathwayPlan) -> list[t.Node]:
    pathway = plan.pathway
    eligible_from = effective_eligible_from(pathway)
    return [*(effective_criterion_node(c) for c in pathway.criteria), *(d.node for d in pathway.deadlines),
            *([eligible_from] if eligible_from is not None else [])]


def stage_nodes(screen: ScreenPlan) -> tuple[PolarsCompiler, list[pl.Expr]]:
    """Every criterion, eligible-from date and deadline of every pathway, as temporary columns."""
    compiler = PolarsCompiler(screen.as_of)
    compiler.share([node for plan in screen.pathways for node in _roots(plan)])
    exprs: list[pl.Expr] = []
    for plan in screen.pathways:
        pathway = plan.pathway
        for index, criterion in enumerate(pathway.criteria):
            node = effective_criterion_node(criterion)  # with its bound, if it reads a bounded fact
            exprs.append(compiler.compile(node).cast(pl.Boolean).alias(_criterion(plan, index)))
        eligible_from = effective_eligible_from(pathway)
        if eligible_from is not None:
            exprs.append(compiler.compile(eligible_from).cast(pl.Date).alias(_eligible_from(plan)))
        for index, deadline in enumerate(pathway.deadlines):
            exprs.append(compiler.compile(deadline.node).cast(pl.Date).alias(_deadline(plan, index)))
    return compiler, exprs


def stage_records(screen: ScreenPlan) -> list[pl.Expr]:
    """Per pathway the compact record of its criteria: bit i when criterion i is false, bit
    (width + i) when it is unknown (see `clemency.screening.plan`)."""
    exprs: list[pl.Expr] = []
    for plan in screen.pathways:
        dtype = _RECORD_DTYPES[plan.mask_bits]
        zero = pl.lit(0, dtype=dtype)
        terms = []
        for i in range(len(plan.criterion_ids)):
            value = pl.col(_criterion(plan, i))
            terms.append(pl.when(value.is_null()).then(pl.lit(1 << (plan.mask_bits + i), dtype=dtype))
                         .when(value).then(zero).otherwise(pl.lit(1 << i, dtype=dtype)))
        record = functools.reduce(operator.or_, terms, zero)
        exprs.append(record.alias(column(plan.id, "criteria")))
    return exprs


def stage_outcomes(screen: ScreenPlan) -> list[pl.Expr]:
    """Each pathway's outcome code, by the rule of `clemency.law.tree.outcome_from`."""
    as_of = literal(screen.as_of)
    exprs: list[pl.Expr] = []
    for plan in screen.pathways:
        dtype = _RECORD_DTYPES[plan.mask_bits]
        record = pl.col(column(plan.id, "criteria"))
        failed = record & pl.lit((1 << plan.mask_bits) - 1, dtype=dtype)
        code = pl.when(failed != 0).then(OUTCOME_CODE["INELIGIBLE"]).when(record != 0).then(
            OUTCOME_CODE["NEEDS_REVIEW"])
        if plan.pathway.eligible_from is not None:
            date = pl.col(_eligible_from(plan))
            code = code.when(date.is_null()).then(OUTCOME_CODE["NEEDS_REVIEW"]).when(date > as_of).then(
                OUTCOME_CODE["NOT_YET"])
        exprs.append(code.otherwise(OUTCOME_CODE["ELIGIBLE"]).cast(pl.UInt8).alias(_outcome_code(plan)))
    return exprs


def _live_deadline(plan: PathwayPlan, index: int) -> str:
    return f"__{plan.id}#live{index}"


# A live deadline column holds this day (10000-01-01, past every real date) where the deadline does
# not matter, rather than null: min_horizontal skips nulls element by element and costs five times
# as much over ten columns (measured: 0.07 CPU-s a million people).
_NO_DEADLINE = pl.lit(cal.MAX_DAY + 1, dtype=pl.Int32).cast(pl.Date)


def stage_deadlines(screen: ScreenPlan) -> list[pl.Expr]:
    """Deadlines that still matter (on or after as_of, of a pathway not INELIGIBLE), and
    `_NO_DEADLINE` for the rest; the best outcome."""
    as_of = literal(screen.as_of)
    exprs = []
    for plan in screen.pathways:
        code = pl.col(_outcome_code(plan))
        for index in range(len(plan.pathway.deadlines)):
            date = pl.col(_deadline(plan, index))
            live = (code != OUTCOME_CODE["INELIGIBLE"]) & (date >= as_of)
            exprs.append(pl.when(live).then(date).otherwise(_NO_DEADLINE).alias(_live_deadline(plan, index)))
    relief = [pl.col(_outcome_code(plan)) for plan in screen.pathways if plan.is_relief]
    exprs.append((pl.min_horizontal(*relief) if relief else pl.lit(None, dtype=pl.UInt8)).alias("__best"))
    return exprs


def _live_columns(screen: ScreenPlan) -> list[pl.Expr]:
    return [pl.col(_live_deadline(plan, index))
            for plan in screen.pathways for index in range(len(plan.pathway.deadlines))]


def stage_earliest(screen: ScreenPlan) -> list[pl.Expr]:
    live = _live_columns(screen)
    if not live:
        return [pl.lit(None, dtype=pl.Date).alias("earliest_deadline")]
    soonest = pl.min_horizontal(*live)
    return [pl.when(soonest != _NO_DEADLINE).then(soonest).alias("earliest_deadline")]


def stage_results(screen: ScreenPlan) -> list[pl.Expr]:
    """The output columns per pathway, and the per-person keys the rank is computed from."""
    outcomes = pl.lit(pl.Series(OUTCOMES, dtype=OUTCOME_DTYPE))
    exprs: list[pl.Expr] = [pl.col(PERSON_ID)]
    for plan in screen.pathways:
        code = pl.col(_outcome_code(plan))
        exprs.append(outcomes.gather(code).alias(column(plan.id, "outcome")))
        if plan.pathway.eligible_from is not None:
            shown = pl.when(code <= OUTCOME_CODE["NOT_YET"]).then(pl.col(_eligible_from(plan)))
            exprs.append(shown.alias(column(plan.id, "eligible_from")))
        exprs.append(pl.col(column(plan.id, "criteria")))
    return exprs + _person_keys(screen)


def _person_keys(screen: ScreenPlan) -> list[pl.Expr]:
    as_of = literal(screen.as_of)
    execution = pl.col("execution_date")
    earliest = pl.col("earliest_deadline")
    which = pl.lit(None, dtype=pl.UInt32)
    for index, live in reversed(list(enumerate(_live_columns(screen)))):
        which = pl.when(live == earliest).then(pl.lit(index, dtype=pl.UInt32)).otherwise(which)
    ids = pl.lit(pl.Series(screen.deadline_ids or ["none"], dtype=deadline_dtype(screen)))
    outcomes = pl.lit(pl.Series(OUTCOMES, dtype=OUTCOME_DTYPE))
    release = pl.col("release_date")
    end = pl.when(release.is_not_null() & (release <= as_of)).then(release).otherwise(as_of)
    served = (end - pl.col("custody_start_date")).dt.total_days()
    return [
        pl.when(execution >= as_of).then(execution).alias("next_execution_date"),
        earliest,
        ids.gather(which).alias("earliest_deadline_id"),
        outcomes.gather(pl.col("__best")).alias("best_outcome"),
        served.clip(lower_bound=0).cast(pl.Int32).alias("days_in_custody"),
    ]


class CompiledScreen:
    """A plan compiled once to Polars expressions, applied to batch after batch."""

    def __init__(self, screen: ScreenPlan) -> None:
        self.compiler, self.nodes = stage_nodes(screen)
        self.stages = [stage_records(screen), stage_outcomes(screen), stage_deadlines(screen),
                       stage_earliest(screen)]
        self.results = stage_results(screen)

    def lazy(self, facts: pl.LazyFrame) -> pl.LazyFrame:
        frame = self.compiler.apply(facts, self.nodes)
        for stage in self.stages:
            frame = frame.with_columns(stage)
        return frame.select(self.results)


def screen_lazy(facts: pl.LazyFrame, screen: ScreenPlan) -> pl.LazyFrame:
    """The result columns (all but `rank`) for a lazy frame of validated facts."""
    return CompiledScreen(screen).lazy(facts)


RANK_KEYS = ("next_execution_date", "earliest_deadline", "best_outcome", "days_in_custody")
_DATE_BITS, _OUTCOME_BITS, _CUSTODY_BITS = 17, 3, 21


def rank_key_expr(as_of: dt.date) -> pl.Expr:
    """One unsigned 64-bit key per person whose order is the rank order.

    From the most significant bits: days to the execution date, days to the earliest deadline
    (17 bits each: dates more than 358 years away tie), the best outcome (3 bits), and the days in
    custody, longest first (21 bits); an unknown sorts after every known value. Sorting one
    integer column is much faster than sorting four columns with null handling."""
    def days_until(name: str) -> pl.Expr:
        cap = (1 << _DATE_BITS) - 1
        days = (pl.col(name) - literal(as_of)).dt.total_days().clip(0, cap - 1)
        return days.fill_null(cap).cast(pl.UInt64)

    best = pl.col("best_outcome").to_physical().cast(pl.UInt64).fill_null(len(OUTCOMES))
    most = (1 << (_CUSTODY_BITS - 1))
    custody = (most - pl.col("days_in_custody").clip(0, most - 1)).cast(pl.UInt64).fill_null(most + 1)
    shift_best = _CUSTODY_BITS
    shift_deadline = shift_best + _OUTCOME_BITS
    shift_execution = shift_deadline + _DATE_BITS
    def shifted(value: pl.Expr, bits: int) -> pl.Expr:
        return value * pl.lit(1 << bits, dtype=pl.UInt64)

    return (
        shifted(days_until("next_execution_date"), shift_execution)
        + shifted(days_until("earliest_deadline"), shift_deadline)
        + shifted(best, shift_best)
        + custody
    ).alias("rank_key")


def rank_from_keys(keys: pl.Series) -> np.ndarray:
    """1-based rank from the keys; equal keys keep input order (Polars' "ordinal" rank)."""
    if len(keys) == 0:
        return np.empty(0, dtype=np.uint32)
    return keys.rank("ordinal").cast(pl.UInt32).to_numpy()


def rank_of(keys: pl.DataFrame, as_of: dt.date) -> np.ndarray:
    """1-based rank: execution date soonest, then deadline soonest, then best outcome, then the
    longest time in custody; unknowns last; ties keep input order."""
    return rank_from_keys(keys.select(rank_key_expr(as_of)).to_series())


def screen_frame(facts: pl.DataFrame, screen: ScreenPlan) -> pl.DataFrame:
    """Screen an in-memory facts frame and rank it (tests and small populations)."""
    result = screen_lazy(facts.lazy(), screen).collect()
    return result.with_columns(rank=pl.Series(rank_of(result.select(RANK_KEYS), screen.as_of)))
