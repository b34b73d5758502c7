from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

AS_OF = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    """Uploaded populations and results go to a temporary directory, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def fixed_today(monkeypatch: Any) -> dt.date:
    """The case page's as-of date, fixed so outcomes do not drift with the calendar."""
    from clemency.screenings.templatetags import screenings_eligibility

    monkeypatch.setattr(screenings_eligibility, "today", lambda: AS_OF)
    return AS_OF


def make_case(team: Any, actor: Any, *, person: dict[str, Any], conviction: dict[str, Any] | None = None,
              sentence: dict[str, Any] | None = None, charges: list[dict[str, Any]] = ()) -> Any:
    """A fictional case built through the services, as a user would."""
    from clemency.cases import services as cases
    from clemency.people import services as people

    someone = people.create_person(actor=actor, team=team, **person)
    case = cases.create_case(actor=actor, person=someone, title=f"Case of {someone}")
    if conviction is not None:
        found = cases.add_conviction(case, actor=actor, sentence=sentence, **conviction)
        for charge in charges:
            cases.add_charge(found, actor=actor, **charge)
    return case


def make_run(team: Any, actor: Any = None, **fields: Any) -> Any:
    """A run row as the upload makes it, without running its screen (for page and access tests)."""
    from django.core.files.base import ContentFile

    from clemency.screenings.models import ScreeningRun
    from clemency.screenings.tests.samples import population_csv

    content = population_csv()
    run = ScreeningRun(team=team, original_name="population.csv", input_format="csv", size_bytes=len(content),
                       sha256="0" * 64, as_of=AS_OF, created_by=actor, **fields)
    run.input_file.save("population.csv", ContentFile(content), save=False)
    run.save()
    return run
