"""Property: making any facts unknown never flips ELIGIBLE and INELIGIBLE, for every pathway."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clemency.law import FACTS, FactError, Outcome, all_pathways, evaluate, validate_facts
from clemency.law.facts import FactSpec

STATUTES = (
    "21 U.S.C. 844(a)",
    "21 U.S.C. 846",
    "21 U.S.C. 841(a)(1)",
    "21 U.S.C. 841(b)(1)(A)",
    "21 U.S.C. 841(b)(1)(B)",
    "21 U.S.C. 841(b)(1)(C)",
    "D.C. Code 48-904.01(d)(1)",
    "18 U.S.C. 924(c)",
)
DATES = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2045, 12, 31))
AS_OF = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31))
SETTLED_YES = (Outcome.ELIGIBLE, Outcome.NOT_YET)


def _value(spec: FactSpec) -> st.SearchStrategy[Any]:
    if spec.type == "date":
        return DATES
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "enum":
        return st.sampled_from(spec.values or ())
    if spec.type == "int":
        upper = 40 if spec.unit in ("points", "levels", "convictions", "reports", "years") else 20000
        return st.integers(min_value=spec.minimum or 0, max_value=upper)
    options = spec.values or STATUTES
    return st.lists(st.sampled_from(options), max_size=3, unique=True)


def _facts_for(names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    names = [name for name in names if name != "age_at_offense_years"] + ["birth_date", "offense_date"]
    return st.fixed_dictionaries({}, optional={name: _value(FACTS[name]) for name in dict.fromkeys(names)})


def _check(pathway_id: str, facts: dict[str, Any], as_of: dt.date, drop: list[int]) -> None:
    from clemency.law import get_pathway

    try:
        validate_facts(facts)
    except FactError:
        return  # impossible combinations (release before custody) are refused, not evaluated
    pathway = get_pathway(pathway_id)
    before = evaluate(pathway, facts, as_of)
    present = sorted(facts)
    if not present:
        return
    dropped = {present[i % len(present)] for i in drop} or {present[0]}
    after = evaluate(pathway, {k: v for k, v in facts.items() if k not in dropped}, as_of)
    if before.outcome in SETTLED_YES:
        assert after.outcome is not Outcome.INELIGIBLE, (dropped, before.to_dict(), after.to_dict())
    if before.outcome is Outcome.INELIGIBLE:
        assert after.outcome not in SETTLED_YES, (dropped, before.to_dict(), after.to_dict())
    if after.outcome in SETTLED_YES and after.eligible_from_is_bound:
        # A bound ("no later than D"): the facts can only make it eligible sooner.
        assert before.outcome in SETTLED_YES, (dropped, before.to_dict(), after.to_dict())
        if after.outcome is Outcome.ELIGIBLE:
            assert before.outcome is Outcome.ELIGIBLE, (dropped, before.to_dict(), after.to_dict())
        if before.eligible_from is not None and after.eligible_from is not None:
            assert before.eligible_from <= after.eligible_from, (dropped, before.to_dict(), after.to_dict())
    elif after.outcome in SETTLED_YES:
        assert after.outcome is before.outcome and after.eligible_from == before.eligible_from


@pytest.mark.parametrize("pathway", all_pathways(), ids=[p.id for p in all_pathways()])
def test_unknown_facts_never_flip_the_outcome(pathway: Any) -> None:
    @settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        facts=_facts_for(pathway.needed_facts),
        as_of=AS_OF,
        drop=st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=3),
    )
    def run(facts: dict[str, Any], as_of: dt.date, drop: list[int]) -> None:
        _check(pathway.id, facts, as_of, drop)

    run()


def test_unknown_facts_never_flip_the_example_cases() -> None:
    """The same property, starting from every settled YAML case (where ELIGIBLE is common)."""
    from clemency.law.cases import all_cases

    settled = [c for c in all_cases() if c.outcome in ("ELIGIBLE", "NOT_YET", "INELIGIBLE")]
    assert settled

    @settings(max_examples=300, deadline=None, database=None)
    @given(
        index=st.integers(min_value=0, max_value=len(settled) - 1),
        drop=st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=4),
    )
    def run(index: int, drop: list[int]) -> None:
        case = settled[index]
        _check(case.pathway, dict(case.facts), case.as_of, drop)

    run()
