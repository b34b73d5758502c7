"""Small builders for tests: fictional people and cases made through the services."""

from __future__ import annotations

import datetime
from typing import Any

from clemency.cases import services as case_services
from clemency.people import services as people_services


def person(team: Any, actor: Any = None, **values: Any) -> Any:
    values = {"given_name": "Ada", "family_name": "Quill", **values}
    return people_services.create_person(actor=actor, team=team, **values)


def case(team: Any, actor: Any = None, person_values: dict[str, Any] | None = None, **values: Any) -> Any:
    someone = person(team, actor, **(person_values or {}))
    return case_services.create_case(actor=actor, person=someone, **values)


def federal_conviction(case: Any, actor: Any = None, **values: Any) -> Any:
    values = {
        "jurisdiction": "federal",
        "court": "E.D. Example",
        "docket_number": "1:96-cr-00123",
        "offense_date": datetime.date(1995, 3, 1),
        "conviction_date": datetime.date(1996, 1, 10),
        "sentencing_date": datetime.date(1996, 4, 2),
        **values,
    }
    return case_services.add_conviction(case, actor=actor, **values)
