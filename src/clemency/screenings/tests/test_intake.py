"""A candidate's facts become a person, a conviction, a sentence and charges; nothing is guessed."""

from __future__ import annotations

import datetime as dt

from clemency.screenings.intake import record_from_facts

D = dt.date


def test_a_federal_drug_life_sentence_maps_to_the_record():
    record = record_from_facts({
        "birth_date": D(1961, 9, 14), "jurisdiction": "us", "court_system": "federal",
        "offense_date": D(1995, 6, 12), "sentence_date": D(1996, 5, 30), "sentence_type": "life",
        "sentence_term_days": None, "custody_start_date": D(1995, 6, 12), "offense_level": 38,
        "statutes": ("21 U.S.C. 846", "21 U.S.C. 841(b)(1)(A)"), "offense_categories": ("drug",),
        "on_supervision": False, "crack_cocaine_offense": True,
    })
    assert record.person == {"birth_date": D(1961, 9, 14)}
    assert record.conviction == {"jurisdiction": "federal", "offense_date": D(1995, 6, 12),
                                 "sentencing_date": D(1996, 5, 30)}
    assert record.sentence == {
        "sentence_type": "life", "custody_start_date": D(1995, 6, 12), "offense_level": 38
    }
    assert [c["statute"] for c in record.charges] == ["21 U.S.C. 846", "21 U.S.C. 841(b)(1)(A)"]
    assert {c["offense_category"] for c in record.charges} == {"drug"}
    assert record.not_recorded == ["crack_cocaine_offense: yes"]


def test_state_and_dc_codes_become_the_records_codes_and_guideline_figures_stay_federal():
    state = record_from_facts({"jurisdiction": "us-tx", "sentence_type": "term", "sentence_term_days": 3650,
                               "offense_level": 20})
    assert state.conviction == {"jurisdiction": "us-tx"}
    assert state.sentence == {"sentence_type": "term", "sentence_term_days": 3650}
    assert state.not_recorded == ["offense_level: 20"]
    assert record_from_facts({"jurisdiction": "us-dc"}).conviction == {"jurisdiction": "dc"}


def test_several_categories_leave_the_charges_to_the_summary():
    record = record_from_facts({"jurisdiction": "us", "statutes": ("18 U.S.C. 924(c)", "21 U.S.C. 841"),
                                "offense_categories": ("drug", "weapon")})
    assert record.charges == []
    assert "statutes: 18 U.S.C. 924(c), 21 U.S.C. 841" in record.not_recorded
    assert "offense_categories: drug, weapon" in record.not_recorded


def test_without_a_jurisdiction_there_is_no_conviction_and_supervision_sets_custody():
    record = record_from_facts(
        {"sentence_type": "death", "on_supervision": True, "execution_date": D(2027, 1, 5)}
    )
    assert record.conviction is None and record.sentence is None
    assert record.person == {"custody_status": "supervised_release"}
    assert record.execution_date == D(2027, 1, 5)
    assert record.not_recorded == ["sentence_type: death"]


def test_a_none_sentence_type_is_not_a_record_sentence():
    record = record_from_facts({"jurisdiction": "us", "sentence_type": "none"})
    assert record.sentence is None and record.not_recorded == ["sentence_type: none"]
