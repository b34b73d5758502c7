from __future__ import annotations

from typing import Any

import pytest


def make_case(team: Any, given: str, family: str, **fields: Any) -> Any:
    from clemency.cases.models import Case
    from clemency.people.models import Person

    person = Person.objects.create(team=team, given_name=given, family_name=family)
    fields.setdefault("status", "active")
    return Case.objects.create(team=team, person=person, title=f"Clemency for {given} {family}", **fields)


@pytest.fixture
def case(cast: Any) -> Any:
    return make_case(cast.team, "Ada", "Fictional")


@pytest.fixture
def other_case(cast: Any) -> Any:
    """A case of the outsider's team: invisible to the main cast."""
    return make_case(cast.other_team, "Otto", "Elsewhere")


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    """Uploaded files go to a temporary directory, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
