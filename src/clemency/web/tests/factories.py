"""Small builders for the records the trust tests need, kept in one place so that a change in a
platform model is fixed once."""

from __future__ import annotations

from typing import Any


def make_person(team: Any, **fields: Any) -> Any:
    from clemency.people.models import Person

    fields.setdefault("given_name", "Ada")
    fields.setdefault("family_name", "Fictional")
    return Person.objects.create(team=team, **fields)


def make_case(team: Any, person: Any = None, **fields: Any) -> Any:
    from clemency.cases.models import Case

    return Case.objects.create(team=team, person=person or make_person(team), **fields)
