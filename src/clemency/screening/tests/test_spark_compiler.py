"""The Spark compiler gives the scalar evaluator's (and so the Polars compiler's) value for every node."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clemency.law import tree as t
from clemency.screening.spark_compiler import SparkCompiler
from clemency.screening.spark_engine import facts_dataframe
from clemency.screening.tests.strategies import ANY_NODES, AS_OF_DATES, raw_facts
from clemency.screening.tests.test_polars_compiler import _FAILED, scalar

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]


def spark_values(spark, nodes, rows, as_of):
    compiler = SparkCompiler(as_of)
    indexed = [{**row, "person_id": f"{i:06d}"} for i, row in enumerate(rows)]
    frame = facts_dataframe(spark, indexed).select(
        "person_id", *(compiler.compile(node).alias(f"n{i}") for i, node in enumerate(nodes)))
    collected = sorted(frame.collect(), key=lambda r: r["person_id"])
    return [[row[f"n{i}"] for row in collected] for i in range(len(nodes))]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nodes=st.lists(ANY_NODES, min_size=4, max_size=12),
       rows=st.lists(raw_facts(), min_size=4, max_size=12), as_of=AS_OF_DATES)
def test_spark_agrees_with_scalar_on_random_trees(spark, nodes, rows, as_of):
    got = spark_values(spark, nodes, rows, as_of)
    for node, values in zip(nodes, got, strict=True):
        for row, value in zip(rows, values, strict=True):
            expected = scalar(node, row, as_of)
            if expected is not _FAILED:
                assert value == expected, t.describe(node)


def test_spark_edges_match_the_scalar_rules(spark):
    birth = dt.date(2008, 2, 29)
    nodes = [
        t.AgeOn(t.Fact("birth_date"), t.AsOf()),
        t.AddYears(t.Fact("birth_date"), t.Const(1)),
        t.AddDays(t.Const(dt.date(9999, 12, 1)), t.Const(60)),
        t.CeilDiv(t.Const(-7), t.Const(2)),
        t.CeilDiv(t.Const(5), t.Const(0)),
        t.All((t.Fact("pending_appeal"), t.Const(False))),
        t.If(t.Fact("pending_appeal"), t.Const(1), t.Const(2)),
        t.Earliest((t.Fact("release_date"), t.AsOf())),
        t.ListHasAny(t.Fact("statutes"), t.Const(("21 U.S.C. 844",)), "section"),
    ]
    got = [values[0] for values in spark_values(spark, nodes, [{"birth_date": birth, "statutes": ()}],
                                                 dt.date(2026, 2, 28))]
    assert got == [18, dt.date(2009, 2, 28), None, -3, None, False, None, None, False]


def test_spark_next_business_day_matches_the_scalar_evaluator(spark):
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(366)]
    days += [dt.date(1949, 12, 31), dt.date(1950, 1, 1), dt.date(2149, 12, 31), dt.date(2150, 1, 1)]
    rows = [{"execution_date": day} for day in days]
    nodes = [t.NextBusinessDay(t.Fact("execution_date"), calendar) for calendar in ("US", "US-TX")]
    got = spark_values(spark, nodes, rows, dt.date(2026, 1, 1))
    for node, values in zip(nodes, got, strict=True):
        assert values == [scalar(node, row, dt.date(2026, 1, 1)) for row in rows], node.calendar
