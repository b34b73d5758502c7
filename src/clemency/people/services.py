"""Every change to a person goes through one function here: atomic, validated, audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from clemency.audit.services import record_event, snapshot
from clemency.people.models import ContactLog, Person

PERSON_FIELDS = (
    "given_name",
    "family_name",
    "aliases",
    "birth_date",
    "bop_register_number",
    "state_doc_number",
    "state_doc_jurisdiction",
    "facility",
    "custody_status",
    "legal_mail_address",
    "phone_instructions",
)


def check_identifiers(person: Person) -> None:
    """A clear field error when another person on the same team already has this identifier."""
    others = Person.objects.filter(team_id=person.team_id).exclude(pk=person.pk)
    errors: dict[str, str] = {}
    if person.bop_register_number:
        found = others.filter(bop_register_number=person.bop_register_number).first()
        if found is not None:
            errors["bop_register_number"] = (
                f"BOP register number {person.bop_register_number} already belongs to {found} on this team."
            )
    if person.state_doc_number:
        found = others.filter(
            state_doc_jurisdiction=person.state_doc_jurisdiction, state_doc_number=person.state_doc_number
        ).first()
        if found is not None:
            errors["state_doc_number"] = (
                f"{person.state_doc_jurisdiction} DOC number {person.state_doc_number} already belongs to "
                f"{found} on this team."
            )
    if errors:
        raise ValidationError(errors)


def _validate(person: Person) -> None:
    person.full_clean(exclude=["team", "created_by"], validate_constraints=False)
    check_identifiers(person)


def _save(person: Person) -> None:
    """Save; if another request took the same identifier a moment ago, say so by field, not with a 500."""
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError:
        check_identifiers(person)
        raise


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))
    return values


def create_person(*, actor: Any, team: Any, **values: Any) -> Person:
    with transaction.atomic():
        person = Person(
            team=team,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            **_fields(values),
        )
        _validate(person)
        _save(person)
        record_event("person.create", actor=actor, obj=person, team_id=person.team_id, after=snapshot(person))
    return person


def update_person(person: Person, *, actor: Any, **values: Any) -> Person:
    with transaction.atomic():
        before = snapshot(Person.objects.select_for_update().get(pk=person.pk))
        for name, value in _fields(values).items():
            setattr(person, name, value)
        _validate(person)
        _save(person)
        record_event(
            "person.update",
            actor=actor,
            obj=person,
            team_id=person.team_id,
            before=before,
            after=snapshot(person),
        )
        # A date of birth or custody status is a fact of every case of the person: their computed
        # deadlines follow it in the same transaction.
        from clemency.deadlines.computed import sync_computed_deadlines

        for case in person.cases.all():
            sync_computed_deadlines(case, actor=actor)
    return person


def log_contact(
    person: Person, *, actor: Any, occurred_on: datetime.date, kind: str, summary: str
) -> ContactLog:
    with transaction.atomic():
        contact = ContactLog(
            person=person,
            occurred_on=occurred_on,
            kind=kind,
            summary=summary,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        contact.full_clean(exclude=["person", "created_by"])
        contact.save()
        record_event(
            "person.contact_logged", actor=actor, obj=contact, team_id=person.team_id, after=snapshot(contact)
        )
    return contact
