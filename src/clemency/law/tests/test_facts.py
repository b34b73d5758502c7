"""The fact schema: clear errors naming the fact, and nothing guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from clemency.law import FACTS, FactError, validate_facts
from clemency.law.facts import canonical_statute


def test_missing_facts_are_none_never_false_or_zero() -> None:
    facts = validate_facts({})
    assert set(facts) == set(FACTS)
    assert all(value is None for value in facts.values())


@pytest.mark.parametrize(
    ("raw", "fact", "reason"),
    [
        ({"shoe_size": 9}, "shoe_size", "not a fact"),
        ({"sentence_term_days": "120"}, "sentence_term_days", "whole number"),
        ({"sentence_term_days": 1.5}, "sentence_term_days", "whole number"),
        ({"sentence_term_days": True}, "sentence_term_days", "whole number"),
        ({"jail_credit_days": -1}, "jail_credit_days", "at least 0"),
        ({"on_supervision": "yes"}, "on_supervision", "true or false"),
        ({"on_supervision": 1}, "on_supervision", "true or false"),
        ({"birth_date": "2023-02-30"}, "birth_date", "real date"),
        ({"birth_date": "1/2/1990"}, "birth_date", "real date"),
        ({"birth_date": dt.datetime(1990, 1, 2, 3, 4)}, "birth_date", "date and time"),
        ({"citizenship": "martian"}, "citizenship", "must be one of"),
        ({"offense_categories": "drug"}, "offense_categories", "list of strings"),
        ({"offense_categories": ["drug", "arson"]}, "offense_categories", "arson"),
        ({"custody_start_date": "2020-01-02", "release_date": "2020-01-01"}, "release_date", "before"),
        ({"birth_date": "2000-01-01", "offense_date": "1999-12-31"}, "offense_date", "before"),
    ],
)
def test_bad_facts_raise_an_error_naming_the_fact(raw: dict[str, object], fact: str, reason: str) -> None:
    with pytest.raises(FactError, match=reason) as caught:
        validate_facts(raw)
    assert caught.value.fact == fact


def test_age_at_offense_is_derived_when_missing() -> None:
    facts = validate_facts({"birth_date": "2000-02-29", "offense_date": "2018-02-28"})
    assert facts["age_at_offense_years"] == 18
    assert (
        validate_facts({"birth_date": "2000-02-29", "offense_date": "2018-02-27"})["age_at_offense_years"]
        == 17
    )


def test_given_age_at_offense_must_agree_with_the_dates() -> None:
    with pytest.raises(FactError) as caught:
        validate_facts({"birth_date": "2000-01-01", "offense_date": "2020-01-01", "age_at_offense_years": 25})
    assert caught.value.fact == "age_at_offense_years"
    assert validate_facts({"age_at_offense_years": 25})["age_at_offense_years"] == 25


def test_dates_become_dates_and_statutes_are_spelled_one_way() -> None:
    facts = validate_facts(
        {"offense_date": "2020-05-06", "statutes": ["21 USC § 844(a)", "18 U.S.C.  924(c)"]}
    )
    assert facts["offense_date"] == dt.date(2020, 5, 6)
    assert facts["statutes"] == ("21 U.S.C. 844(a)", "18 U.S.C. 924(c)")
    assert canonical_statute("36 CFR 2.35(b)(2)") == "36 C.F.R. 2.35(b)(2)"


def test_every_fact_has_a_question_and_enums_have_values() -> None:
    for spec in FACTS.values():
        assert spec.question.endswith("?"), spec.name
        if spec.type == "enum":
            assert spec.values, spec.name


def test_statutes_are_read_as_judgments_write_them() -> None:
    facts = validate_facts(
        {
            "statutes": [
                "21 U.S.C. 841(a)(1), (b)(1)(A)",
                "18 USC s. 924(c)",
                "21 U.S.C. sec. 841(b)(1)(A)(iii)",
            ]
        }
    )
    assert facts["statutes"] == (
        "21 U.S.C. 841(a)(1)",
        "21 U.S.C. 841(b)(1)(A)",
        "18 U.S.C. 924(c)",
        "21 U.S.C. 841(b)(1)(A)(iii)",
    )


def test_a_statute_that_cannot_be_read_makes_the_list_unknown_not_false() -> None:
    from clemency.law import evaluate, get_pathway

    facts = {"statutes": ["21 U.S.C. 841(b)(1)(A)", "21 U.S.C. eight forty one"]}
    assert validate_facts(facts)["statutes"] is None
    person = {
        "court_system": "federal",
        "sentence_type": "term",
        "custody_start_date": "2005-01-01",
        "release_date": "2030-01-01",
        "crack_cocaine_offense": True,
        "offense_date": "2004-05-01",
        "sentenced_under_fair_sentencing_act": False,
        "prior_404_motion_decided_on_merits": False,
        **facts,
    }
    result = evaluate(get_pathway("us.fsa_404"), person, dt.date(2022, 1, 1))
    assert result.outcome.value == "NEEDS_REVIEW"
    assert result.missing_facts == ["statutes"]
