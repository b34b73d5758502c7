"""Run every YAML example case beside the pathways, and vary each one's facts to unknown."""

from __future__ import annotations

import pytest

from clemency.law import Outcome, evaluate, get_pathway
from clemency.law.cases import Case, all_cases

CASES = all_cases()


def _json_date(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.mark.parametrize("case", CASES, ids=[f"{c.pathway}: {c.name}" for c in CASES])
def test_case(case: Case) -> None:
    result = evaluate(get_pathway(case.pathway), case.facts, case.as_of)
    explained = result.to_dict()
    assert result.outcome.value == case.outcome, explained
    if case.eligible_from != "unchecked":
        assert result.eligible_from == case.eligible_from, explained
    values = {criterion.id: criterion.value for criterion in result.criteria}
    for criterion_id, expected in case.criteria.items():
        assert criterion_id in values, f"no criterion {criterion_id}"
        assert values[criterion_id] is expected, (criterion_id, explained)
    cited = {citation for criterion in result.criteria for citation in criterion.citations}
    cited.update(deadline.citation for deadline in result.deadlines)
    if result.pathway.eligible_from is not None:
        cited.update(node.citation for node in result.pathway.eligible_from.walk() if node.citation)
    for citation in case.citations:
        assert citation in cited, (citation, sorted(cited))
    if case.missing_facts is not None:
        assert result.missing_facts == sorted(case.missing_facts), explained
    dates = {deadline.id: deadline.date for deadline in result.deadlines}
    for deadline_id, expected_date in case.deadlines.items():
        assert dates[deadline_id] == expected_date, (deadline_id, explained)
    if case.eligible_from_is_bound is not None:
        assert result.eligible_from_is_bound is case.eligible_from_is_bound, explained
    statuses = {deadline.id: deadline.status for deadline in result.deadlines}
    for deadline_id, expected_status in case.deadline_status.items():
        assert statuses[deadline_id] == expected_status, (deadline_id, explained)


SETTLED = [c for c in CASES if c.outcome in ("ELIGIBLE", "NOT_YET", "INELIGIBLE")]


@pytest.mark.parametrize("case", SETTLED, ids=[f"{c.pathway}: {c.name}" for c in SETTLED])
def test_each_needed_fact_unknown(case: Case) -> None:
    """Each fact the pathway needs, made unknown in turn: never a flip, and the question is asked."""
    pathway = get_pathway(case.pathway)
    for name in pathway.needed_facts:
        if name not in case.facts:
            continue
        facts = {k: v for k, v in case.facts.items() if k != name}
        if name in ("birth_date", "offense_date"):
            facts.pop("age_at_offense_years", None)
        result = evaluate(pathway, facts, case.as_of)
        if case.outcome == "INELIGIBLE":
            assert result.outcome in (Outcome.INELIGIBLE, Outcome.NEEDS_REVIEW), name
        elif result.eligible_from_is_bound:
            # "No later than D": never earlier than the case's own date, never eligible sooner.
            assert result.outcome in (Outcome(case.outcome), Outcome.NOT_YET), name
            assert case.eligible_from in ("unchecked", None) or result.eligible_from >= case.eligible_from
            assert result.bounds_used, name
        else:
            assert result.outcome in (Outcome(case.outcome), Outcome.NEEDS_REVIEW), name
        if result.outcome is Outcome.NEEDS_REVIEW and case.outcome != "INELIGIBLE":
            assert name in result.missing_facts or name == "age_at_offense_years", (name, result.to_dict())


def test_every_pathway_has_cases_of_each_settled_kind() -> None:
    from clemency.law import all_pathways

    for pathway in all_pathways():
        outcomes = {case.outcome for case in CASES if case.pathway == pathway.id}
        assert "ELIGIBLE" in outcomes or "NOT_YET" in outcomes, pathway.id
        assert "INELIGIBLE" in outcomes, pathway.id
        assert "NEEDS_REVIEW" in outcomes, pathway.id
