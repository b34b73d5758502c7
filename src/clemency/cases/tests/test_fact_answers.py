"""Answers to the rulebook's questions: recorded with source and history, checked, shown with derivations."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.cases import services
from clemency.cases.classification import grade_charge
from clemency.cases.facts import case_facts, convictions_to_facts
from clemency.cases.models import FactAnswer
from clemency.cases.services_facts import answer_fact, answer_facts
from clemency.cases.tests import factories
from clemency.law import FACTS


def _wisconsin_case(cast, **charge):
    case = factories.case(
        cast.team, person_values={"birth_date": datetime.date(1989, 1, 10), "custody_status": "in_custody"}
    )
    conviction = services.add_conviction(
        case,
        actor=cast.attorney,
        jurisdiction="us-wi",
        offense_date=datetime.date(2005, 6, 1),
        sentencing_date=datetime.date(2006, 2, 1),
        sentence={"sentence_type": "life", "custody_start_date": datetime.date(2005, 6, 2)},
    )
    services.add_charge(
        conviction,
        actor=cast.attorney,
        **{"statute": "Wis. Stat. 940.01(1)(a), Class A felony", "offense_category": "violent", **charge},
    )
    return case


def test_an_answer_is_recorded_with_its_source_and_the_one_before_stays_as_history(cast):
    case = _wisconsin_case(cast)
    first = answer_fact(
        case,
        actor=cast.attorney,
        fact="pending_charges",
        value=True,
        source="client",
        source_detail="Letter of 3 May",
    )
    second = answer_fact(case, actor=cast.staff, fact="pending_charges", value=False, source="record")
    assert first is not None and second is not None
    first.refresh_from_db()
    assert not first.current and second.current and second.author == cast.staff
    assert convictions_to_facts(case)["pending_charges"] is False
    facts = case_facts(case)
    assert [a.pk for a in facts["pending_charges"].history] == [second.pk, first.pk]
    events = AuditEvent.objects.filter(action="fact.answered", case_id=case.pk)
    assert events.count() == 2 and events.order_by("-id").first().before["pending_charges"]["value"] is True
    # The same answer again from the same source is not a new answer.
    assert answer_fact(case, actor=cast.staff, fact="pending_charges", value=False, source="record") is None


def test_unknown_is_an_answer_and_stays_unknown_to_the_rulebook(cast):
    case = _wisconsin_case(cast)
    answer_fact(case, actor=cast.attorney, fact="registered_sex_offender", value=None, source="client")
    assert FactAnswer.objects.get(case=case, fact="registered_sex_offender").value is None
    assert "registered_sex_offender" not in convictions_to_facts(case)


@pytest.mark.parametrize(
    ("answers", "fact", "reason"),
    [
        ({"pending_charges": "yes"}, "pending_charges", "expected true or false"),
        ({"no_such_fact": True}, "no_such_fact", "not a fact the rulebook knows"),
        ({"execution_notice_date": "2027-02-30"}, "execution_notice_date", "not a real date"),
        ({"felony_convictions_count": -1}, "felony_convictions_count", "at least 0"),
        ({"citizenship": "martian"}, "citizenship", "must be one of"),
        # Impossible against the record: released before custody began.
        ({"release_date": "2001-01-01"}, "release_date", "before custody_start_date"),
    ],
)
def test_a_bad_answer_is_refused_naming_the_fact_and_nothing_changes(cast, answers, fact, reason):
    case = _wisconsin_case(cast)
    answer_facts(case, actor=cast.attorney, answers={"pending_charges": False}, source="record")
    with pytest.raises(ValidationError) as refused:
        answer_facts(
            case, actor=cast.attorney, answers={**answers, "registered_sex_offender": False}, source="record"
        )
    assert fact in refused.value.message_dict
    assert reason in " ".join(refused.value.message_dict[fact])
    assert not FactAnswer.objects.filter(case=case, fact="registered_sex_offender").exists()
    assert FactAnswer.objects.filter(case=case).count() == 1


def test_the_wisconsin_felony_is_known_from_its_charge_with_the_source_shown(cast):
    case = _wisconsin_case(cast)
    fact = case_facts(case)["felony_convictions_in_state_count"]
    assert fact.value == 1 and fact.origin == "derived"
    assert "conviction 1, charge 1: Wis. Stat. 940.01(1)(a), Class A felony" in fact.derived.source
    assert "Wis. Stat. 939.60" in fact.derived.source
    completed = case_facts(case)["sentence_completed_date"]
    assert completed.value is None and "not complete" in completed.derived.source


def test_the_grade_comes_from_the_class_or_the_statute_and_otherwise_stays_unknown():
    assert grade_charge("us-wi", "Class A misdemeanor", "Wis. Stat. 943.20").grade == "misdemeanor"
    assert grade_charge("us-wi", "", "Wis. Stat. 940.01(1)(a)").grade == "felony"
    assert grade_charge("us-tx", "state jail felony", "Tex. Penal Code 31.03").grade == "felony"
    assert grade_charge("us-wi", "", "Wis. Stat. 943.20") is None
    assert grade_charge("us-ca", "felony or misdemeanor", "Cal. Penal Code 484") is None  # a wobbler
    assert grade_charge("us-ny", "Class A felony", "N.Y. Penal Law 125.27") is None  # no table yet


def test_an_answer_overriding_the_record_shows_both(client, cast):
    case = _wisconsin_case(cast)
    answer_fact(case, actor=cast.attorney, fact="felony_convictions_in_state_count", value=3, source="record")
    fact = case_facts(case)["felony_convictions_in_state_count"]
    assert fact.value == 3 and fact.overrides_record
    client.force_login(cast.staff)
    page = client.get(reverse("cases:facts", args=[case.pk])).content.decode()
    assert "The answer overrides the record" in page and "3 convictions" in page and "1 conviction " in page


def test_the_facts_page_groups_every_fact_with_its_value_source_and_pathways(client, cast):
    case = _wisconsin_case(cast)
    client.force_login(cast.staff)
    page = client.get(reverse("cases:facts", args=[case.pk])).content.decode()
    for group in (
        "The person",
        "The conviction",
        "The sentence",
        "Custody",
        "Conduct",
        "Health and family",
        "Capital case",
        "Post-conviction",
    ):
        assert f">{group}</h2>" in page
    for spec in FACTS.values():
        assert f'id="fact-{spec.name}"' in page  # every fact of the schema, none hidden
    assert "Wisconsin" in page and "Wisconsin pardon" in page
    assert "snake" not in page and "us_wi" not in page


def test_an_open_question_is_answered_in_place_without_javascript(client, cast):
    case = _wisconsin_case(cast)
    client.force_login(cast.staff)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    # The pardon of a life sentence being served is decided (not eligible), so it asks nothing; the
    # DNA testing pathway of the same case still asks its open question.
    assert 'name="fact" value="dna_statute_conditions_met"' in page
    response = client.post(
        reverse("cases:fact-answer", args=[case.pk]),
        {
            "fact": "dna_statute_conditions_met",
            "fact-dna_statute_conditions_met-value": "no",
            "fact-dna_statute_conditions_met-source": "record",
            "fact-dna_statute_conditions_met-source_detail": "Counsel's memo of 3 May",
            "next": f"/cases/{case.pk}/",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    answer = FactAnswer.objects.get(case=case, fact="dna_statute_conditions_met")
    assert answer.value is False and answer.source_detail == "Counsel's memo of 3 May"
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'name="fact" value="dna_statute_conditions_met"' not in page  # answered, no longer asked


def test_an_answer_with_htmx_returns_the_panel_and_a_bad_one_says_why(client, cast):
    case = _wisconsin_case(cast)
    client.force_login(cast.staff)
    url = reverse("cases:fact-answer", args=[case.pk])
    response = client.post(
        url,
        {
            "fact": "registered_sex_offender",
            "fact-registered_sex_offender-value": "no",
            "fact-registered_sex_offender-source": "record",
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and 'id="eligibility-panel"' in response.content.decode()
    bad = client.post(
        url,
        {
            "fact": "execution_notice_date",
            "fact-execution_notice_date-value": "2027-02-30",
            "fact-execution_notice_date-source": "record",
        },
    )
    assert bad.status_code == 400 and "Enter a valid date" in bad.content.decode()
    assert not FactAnswer.objects.filter(case=case, fact="execution_notice_date").exists()
    unknown = client.post(url, {"fact": "nothing_like_this", "next": "/"})
    assert unknown.status_code == 302 and not FactAnswer.objects.filter(fact="nothing_like_this").exists()


def test_a_read_only_member_cannot_answer(client, cast):
    case = _wisconsin_case(cast)
    client.force_login(cast.read_only)
    response = client.post(
        reverse("cases:fact-answer", args=[case.pk]),
        {
            "fact": "pending_charges",
            "fact-pending_charges-value": "no",
            "fact-pending_charges-source": "record",
        },
    )
    assert response.status_code in (403, 404)
    assert not FactAnswer.objects.exists()


def test_the_wisconsin_case_ends_with_an_answer_per_pathway_once_the_questions_are_answered(client, cast):
    from clemency.screenings.eligibility import case_eligibility

    case = _wisconsin_case(cast)
    answer_facts(
        case,
        actor=cast.attorney,
        source="record",
        answers={"pending_charges": False, "registered_sex_offender": False},
    )
    results = {r.pathway.id: r for r in case_eligibility(case, as_of=datetime.date(2026, 6, 1)).results}
    pardon = results["us-wi.pardon"]
    felony = next(c for c in pardon.criteria if c.id == "wisconsin_felony")
    assert felony.value is True
    assert "judgment_final_date" in results["us.habeas_2254"].missing_facts
    # The date the judgment became final, entered on the conviction, reaches the habeas pathway.
    conviction = case.convictions.get()
    services.update_conviction(conviction, actor=cast.attorney, judgment_final_date=datetime.date(2007, 9, 4))
    answer_fact(case, actor=cast.attorney, fact="state_postconviction_tolled_days", value=0, source="record")
    habeas = next(
        r
        for r in case_eligibility(case, as_of=datetime.date(2026, 6, 1)).results
        if r.pathway.id == "us.habeas_2254"
    )
    assert "judgment_final_date" not in habeas.missing_facts
    assert habeas.deadlines[0].date == datetime.date(2008, 9, 4)


def test_a_term_is_kept_as_the_judgment_states_it_and_counted_in_days_on_the_calendar(client, cast):
    case = factories.case(cast.team)
    conviction = services.add_conviction(
        case,
        actor=cast.attorney,
        jurisdiction="us-wi",
        sentencing_date=datetime.date(2006, 2, 1),
        sentence={"sentence_type": "term", "term_years": 20, "custody_start_date": datetime.date(2005, 6, 2)},
    )
    sentence = conviction.sentence
    assert sentence.sentence_term_days == (datetime.date(2025, 6, 2) - datetime.date(2005, 6, 2)).days == 7305
    assert str(sentence) == "20 years"
    assert "20 years" in case_facts(case)["sentence_term_days"].derived.source
    client.force_login(cast.staff)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Term of years, 20 years (7305 days)" in page
    # The custody start moves: the days are counted again from the stated term.
    services.set_sentence(
        conviction,
        actor=cast.attorney,
        sentence_type="term",
        term_years=20,
        sentence_term_days=7305,
        custody_start_date=datetime.date(2004, 2, 29),
    )
    conviction.sentence.refresh_from_db()
    assert (
        conviction.sentence.sentence_term_days
        == (datetime.date(2024, 2, 29) - datetime.date(2004, 2, 29)).days
    )
    undated = services.add_conviction(case, actor=cast.attorney, jurisdiction="us-wi")
    with pytest.raises(ValidationError) as refused:
        services.set_sentence(undated, actor=cast.attorney, sentence_type="term", term_years=2, term_months=6)
    assert "custody start or the sentencing date" in refused.value.message_dict["term_years"][0]
    services.set_sentence(
        undated,
        actor=cast.attorney,
        sentence_type="term",
        term_years=2,
        term_months=6,
        custody_start_date=datetime.date(2023, 8, 31),
    )
    assert (
        undated.sentence.sentence_term_days == (datetime.date(2026, 2, 28) - datetime.date(2023, 8, 31)).days
    )
    assert str(undated.sentence) == "2 years, 6 months"
    with pytest.raises(ValidationError) as refused:
        services.set_sentence(
            conviction,
            actor=cast.attorney,
            sentence_type="life",
            term_years=20,
            custody_start_date=datetime.date(2005, 6, 2),
        )
    assert "term_years" in refused.value.message_dict
