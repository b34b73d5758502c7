"""Scalar, Polars and Spark agree on every jurisdiction's pathways (clemency.law.jurisdictions).

The populations cover every jurisdiction, with death sentences, execution dates and warrants near
the as-of date and the lawyer's confirmation known or not, so each state's gate, its written
conditions, its filing deadlines at their boundaries and its NEEDS_REVIEW all meet the engines.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clemency.law import evaluate, get_pathway
from clemency.law.facts import JURISDICTIONS, validate_facts
from clemency.law.jurisdictions import all_jurisdictions
from clemency.screening.plan import OUTCOMES, PathwayPlan, decode_record, make_plan
from clemency.screening.polars_engine import screen_frame
from clemency.screening.schema import facts_frame
from clemency.screening.tests.strategies import valid_facts

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
PATHWAY_IDS = list(
    dict.fromkeys(
        spec.handwritten or f"{data.code}.{kind}"
        for data in all_jurisdictions().values()
        for kind, spec in data.pathways.items()
    )
)
AS_OF = st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))


@st.composite
def person(draw: st.DrawFn, as_of: dt.date) -> dict[str, Any]:
    facts = dict(draw(valid_facts()))
    facts["jurisdiction"] = draw(st.sampled_from(JURISDICTIONS))
    facts["sentence_type"] = draw(st.sampled_from(("death", "death", "term", "life", None)))
    near = st.one_of(st.none(), st.integers(-40, 40).map(lambda days: as_of + dt.timedelta(days=days)))
    facts["execution_warrant_date"] = draw(near)
    execution = draw(near)
    facts["execution_date"] = execution
    facts["execution_notice_date"] = None if execution is None else min(execution, draw(near) or execution)
    facts["authority_accepts_application"] = draw(st.sampled_from((True, False, None)))
    facts.pop("age_at_offense_years", None)
    return validate_facts({name: value for name, value in facts.items() if value is not None})


@st.composite
def population(draw: st.DrawFn) -> tuple[dt.date, list[dict[str, Any]]]:
    as_of = draw(AS_OF)
    return as_of, draw(st.lists(person(as_of), min_size=1, max_size=30))


def frame_for(people: list[dict[str, Any]]) -> Any:
    return facts_frame([{**facts, "person_id": f"p{i:04d}"} for i, facts in enumerate(people)])


def scalar_row(facts: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for pathway_id in PATHWAY_IDS:
        result = evaluate(get_pathway(pathway_id), facts, as_of, validated=True)
        row[f"{pathway_id}.outcome"] = result.outcome.value
        if result.pathway.eligible_from is not None:
            row[f"{pathway_id}.eligible_from"] = result.eligible_from
        row[f"{pathway_id}.failed"] = [c.id for c in result.criteria if c.value is False]
        row[f"{pathway_id}.unknown"] = [c.id for c in result.criteria if c.value is None]
    return row


def decoded(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    for pathway_id in PATHWAY_IDS:
        pathway = get_pathway(pathway_id)
        row[f"{pathway_id}.failed"], row[f"{pathway_id}.unknown"] = decode_record(
            row.pop(f"{pathway_id}.criteria"),
            [c.id for c in pathway.criteria],
            PathwayPlan(pathway).mask_bits,
        )
    return row


def test_every_jurisdiction_has_pathways_to_compare() -> None:
    assert {pid.split(".")[0] for pid in PATHWAY_IDS} == set(JURISDICTIONS)
    assert set(OUTCOMES) == {"ELIGIBLE", "NOT_YET", "NEEDS_REVIEW", "INELIGIBLE"}


@settings(max_examples=15, deadline=None, suppress_health_check=SLOW)
@given(drawn=population())
def test_polars_gives_the_scalar_answer_on_every_jurisdiction(
    drawn: tuple[dt.date, list[dict[str, Any]]],
) -> None:
    as_of, people = drawn
    result = screen_frame(frame_for(people), make_plan(as_of, PATHWAY_IDS))
    for got, facts in zip(result.iter_rows(named=True), people, strict=True):
        got = decoded(got)
        for key, value in scalar_row(facts, as_of).items():
            assert got[key] == value, (key, got["person_id"], facts["jurisdiction"])


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@settings(max_examples=3, deadline=None, suppress_health_check=SLOW)
@given(drawn=population())
def test_spark_gives_the_polars_answer_on_every_jurisdiction(
    spark: Any, drawn: tuple[dt.date, list[dict[str, Any]]]
) -> None:
    from clemency.screening.spark_engine import facts_dataframe, screen_spark

    as_of, people = drawn
    plan = make_plan(as_of, PATHWAY_IDS)
    polars_rows = {
        row["person_id"]: row for row in screen_frame(frame_for(people), plan).iter_rows(named=True)
    }
    rows = [{**facts, "person_id": f"p{i:04d}"} for i, facts in enumerate(people)]
    spark_rows = {
        row["person_id"]: row.asDict() for row in screen_spark(facts_dataframe(spark, rows), plan).collect()
    }
    assert polars_rows.keys() == spark_rows.keys()
    for person_id, want in polars_rows.items():
        for key, value in want.items():
            assert spark_rows[person_id][key] == value, (key, person_id)
