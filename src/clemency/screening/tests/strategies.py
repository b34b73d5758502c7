"""Hypothesis strategies: random well-typed rule trees, and facts rows that pass validation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from clemency.law import FACTS, FactError, validate_facts
from clemency.law import tree as t
from clemency.law.facts import DATE_ORDER

AS_OF_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))
# Realistic dates, with leap days and the turn of centuries well inside the range.
DATES = st.dates(dt.date(1896, 1, 1), dt.date(2104, 12, 31))
STATUTES = ("21 U.S.C. 844", "21 U.S.C. 844(a)", "21 U.S.C. 841(b)(1)(A)", "21 U.S.C. 841(b)(1)(B)",
            "21 U.S.C. 846", "18 U.S.C. 924(c)", "18 U.S.C. 922(g)(1)", "D.C. Code 48-904.01(d)(1)",
            "36 C.F.R. 2.35(b)(2)", "21 U.S.C. 8440")

_BY_TYPE: dict[str, list[str]] = {}
for _name, _spec in FACTS.items():
    _BY_TYPE.setdefault(_spec.type, []).append(_name)


def _int_fact_value(name: str) -> st.SearchStrategy[int]:
    minimum = FACTS[name].minimum
    return st.integers(minimum if minimum is not None else -60, 20_000)


def fact_value(name: str) -> st.SearchStrategy[Any]:
    spec = FACTS[name]
    if spec.type == "date":
        return DATES
    if spec.type == "int":
        return _int_fact_value(name)
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "enum":
        return st.sampled_from(spec.values or ("x",))
    values = spec.values or STATUTES
    return st.lists(st.sampled_from(values), max_size=3).map(tuple)


@st.composite
def raw_facts(draw: st.DrawFn, null_rate: float = 0.3) -> dict[str, Any]:
    """Every fact, each unknown with probability about `null_rate`; not yet validated."""
    facts: dict[str, Any] = {}
    for name in FACTS:
        known = draw(st.floats(0, 1)) >= null_rate
        facts[name] = draw(fact_value(name)) if known else None
    return facts


@st.composite
def valid_facts(draw: st.DrawFn) -> dict[str, Any]:
    """Facts that `validate_facts` accepts: impossible date orders are made unknown, not reordered."""
    facts = draw(raw_facts())
    facts["age_at_offense_years"] = None  # derived by validate_facts
    for earlier, later in DATE_ORDER:
        first, second = facts[earlier], facts[later]
        if first is not None and second is not None and second < first:
            facts[later] = None
    try:
        return validate_facts(facts)
    except FactError:  # pragma: no cover - the repair above should make this unreachable
        facts = dict.fromkeys(facts)
        return validate_facts(facts)


# ---- trees ----------------------------------------------------------------------------------

def _leaf_date() -> st.SearchStrategy[t.Node]:
    return st.one_of(
        st.sampled_from(_BY_TYPE["date"]).map(t.Fact),
        DATES.map(t.Const),
        st.just(t.AsOf()),
    )


def _leaf_int() -> st.SearchStrategy[t.Node]:
    return st.one_of(st.sampled_from(_BY_TYPE["int"]).map(t.Fact), st.integers(-4000, 4000).map(t.Const))


Nodes = st.SearchStrategy[t.Node]


def _compose(depth: int) -> tuple[Nodes, Nodes, Nodes]:
    """Strategies for (date, int, bool) nodes at most `depth` deep."""
    if depth == 0:
        bool_leaf = st.one_of(
            st.sampled_from(_BY_TYPE["bool"]).map(t.Fact),
            st.booleans().map(t.Const),
        )
        return _leaf_date(), _leaf_int(), bool_leaf
    dates, ints, bools = _compose(depth - 1)
    small = st.integers(-120, 120).map(t.Const)
    enum_names = _BY_TYPE["enum"]
    list_names = _BY_TYPE["list"]
    date = st.one_of(
        dates,
        st.builds(t.AddDays, dates, ints),
        st.builds(t.AddYears, dates, st.one_of(small, st.sampled_from(_BY_TYPE["int"]).map(t.Fact))),
        st.lists(dates, min_size=1, max_size=3).map(lambda items: t.Earliest(tuple(items))),
        st.lists(dates, min_size=1, max_size=3).map(lambda items: t.Latest(tuple(items))),
        st.builds(t.If, bools, dates, dates),
        st.builds(t.NextBusinessDay, dates, st.sampled_from(["US", "US-TX"])),
        st.builds(lambda c, a, b: t.If(c, a, b, unknown="latest"), bools, dates, dates),
        st.builds(lambda a, b: t.Fallback(a, b, "any"), dates, dates),
    )
    integer = st.one_of(
        ints,
        st.builds(t.Add, ints, ints), st.builds(t.Sub, ints, ints), st.builds(t.Mul, ints, small),
        st.builds(t.CeilDiv, ints, st.integers(1, 400).map(t.Const)),
        st.builds(t.DaysBetween, dates, dates),
        st.builds(t.AgeOn, dates, dates),
        st.builds(t.If, bools, ints, ints),
        st.sampled_from(_BY_TYPE["int"]).map(lambda name: t.FactOr(name, 0)),
    )
    ops = st.sampled_from(["==", "!=", "<", "<=", ">", ">="])
    enum_test = st.sampled_from(enum_names).flatmap(
        lambda name: st.lists(st.sampled_from(FACTS[name].values or ("x",)), max_size=3).map(
            lambda options: t.IsIn(t.Fact(name), tuple(options))))
    list_test = st.sampled_from(list_names).flatmap(
        lambda name: st.builds(
            lambda options, match, only: (t.ListOnly(t.Fact(name), t.Const(tuple(options))) if only
                                          else t.ListHasAny(t.Fact(name), t.Const(tuple(options)), match)),
            st.lists(st.sampled_from(FACTS[name].values or STATUTES + ("21 U.S.C. 841",)), max_size=3),
            st.sampled_from(["exact", "section"]), st.booleans()))
    boolean = st.one_of(
        bools,
        st.builds(t.Compare, ops, dates, dates),
        st.builds(t.Compare, ops, integer, ints),
        st.builds(t.Compare, st.sampled_from(["==", "!="]), st.sampled_from(_BY_TYPE["bool"]).map(t.Fact),
                  st.booleans().map(t.Const)),
        st.builds(t.Compare, st.sampled_from(["==", "!="]), st.sampled_from(enum_names).map(t.Fact),
                  st.sampled_from(["federal", "state", "term", "life", "us", "us-ca"]).map(t.Const)),
        enum_test,
        list_test,
        st.lists(bools, max_size=3).map(lambda items: t.All(tuple(items))),
        st.lists(bools, max_size=3).map(lambda items: t.Any(tuple(items))),
        bools.map(t.Not),
        st.builds(t.Unless, bools, bools),
        st.builds(t.If, bools, bools, bools),
        st.builds(lambda a, b: t.Fallback(a, b, "true"), bools, bools),
    )
    return date, integer, boolean


DATE_NODES, INT_NODES, BOOL_NODES = _compose(2)
ANY_NODES = st.one_of(DATE_NODES, INT_NODES, BOOL_NODES)
