from datetime import date

import pytest

from clemency.assembly.loading import ContextError, context_from_dict, explanation_from_results
from clemency.assembly.render import render_docx

CASE = {
    "person": {
        "given_name": "Wren",
        "family_name": "Adeyemi-Holt",
        "birth_date": "1960-05-17",
        "in_custody": True,
        "address": {"city": "Millbrook", "state": "IL"},
    },
    "case": {"reference": "LSC-JSON-1", "jurisdiction": "us", "prepared_on": "2026-11-02"},
    "convictions": [
        {
            "court": "N.D. Lakeland (fictional)",
            "charges": [{"description": "Wire fraud", "statute": "18 U.S.C. § 1343"}],
            "sentence": {"kind": "imprisonment", "term_days": 3650},
        }
    ],
}


def test_a_context_is_built_from_json_data_with_dates_parsed():
    context = context_from_dict(CASE)
    assert context.person.birth_date == date(1960, 5, 17)
    assert context.person.address is not None and context.person.address.city == "Millbrook"
    assert context.convictions[0].charges[0].statute == "18 U.S.C. § 1343"
    assert context.convictions[0].sentence.term_days == 3650
    assert context.person.projected_release_date is None  # absent: unknown


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["person"].update(birth_date="17/05/1960"),
            "person.birth_date: expected a date (YYYY-MM-DD), got '17/05/1960'",
        ),
        (
            lambda d: d["person"].update(in_custody="yes"),
            "person.in_custody: expected true or false, got 'yes'",
        ),
        (lambda d: d["person"].update(nickname="W"), "person.nickname: unknown field"),
        (lambda d: d["person"].pop("family_name"), "person.family_name: required"),
        (
            lambda d: d["convictions"][0]["sentence"].update(term_days="ten years"),
            "convictions[0].sentence.term_days: expected a whole number, got 'ten years'",
        ),
        (
            lambda d: d["convictions"][0]["charges"][0].update(description=None),
            "convictions[0].charges[0].description: may not be null",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_field(change, message):
    import copy

    data = copy.deepcopy(CASE)
    change(data)
    with pytest.raises(
        ContextError,
        match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("]", r"\]"),
    ):
        context_from_dict(data)


RULEBOOK_RESULT = {
    "pathway": "us.compassionate_release.age",
    "title": "Compassionate release: age",
    "outcome": "ELIGIBLE",
    "eligible_from": None,
    "questions": [],
    "reasons": ["All criteria are met as of 2026-11-02."],
    "criteria": [
        {
            "id": "us.compassionate_release.age.at_least_65",
            "value": True,
            "citations": ["USSG § 1B1.13(b)(2)"],
            "explanation": "Age 71 is at least 65.",
        },
        {
            "id": "served_enough",
            "value": None,
            "citations": ["USSG § 1B1.13(b)(2)"],
            "explanation": "Unknown.",
        },
        {"id": "not_a_danger", "value": False, "citations": ["18 U.S.C. § 3142(g)"], "explanation": "No."},
    ],
    "deadlines": [
        {
            "id": "d",
            "title": "Warden's 30 days lapse",
            "date": "2026-12-02",
            "citation": "18 U.S.C. § 3582(c)(1)(A)",
        }
    ],
}


def test_rulebook_results_become_template_ready_pathways():
    explanation = explanation_from_results([RULEBOOK_RESULT], as_of=date(2026, 11, 2))
    result = explanation.pathways[0]
    assert result.jurisdiction == "us"
    assert [c.label for c in result.criteria_met] == ["At least 65"]
    assert [c.criterion_id for c in result.criteria_unmet] == ["not_a_danger"]  # unknown is neither
    assert result.citations == ["USSG § 1B1.13(b)(2)", "18 U.S.C. § 3142(g)"]
    assert result.deadlines[0].due_date == date(2026, 12, 2)


def test_rulebook_explanation_feeds_the_compassionate_release_grounds():
    import io
    from dataclasses import replace

    import docx

    context = context_from_dict(CASE)
    context = replace(context, explanation=explanation_from_results([RULEBOOK_RESULT]))
    body = "\n".join(
        p.text
        for p in docx.Document(
            io.BytesIO(render_docx("compassionate_release_motion", context, "final"))
        ).paragraphs
    )
    assert "1. At least 65. Age 71 is at least 65. (USSG § 1B1.13(b)(2))" in body
    assert "danger" not in body
