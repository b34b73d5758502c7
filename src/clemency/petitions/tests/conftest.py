from __future__ import annotations

from typing import Any

import pytest


def make_case(team: Any, given: str, family: str, **fields: Any) -> Any:
    from clemency.cases.models import Case
    from clemency.people.models import Person

    person = Person.objects.create(team=team, given_name=given, family_name=family)
    fields.setdefault("status", "active")
    return Case.objects.create(team=team, person=person, title=f"Clemency for {given} {family}", **fields)


@pytest.fixture(autouse=True)
def _seeded_directory(request: Any) -> None:
    """The shared directory of decision makers comes from a data migration, which a transactional test
    elsewhere in the run may have flushed: put it back for tests that use the database."""
    if request.node.get_closest_marker("django_db") is None and "db" not in request.fixturenames:
        return
    from clemency.advocacy.seed import ensure_seeded

    request.getfixturevalue("db")
    ensure_seeded()


@pytest.fixture
def case(cast: Any) -> Any:
    return make_case(cast.team, "Ada", "Fictional")


@pytest.fixture
def other_case(cast: Any) -> Any:
    """A case of the outsider's team: invisible to the main cast."""
    return make_case(cast.other_team, "Otto", "Elsewhere")
