"""The case record becomes the document library's context: every template renders for every case."""

from __future__ import annotations

import datetime as dt

import pytest

from clemency import assembly
from clemency.drafting.context import case_context
from clemency.drafting.tests.helpers import AS_OF, docx_text, make_federal_case

pytestmark = pytest.mark.django_db


def _demo_cases():
    from clemency.web import demo

    return demo.seed()


def test_every_template_renders_for_every_demo_case_without_unknown_variables():
    cases = _demo_cases()
    assert len(cases) >= 7
    for key, case in cases.items():
        context = case_context(case, as_of=AS_OF)
        for name in assembly.TEMPLATES:
            for variant, redacted in (("preview", False), ("final", True)):
                # StrictUndefined: a variable the context lacks raises instead of printing a blank.
                text = docx_text(assembly.render_docx(name, context, variant, redacted=redacted))
                assert "{{" not in text and "{%" not in text, (key, name)
                if not redacted:
                    assert case.person.family_name in text, (key, name)


def test_every_template_renders_for_a_sparse_case(cast):
    """No conviction, custody unknown: every missing fact prints as unknown, nothing fails."""
    from clemency.cases.models import Case
    from clemency.people.models import Person

    person = Person.objects.create(team=cast.team, given_name="Sparse", family_name="Recordless")
    case = Case.objects.create(team=cast.team, person=person)
    context = case_context(case, as_of=AS_OF)
    assert context.case.jurisdiction == "unknown" and context.person.in_custody is None
    assert context.explanation.pathways == []
    for name in assembly.TEMPLATES:
        assert "Recordless" in docx_text(assembly.render_docx(name, context, "final"))


def test_the_record_is_mapped_field_by_field(case):
    context = case_context(case, as_of=AS_OF)
    person = context.person
    assert (person.full_name, person.birth_date, person.bop_register_number) == (
        "Ambrose Testwood",
        dt.date(1958, 3, 9),
        "12345-678",
    )
    assert person.in_custody is True and person.address.one_line == "P.O. Box 1, Nowhere, ST 00000"
    assert context.case.jurisdiction == "us" and context.case.prepared_on == AS_OF
    assert context.case.reasons == "Thirty years served for a drug offense."
    [conviction] = context.convictions
    assert conviction.docket_number == "1:95-cr-00001" and conviction.sentence.kind == "life"
    assert [(c.statute, c.counts) for c in conviction.charges] == [
        ("21 U.S.C. 846", 1),
        ("21 U.S.C. 841(a)(1)", 2),
    ]
    assert conviction.victim_names == ["Verity Victimson"]
    assert context.team.organization == "Second Look Clinic"
    assert [lawyer.name for lawyer in context.team.lawyers] == ["Test Attorney"]


def test_the_explanation_is_the_rulebook_read_on_the_given_day(case):
    context = case_context(case, as_of=AS_OF)
    assert context.explanation.as_of == AS_OF
    ids = {result.pathway_id for result in context.explanation.pathways}
    assert "us.commutation" in ids and all(pid.startswith("us.") for pid in ids)
    later = case_context(case, as_of=dt.date(2030, 1, 1))
    assert later.explanation.as_of == dt.date(2030, 1, 1)


def test_custody_status_is_mapped_without_guessing(cast):
    released = case_context(
        make_federal_case(cast.team, custody="released", given="Rel", register="11111-111"), as_of=AS_OF
    )
    unknown = case_context(
        make_federal_case(cast.team, custody="unknown", given="Unk", register="22222-222"), as_of=AS_OF
    )
    assert released.person.in_custody is False
    assert unknown.person.in_custody is None
    pardon = assembly.TEMPLATES["federal_pardon_petition"]
    assert pardon.applies_to(released).applies


def test_a_death_sentence_carries_the_execution_date_from_the_deadlines(cast):
    from clemency.cases.models import Case, Conviction, Sentence
    from clemency.deadlines.models import Deadline
    from clemency.people.models import Person

    person = Person.objects.create(
        team=cast.team,
        given_name="Dorian",
        family_name="Deathrow",
        custody_status="death_row",
        state_doc_number="999001",
        state_doc_jurisdiction="us-tx",
    )
    case = Case.objects.create(team=cast.team, person=person)
    conviction = Conviction.objects.create(case=case, jurisdiction="us-tx", docket_number="F-1")
    Sentence.objects.create(conviction=conviction, sentence_type="death")
    Deadline.objects.create(case=case, kind="execution", date=dt.date(2027, 3, 18), title="Execution")
    context = case_context(case, as_of=AS_OF)
    assert context.execution_date == dt.date(2027, 3, 18)
    assert context.person.doc_number == "999001"
    decision = assembly.TEMPLATES["texas_death_commutation"].applies_to(context)
    assert decision.applies and "execution date" in decision.reason
    text = docx_text(assembly.render_docx("texas_death_commutation", context, "final"))
    assert "February 25, 2027" in text  # 21 days before the execution date, 37 TAC 143.57(b)
