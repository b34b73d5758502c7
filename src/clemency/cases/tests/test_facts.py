from __future__ import annotations

import datetime

from clemency.cases import services
from clemency.cases.facts import convictions_to_facts
from clemency.cases.tests import factories
from clemency.law.facts import validate_facts


def test_a_federal_drug_life_case_maps_to_rulebook_facts(cast):
    case = factories.case(
        cast.team, person_values={"birth_date": datetime.date(1968, 7, 4), "custody_status": "in_custody"}
    )
    conviction = factories.federal_conviction(
        case,
        sentence={
            "sentence_type": "life",
            "offense_level": 38,
            "criminal_history_points": 2,
            "custody_start_date": datetime.date(1995, 3, 1),
        },
    )
    services.add_charge(conviction, actor=None, statute="21 USC § 841(b)(1)(A)", offense_category="drug")
    facts = convictions_to_facts(case)
    assert facts["jurisdiction"] == "us" and facts["court_system"] == "federal"
    assert facts["sentence_date"] == datetime.date(1996, 4, 2)
    assert facts["sentence_type"] == "life" and facts.get("sentence_term_days") is None
    assert facts["offense_categories"] == ["drug"] and facts["on_supervision"] is False
    checked = validate_facts(facts)  # the rulebook accepts every name and value
    assert checked["statutes"] == ("21 U.S.C. 841(b)(1)(A)",)
    assert checked["age_at_offense_years"] == 26


def test_unknowns_stay_unknown(cast):
    case = factories.case(cast.team)
    services.add_conviction(case, actor=None, jurisdiction="us-wi")
    facts = validate_facts(convictions_to_facts(case))
    assert facts["jurisdiction"] == "us-wi" and facts["court_system"] == "state"
    for name in [
        "birth_date",
        "sentence_type",
        "offense_categories",
        "sex_offense",
        "violence_in_offense",
        "on_supervision",
    ]:
        assert facts[name] is None, name


def test_dc_maps_to_the_rulebooks_spelling(cast):
    case = factories.case(cast.team)
    services.add_conviction(case, actor=None, jurisdiction="dc")
    facts = convictions_to_facts(case)
    assert facts["jurisdiction"] == "us-dc" and facts["court_system"] == "dc_superior"
    validate_facts(facts)


def test_the_most_recently_sentenced_conviction_controls(cast):
    case = factories.case(cast.team)
    factories.federal_conviction(case, docket_number="old", sentencing_date=datetime.date(1996, 4, 2))
    services.add_conviction(case, actor=None, jurisdiction="us-tx", sentencing_date=datetime.date(2005, 1, 1))
    assert convictions_to_facts(case)["jurisdiction"] == "us-tx"


def test_a_case_without_convictions_gives_the_person_only(cast):
    case = factories.case(cast.team, person_values={"custody_status": "supervised_release"})
    facts = convictions_to_facts(case)
    assert facts == {"birth_date": None, "on_supervision": True}


def test_the_execution_date_comes_from_the_cases_deadlines(cast):
    from clemency.deadlines.models import Deadline

    case = factories.case(cast.team)
    services.add_conviction(case, actor=None, jurisdiction="us-tx", sentence={"sentence_type": "death"})
    assert "execution_date" not in convictions_to_facts(case)
    Deadline.objects.create(
        case=case, kind="execution", date=datetime.date(2027, 3, 4), title="Execution date"
    )
    Deadline.objects.create(
        case=case, kind="execution", date=datetime.date(2026, 1, 2), title="Stayed", done=True
    )
    facts = validate_facts(convictions_to_facts(case))
    assert facts["execution_date"] == datetime.date(2027, 3, 4)
