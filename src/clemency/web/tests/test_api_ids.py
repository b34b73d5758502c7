"""The API answers an id of another team's record exactly as it answers an id that does not exist."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from clemency.web.tests.factories import make_case, make_person

pytestmark = pytest.mark.django_db

MISSING = 987_654


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.mark.parametrize("url, field, body", [
    ("/api/notes/", "case", {"body": "A note."}),
    ("/api/convictions/", "case", {"jurisdiction": "us"}),
    ("/api/cases/", "person", {"title": "A case"}),
    ("/api/people/", "team", {"given_name": "Ada", "family_name": "Fictional"}),
])
def test_another_teams_id_and_a_missing_id_get_the_same_answer(cast, url, field, body):
    theirs_case = make_case(cast.other_team)
    theirs = {"case": theirs_case.pk, "person": theirs_case.person_id, "team": cast.other_team.pk}[field]
    api = _api(cast.staff)
    other = api.post(url, {**body, field: theirs}, format="json")
    missing = api.post(url, {**body, field: MISSING}, format="json")
    assert other.status_code == missing.status_code == 400
    assert other.json()[field] == missing.json()[field]
    assert str(theirs) not in str(other.json()) and str(MISSING) not in str(missing.json())


@pytest.mark.parametrize("value", [2.5, True, "2.5", "two"])
def test_an_id_that_is_not_a_whole_number_is_refused_not_truncated(cast, value):
    response = _api(cast.staff).post("/api/people/", {"team": value, "given_name": "Ada",
                                                      "family_name": "Fictional"}, format="json")
    assert response.status_code == 400
    assert response.json()["team"] == ["A team id must be a whole number."]


def test_our_own_ids_still_work(cast):
    person = make_person(cast.team)
    response = _api(cast.staff).post("/api/cases/", {"person": person.pk, "title": "Ours"}, format="json")
    assert response.status_code == 201, response.json()
