"""The engine: three-valued logic, date arithmetic, the outcome rule, parameters."""

from __future__ import annotations

import datetime as dt

import pytest

from clemency.law import Outcome, outcome_from
from clemency.law import tree as t
from clemency.law.evaluate import evaluate_node
from clemency.law.facts import validate_facts
from clemency.law.parameters import ParameterNotInForce, get_parameter, resolve, value

D = dt.date
AS_OF = D(2024, 6, 1)
T, F, N = t.Const(True), t.Const(False), t.Const(None)


def val(node: t.Node, **facts: object) -> object:
    return evaluate_node(node, validate_facts(facts), AS_OF)[0]


@pytest.mark.parametrize(
    ("items", "expected_all", "expected_any"),
    [
        ((T, T), True, True),
        ((T, F), False, True),
        ((T, N), None, True),
        ((F, N), False, None),
        ((N, N), None, None),
    ],
)
def test_kleene_all_and_any(items: tuple[t.Node, ...], expected_all: object, expected_any: object) -> None:
    assert val(t.All(items)) is expected_all
    assert val(t.Any(items)) is expected_any


def test_not_and_unless_are_kleene() -> None:
    assert val(t.Not(N)) is None
    assert val(t.Not(F)) is True
    assert val(t.Unless(T, F)) is True
    assert val(t.Unless(T, T)) is False
    assert val(t.Unless(T, N)) is None
    assert val(t.Unless(F, N)) is False


def test_comparison_with_unknown_fact_is_unknown_and_names_it() -> None:
    node = t.ge(t.Fact("criminal_history_points"), 1)
    assert evaluate_node(node, validate_facts({}), AS_OF) == (None, ["criminal_history_points"])
    assert val(node, criminal_history_points=0) is False


def test_if_with_unknown_condition_is_unknown() -> None:
    node = t.If(t.is_true("on_supervision"), t.Const(1), t.Const(2))
    assert val(node) is None
    assert val(node, on_supervision=False) == 2


def test_leap_day_birthday_reaches_age_on_february_28() -> None:
    assert t.add_years(D(2000, 2, 29), 1) == D(2001, 2, 28)
    assert t.add_years(D(2000, 2, 29), 4) == D(2004, 2, 29)
    assert t.age_on(D(2000, 2, 29), D(2001, 2, 27)) == 0
    assert t.age_on(D(2000, 2, 29), D(2001, 2, 28)) == 1
    assert t.age_on(D(1959, 6, 1), D(2024, 5, 31)) == 64
    assert t.age_on(D(1959, 6, 1), D(2024, 6, 1)) == 65


def test_earliest_and_latest_are_unknown_if_any_date_is() -> None:
    node = t.earliest(t.Fact("release_date"), t.Const(D(2030, 1, 1)))
    assert val(node) is None
    assert val(node, release_date="2029-01-01") == D(2029, 1, 1)
    assert val(t.latest(t.Const(D(2020, 1, 1)), t.Const(D(2021, 1, 1)))) == D(2021, 1, 1)


def test_list_membership_section_match() -> None:
    options = t.Const(("21 U.S.C. 844",))
    node = t.ListHasAny(t.Fact("statutes"), options, match="section")
    assert val(node, statutes=["21 USC § 844(a)"]) is True
    assert val(node, statutes=["21 U.S.C. 8441"]) is False
    assert val(node, statutes=[]) is False
    assert val(node) is None


def test_list_only_needs_every_item_and_a_non_empty_list() -> None:
    node = t.ListOnly(t.Fact("controlled_substances"), t.Const(("marijuana",)))
    assert val(node, controlled_substances=["marijuana"]) is True
    assert val(node, controlled_substances=["marijuana", "cocaine"]) is False
    assert val(node, controlled_substances=[]) is False
    assert val(node) is None


def test_ceil_div_and_days() -> None:
    assert val(t.CeilDiv(t.Const(7), t.Const(2))) == 4
    assert val(t.DaysBetween(t.Const(D(2024, 1, 1)), t.Const(D(2024, 3, 1)))) == 60
    assert val(t.AddDays(t.Const(D(2024, 2, 28)), t.Const(1))) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("values", "has_date", "date", "expected"),
    [
        ([True, False, None], True, None, Outcome.INELIGIBLE),
        ([True, None], True, D(2020, 1, 1), Outcome.NEEDS_REVIEW),
        ([True, True], True, None, Outcome.NEEDS_REVIEW),
        ([True, True], True, D(2024, 6, 2), Outcome.NOT_YET),
        ([True, True], True, D(2024, 6, 1), Outcome.ELIGIBLE),
        ([True, True], False, None, Outcome.ELIGIBLE),
    ],
)
def test_outcome_rule(
    values: list[bool | None], has_date: bool, date: dt.date | None, expected: Outcome
) -> None:
    assert outcome_from(values, has_date, date, AS_OF) is expected


def test_parameter_not_in_force_is_unknown_not_a_crash() -> None:
    name = "us.compassionate_release.age.min_age_years"
    assert value(name, D(2023, 11, 1)) == 65
    assert resolve(name, D(2023, 10, 31)) is None
    with pytest.raises(ParameterNotInForce, match="2023-10-31"):
        value(name, D(2023, 10, 31))
    node = t.ge(t.Const(70), t.Param(name))
    assert evaluate_node(node, validate_facts({}), D(2023, 10, 31)) == (None, [f"param:{name}"])
    assert get_parameter(name).values[0].citation


def test_a_date_pushed_past_the_calendar_is_unknown_not_a_crash() -> None:
    """9999-12-31 plus a day does not exist: unknown, naming the facts it came from (as in Polars)."""
    node = t.AddDays(t.Fact("custody_start_date"), t.Fact("sentence_term_days"))
    value, unknowns = evaluate_node(
        node, {"custody_start_date": dt.date(9999, 12, 1), "sentence_term_days": 365}, dt.date(2026, 1, 1)
    )
    assert value is None
    assert set(unknowns) == {"custody_start_date", "sentence_term_days"}
    in_range, _ = evaluate_node(
        node, {"custody_start_date": dt.date(2000, 1, 1), "sentence_term_days": 366}, dt.date(2026, 1, 1)
    )
    assert in_range == dt.date(2001, 1, 1)


def test_ceil_div_by_zero_is_unknown_as_in_the_batch_engines() -> None:
    """No whole number of days is a term divided by zero: unknown, naming the facts it read."""
    node = t.CeilDiv(t.Fact("sentence_term_days"), t.Fact("age_at_offense_years"))
    value, unknowns = evaluate_node(
        node, {"sentence_term_days": 365, "age_at_offense_years": 0}, dt.date(2026, 1, 1)
    )
    assert value is None
    assert set(unknowns) == {"sentence_term_days", "age_at_offense_years"}
    assert val(t.CeilDiv(t.Const(7), t.Const(0))) is None
    assert val(t.CeilDiv(t.Const(-7), t.Const(2))) == -3
