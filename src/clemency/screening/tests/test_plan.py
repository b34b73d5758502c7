"""The plan's criteria records: the narrowest width that holds both masks, decoded back exactly."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from clemency.law import all_pathways
from clemency.screening.plan import PathwayPlan, decode_record, make_plan
from clemency.screening.polars_engine import screen_frame
from clemency.screening.schema import PERSON_ID, polars_schema

AS_OF = dt.date(2025, 7, 1)


def _plan_with(criteria: int) -> PathwayPlan:
    """A pathway of the rulebook with this many criteria."""
    for pathway in all_pathways():
        if len(pathway.criteria) == criteria:
            return PathwayPlan(pathway)
    pytest.fail(f"the rulebook has no pathway with {criteria} criteria; choose another width to test")


@pytest.mark.parametrize(("criteria", "bits"), [(1, 4), (4, 4), (5, 8), (7, 8), (13, 16)])
def test_a_record_is_as_wide_as_its_criteria_need(criteria, bits):
    assert _plan_with(criteria).mask_bits == bits


@pytest.mark.parametrize(("criteria", "dtype"), [(4, pl.UInt8), (5, pl.UInt16), (13, pl.UInt32)])
def test_the_results_column_has_the_records_width(criteria, dtype):
    plan = _plan_with(criteria)
    schema = polars_schema()
    unknown_person = pl.DataFrame({PERSON_ID: ["p1"]}).with_columns(
        pl.lit(None, dtype=fact_dtype).alias(name)
        for name, fact_dtype in schema.items() if name != PERSON_ID)
    result = screen_frame(unknown_person, make_plan(AS_OF, [plan.id]))
    record = result[f"{plan.id}.criteria"]
    assert record.dtype == dtype
    # Every fact unknown: no criterion can fail, and the unknown ones decode from the high mask.
    failed, unknown = decode_record(record[0], plan.criterion_ids, plan.mask_bits)
    assert failed == []
    assert unknown and set(unknown) <= set(plan.criterion_ids)


def test_a_four_criteria_record_keeps_failed_and_unknown_apart():
    ids = ("a", "b", "c", "d")
    record = 0b0101 | (0b1010 << 4)  # a and c false, b and d unknown
    assert record <= 0xFF
    assert decode_record(record, ids, 4) == (["a", "c"], ["b", "d"])
