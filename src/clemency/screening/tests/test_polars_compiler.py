"""The Polars compiler gives the scalar evaluator's value for every node, row by row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clemency.law import tree as t
from clemency.law.evaluate import evaluate_node
from clemency.screening.polars_compiler import PolarsCompiler
from clemency.screening.schema import facts_frame
from clemency.screening.tests.strategies import ANY_NODES, AS_OF_DATES, raw_facts

_FAILED = object()


def scalar(node: t.Node, facts: dict[str, Any], as_of: dt.date) -> Any:
    try:
        return evaluate_node(node, facts, as_of)[0]
    except (OverflowError, ValueError, ZeroDivisionError):
        return _FAILED  # Python's date range ends at 9999; compared separately below


def polars_values(nodes: list[t.Node], rows: list[dict[str, Any]], as_of: dt.date) -> list[list[Any]]:
    compiler = PolarsCompiler(as_of)
    # with_columns, not select, so that constant nodes are broadcast to every row
    columns = [compiler.compile(node).alias(f"n{i}") for i, node in enumerate(nodes)]
    frame = compiler.apply(facts_frame(rows), columns)
    return [frame[f"n{i}"].to_list() for i in range(len(nodes))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nodes=st.lists(ANY_NODES, min_size=1, max_size=6), rows=st.lists(raw_facts(), min_size=1, max_size=8),
       as_of=AS_OF_DATES)
def test_polars_agrees_with_scalar_on_random_trees(nodes, rows, as_of):
    got = polars_values(nodes, rows, as_of)
    for node, values in zip(nodes, got, strict=True):
        expected = [scalar(node, row, as_of) for row in rows]
        for row_expected, row_got in zip(expected, values, strict=True):
            if row_expected is _FAILED:
                continue
            assert row_got == row_expected, t.describe(node)


def one(node: t.Node, as_of: dt.date = dt.date(2025, 1, 1), **facts: Any) -> Any:
    return polars_values([node], [facts], as_of)[0][0]


def test_kleene_logic_lets_false_and_true_dominate_unknown():
    unknown = t.Fact("pending_appeal")
    assert one(t.All((unknown, t.Const(False)))) is False
    assert one(t.All((unknown, t.Const(True)))) is None
    assert one(t.Any((unknown, t.Const(True)))) is True
    assert one(t.Any((unknown, t.Const(False)))) is None
    assert one(t.Not(unknown)) is None


def test_an_unknown_condition_makes_if_unknown_rather_than_taking_the_else_branch():
    assert one(t.If(t.Fact("pending_appeal"), t.Const(1), t.Const(2))) is None


def test_earliest_is_unknown_when_any_date_is_unknown():
    node = t.Earliest((t.Fact("release_date"), t.Const(dt.date(2020, 1, 1))))
    assert one(node) is None
    assert one(node, release_date=dt.date(2019, 5, 5)) == dt.date(2019, 5, 5)


def test_leap_day_birthdays_age_on_28_february_in_common_years():
    birth = dt.date(2008, 2, 29)
    age = t.AgeOn(t.Fact("birth_date"), t.AsOf())
    assert one(age, dt.date(2026, 2, 27), birth_date=birth) == 17
    assert one(age, dt.date(2026, 2, 28), birth_date=birth) == 18
    assert one(age, dt.date(2028, 2, 28), birth_date=birth) == 19
    assert one(age, dt.date(2028, 2, 29), birth_date=birth) == 20
    assert one(t.AddYears(t.Fact("birth_date"), t.Const(1)), birth_date=birth) == dt.date(2009, 2, 28)


def test_list_membership_is_unknown_for_an_unknown_list_and_false_for_an_empty_one():
    node = t.ListHasAny(t.Fact("statutes"), t.Const(("21 U.S.C. 844",)), "section")
    assert one(node) is None
    assert one(node, statutes=()) is False
    assert one(node, statutes=("21 U.S.C. 844(a)",)) is True
    assert one(node, statutes=("21 U.S.C. 8440",)) is False
    only = t.ListOnly(t.Fact("offense_categories"), t.Const(("drug",)))
    assert one(only, offense_categories=()) is False
    assert one(only, offense_categories=("drug", "weapon")) is False
    assert one(t.IsIn(t.Fact("court_system"), ("federal",))) is None


@pytest.mark.parametrize("node", [
    t.AddDays(t.Const(dt.date(9999, 12, 1)), t.Const(60)),
    t.AddYears(t.Const(dt.date(9999, 1, 1)), t.Const(1)),
    t.CeilDiv(t.Const(5), t.Const(0)),
])
def test_arithmetic_past_the_calendar_or_by_zero_is_unknown(node):
    assert one(node) is None


@pytest.mark.parametrize(("node", "facts", "expected"), [
    (t.AddDays(t.Fact("release_date"), t.Const(60)), {"release_date": dt.date(9999, 12, 1)}, None),
    (t.AddDays(t.Fact("release_date"), t.Const(30)), {"release_date": dt.date(9999, 12, 1)},
     dt.date(9999, 12, 31)),
    (t.AddDays(t.Fact("release_date"), t.Const(-10)), {"release_date": dt.date(1, 1, 5)}, None),
    (t.AddDays(t.Fact("release_date"), t.Fact("jail_credit_days")),
     {"release_date": dt.date(9999, 12, 1), "jail_credit_days": 31}, None),
    (t.AddYears(t.Fact("release_date"), t.Const(1)), {"release_date": dt.date(9999, 1, 1)}, None),
    (t.AddYears(t.Fact("release_date"), t.Const(-1)), {"release_date": dt.date(1, 12, 31)}, None),
    (t.AddYears(t.Fact("release_date"), t.Const(-1)), {"release_date": dt.date(2, 1, 1)}, dt.date(1, 1, 1)),
    (t.AddYears(t.Fact("release_date"), t.Const(10**12)), {"release_date": dt.date(2000, 1, 1)}, None),
    (t.AddYears(t.Fact("birth_date"), t.Const(400)), {"birth_date": dt.date(1600, 2, 29)},
     dt.date(2000, 2, 29)),
    (t.AddYears(t.Fact("birth_date"), t.Const(100)), {"birth_date": dt.date(1600, 2, 29)},
     dt.date(1700, 2, 28)),
    (t.AddYears(t.Fact("birth_date"), t.Fact("jail_credit_days")),
     {"birth_date": dt.date(2000, 2, 29), "jail_credit_days": 1}, dt.date(2001, 2, 28)),
    (t.AddYears(t.Fact("birth_date"), t.Fact("jail_credit_days")),
     {"birth_date": dt.date(2000, 2, 29), "jail_credit_days": 4}, dt.date(2004, 2, 29)),
    (t.AddYears(t.Fact("birth_date"), t.Fact("jail_credit_days")),
     {"birth_date": dt.date(2000, 12, 31), "jail_credit_days": 7999}, dt.date(9999, 12, 31)),
    (t.AddYears(t.Fact("birth_date"), t.Fact("jail_credit_days")),
     {"birth_date": dt.date(2000, 1, 1), "jail_credit_days": 8000}, None),
    (t.AddYears(t.Const(dt.date(2000, 3, 1)), t.Fact("jail_credit_days")), {"jail_credit_days": 3},
     dt.date(2003, 3, 1)),
    (t.AgeOn(t.Fact("birth_date"), t.Fact("release_date")),
     {"birth_date": dt.date(1, 1, 1), "release_date": dt.date(9999, 12, 31)}, 9998),
    (t.Latest((t.Fact("release_date"), t.Const(dt.date(1997, 4, 24)))), {"release_date": dt.date(1990, 1, 1)},
     dt.date(1997, 4, 24)),
    (t.Earliest((t.Fact("release_date"), t.Fact("birth_date"), t.Fact("custody_start_date"))),
     {"release_date": dt.date(2030, 1, 1), "birth_date": dt.date(1960, 1, 1),
      "custody_start_date": dt.date(2000, 1, 1)}, dt.date(1960, 1, 1)),
    (t.Latest((t.Fact("release_date"), t.Fact("birth_date"), t.Fact("custody_start_date"))),
     {"release_date": dt.date(2030, 1, 1), "birth_date": dt.date(1960, 1, 1)}, None),
])
def test_date_arithmetic_at_the_ends_of_the_calendar_and_on_leap_days(node, facts, expected):
    assert one(node, **facts) == expected


def test_a_date_outside_the_calendar_in_a_raw_frame_is_unknown_not_an_error():
    # Validation makes such a cell unknown; a frame that skipped it still gets no wrong date.
    days = pl.Series([-800_000, 3_000_000, 2**31 - 1, -(2**31), 0], dtype=pl.Int32).cast(pl.Date)
    compiler = PolarsCompiler(dt.date(2025, 1, 1))
    nodes = [t.AddYears(t.Fact("birth_date"), t.Const(1)), t.AgeOn(t.Fact("birth_date"), t.AsOf()),
             t.AddDays(t.Fact("birth_date"), t.Const(1))]
    frame = compiler.apply(pl.DataFrame({"birth_date": days}),
                           [compiler.compile(node).alias(f"n{i}") for i, node in enumerate(nodes)])
    assert frame["n0"].to_list() == [None, None, None, None, dt.date(1971, 1, 1)]
    assert frame["n1"].to_list() == [None, None, None, None, 55]
    assert frame["n2"].to_list() == [None, None, None, None, dt.date(1970, 1, 2)]


def test_a_parameter_not_in_force_is_unknown():
    frame = pl.DataFrame({"x": [1]})
    compiler = PolarsCompiler(dt.date(2025, 1, 1))
    assert compiler.constant(t.Const(3)) == 3
    assert frame.select(compiler.compile(t.Compare("<", t.Const(1), t.Const(None)))).item() is None


def test_next_business_day_matches_the_scalar_evaluator_day_by_day():
    # Every day of 2025-2026 and the edges of the covered years, in Texas and federally.
    days = [dt.date(2025, 1, 1) + dt.timedelta(days=n) for n in range(730)]
    days += [dt.date(1949, 12, 31), dt.date(1950, 1, 1), dt.date(2149, 12, 31), dt.date(2150, 1, 1)]
    rows = [{"execution_date": day} for day in days]
    for calendar in ("US", "US-TX"):
        node = t.NextBusinessDay(t.Fact("execution_date"), calendar)
        got = polars_values([node], rows, dt.date(2025, 1, 1))[0]
        assert got == [evaluate_node(node, row, dt.date(2025, 1, 1))[0] for row in rows]
    saturday_before_labor_day = dt.date(2026, 9, 5)
    node = t.NextBusinessDay(t.Fact("execution_date"), "US-TX")
    assert one(node, execution_date=saturday_before_labor_day) == dt.date(2026, 9, 8)
    assert one(node) is None
