from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from clemency.audit.models import AuditEvent
from clemency.cases.tests import factories
from clemency.people import services
from clemency.people.models import ContactKind, Person


def test_creating_a_person_writes_an_audit_event(cast):
    person = factories.person(cast.team, cast.attorney, bop_register_number="12345-678")
    event = AuditEvent.objects.get(action="person.create")
    assert event.object_id == str(person.pk)
    assert event.actor == cast.attorney
    assert event.after["bop_register_number"] == "12345-678"


@pytest.mark.parametrize("number", ["1234-678", "12345678", "ABCDE-123", "12345-6789"])
def test_it_rejects_a_malformed_bop_register_number(cast, number):
    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, cast.attorney, bop_register_number=number)
    assert "five digits" in error.value.message_dict["bop_register_number"][0]
    assert not Person.objects.exists()


def test_a_duplicate_bop_number_on_the_team_is_a_field_error(cast):
    factories.person(cast.team, cast.attorney, bop_register_number="12345-678")
    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, cast.attorney, given_name="Bea", bop_register_number="12345-678")
    assert "already belongs to Ada Quill" in error.value.message_dict["bop_register_number"][0]
    assert Person.objects.count() == 1


def test_another_team_may_hold_the_same_person(cast):
    factories.person(cast.team, cast.attorney, bop_register_number="12345-678")
    factories.person(cast.other_team, cast.outsider, bop_register_number="12345-678")
    assert Person.objects.count() == 2


def test_a_duplicate_doc_number_in_the_same_state_is_a_field_error(cast):
    factories.person(cast.team, state_doc_number="334455", state_doc_jurisdiction="us-wi")
    factories.person(cast.team, state_doc_number="334455", state_doc_jurisdiction="us-tx")
    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, state_doc_number="334455", state_doc_jurisdiction="us-wi")
    assert "us-wi DOC number 334455" in error.value.message_dict["state_doc_number"][0]


def test_a_doc_number_needs_its_state(cast):
    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, state_doc_number="334455")
    assert "state_doc_jurisdiction" in error.value.message_dict


def test_an_unknown_doc_state_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, state_doc_number="1", state_doc_jurisdiction="us-zz")
    assert "not a state code" in error.value.message_dict["state_doc_jurisdiction"][0]


def test_update_records_before_and_after(cast):
    person = factories.person(cast.team, cast.attorney, facility="FCI Example")
    services.update_person(person, actor=cast.staff, facility="USP Elsewhere")
    event = AuditEvent.objects.get(action="person.update")
    assert event.before["facility"] == "FCI Example"
    assert event.after["facility"] == "USP Elsewhere"


def test_aliases_are_searchable_names(cast):
    person = factories.person(cast.team, aliases=["Little Ada", "A. Q."])
    assert "little ada" in person.search_names


def test_contact_log_keeps_calls_visits_and_letters(cast):
    import datetime

    person = factories.person(cast.team)
    services.log_contact(
        person,
        actor=cast.staff,
        occurred_on=datetime.date(2026, 1, 5),
        kind=ContactKind.CALL,
        summary="Legal call about the petition",
    )
    with pytest.raises(ValidationError) as error:
        services.log_contact(
            person, actor=cast.staff, occurred_on=datetime.date(2026, 1, 6), kind="fax", summary="x"
        )
    assert "kind" in error.value.message_dict
    assert person.contacts.count() == 1


def test_unknown_fields_are_refused_by_name(cast):
    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, team_id=99)
    assert "team_id" in error.value.message_dict


def test_a_birth_date_in_the_future_is_refused(cast):
    import datetime

    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, birth_date=datetime.date(2999, 1, 1))
    assert "in the future" in error.value.message_dict["birth_date"][0]


def test_a_duplicate_that_slips_past_the_check_is_still_a_field_error(cast, monkeypatch):
    factories.person(cast.team, bop_register_number="12345-678")
    calls = []

    def check_once(person):
        calls.append(person)
        if len(calls) > 1:  # the check after the database refused the row
            return original(person)

    original = services.check_identifiers
    monkeypatch.setattr(services, "check_identifiers", check_once)
    with pytest.raises(ValidationError) as error:
        factories.person(cast.team, given_name="Bea", bop_register_number="12345-678")
    assert "already belongs to" in error.value.message_dict["bop_register_number"][0]
    assert Person.objects.count() == 1
