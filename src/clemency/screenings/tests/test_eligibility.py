"""The eligibility module: which pathways a case is evaluated against, and unknown pathway ids."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from clemency.law import Outcome
from clemency.screenings import eligibility

AS_OF = dt.date(2026, 6, 1)


def ids(pathways):
    return {p.id for p in pathways}


def test_federal_and_dc_cases_get_the_federal_pathways_but_not_state_habeas():
    federal = ids(eligibility.relevant_pathways("us"))
    assert {"us.commutation", "us.pardon", "us.habeas_2255"} <= federal
    assert "us.habeas_2254" not in federal
    assert not any(pid.startswith("us-") for pid in federal)
    assert ids(eligibility.relevant_pathways("us-dc")) == federal


def test_a_state_case_gets_its_own_state_and_federal_habeas_for_state_prisoners():
    assert ids(eligibility.relevant_pathways("us-tx")) == {
        "us-tx.death_commutation", "us-tx.dna_testing", "us.habeas_2254", "us-tx.pardon", "us-tx.commutation"
    }


def test_no_jurisdiction_means_no_pathways_until_asked():
    assert eligibility.relevant_pathways(None) == []
    found = eligibility.evaluate_facts({}, as_of=AS_OF, pathway_ids=["us.pardon"])
    assert [r.pathway.id for r in found.results] == ["us.pardon"]
    assert found.results[0].outcome is Outcome.NEEDS_REVIEW
    assert found.results[0].questions  # the questions that would settle it


def test_requested_pathways_are_added_once_and_unknown_ones_named():
    found = eligibility.evaluate_facts(
        {"jurisdiction": "us-tx"}, as_of=AS_OF, pathway_ids=["us-ca.clemency", "us-ca.clemency", "us.nope"]
    )
    got = [r.pathway.id for r in found.results]
    assert got.count("us-ca.clemency") == 1 and "us-tx.dna_testing" in got
    assert found.unknown_requested == [eligibility.unknown_pathway_message("us.nope")]


def test_results_run_from_eligible_to_ineligible():
    found = eligibility.evaluate_facts(
        {"jurisdiction": "us-tx", "court_system": "state", "sentence_type": "death"}, as_of=AS_OF
    )
    order = [eligibility.OUTCOME_ORDER[r.outcome] for r in found.results]
    assert order == sorted(order)


def test_a_fact_the_rulebook_cannot_use_is_reported_not_raised():
    found = eligibility.evaluate_facts({"jurisdiction": "us-tx", "sentence_term_days": -3}, as_of=AS_OF)
    assert found.results == []
    assert "sentence_term_days" in found.fact_error


def test_known_pathway_and_the_closest_ids():
    assert eligibility.known_pathway("us.commutation")
    assert not eligibility.known_pathway("us.comutation")
    assert eligibility.closest_pathways("us.comutation")[0] == "us.commutation"
    assert "us-wi.pardon" in eligibility.closest_pathways("us-wi.pardons")


def test_check_pathway_id_lists_the_closest_known_ids():
    with pytest.raises(ValidationError) as raised:
        eligibility.check_pathway_id("us.compassionate_release.agee")
    message = raised.value.messages[0]
    assert "'us.compassionate_release.agee' is not a pathway in the rulebook" in message
    assert "us.compassionate_release.age" in message
    eligibility.check_pathway_id("us.compassionate_release.age")  # no error


def test_the_same_jurisdictions_pathways_come_first_and_nonsense_gets_no_hint():
    assert eligibility.closest_pathways("us-tn.clemancy")[0] == "us-tn.clemency"
    assert eligibility.closest_pathways("us-tx.death_comutation")[0] == "us-tx.death_commutation"
    assert eligibility.closest_pathways("xyz") == []
    assert eligibility.unknown_pathway_message("xyz") == "'xyz' is not a pathway in the rulebook."
