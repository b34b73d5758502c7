"""The decision record through the API: decide, correct, list; categorical actions."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from clemency.petitions import services
from clemency.petitions.models import PetitionDecision

TODAY = timezone.localdate()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def filed(case, cast):
    petition = services.create_petition(case=case, actor=cast.attorney, pathway="us.pardon", title="Pardon")
    return services.file_petition(petition, actor=cast.attorney, on=TODAY - datetime.timedelta(days=30))


def test_decide_confirm_and_correct(api, cast, filed):
    api.force_authenticate(cast.attorney)
    url = f"/api/petitions/{filed.pk}/decide/"
    refused = api.post(url, {"outcome": "denied", "decided_on": TODAY.isoformat()}, format="json")
    assert refused.status_code == 400 and "confirmed" in refused.json()
    response = api.post(
        url, {"outcome": "denied", "decided_on": TODAY.isoformat(), "confirmed": True}, format="json"
    )
    assert response.status_code == 201, response.json()
    decision = response.json()
    assert decision["outcome_label"] == "Denied"
    response = api.post(
        f"/api/decisions/{decision['id']}/correct/",
        {
            "outcome": "full_pardon",
            "decided_on": TODAY.isoformat(),
            "confirmed": True,
            "reason": "Misread the letter",
        },
        format="json",
    )
    assert response.status_code == 201 and response.json()["corrects"] == decision["id"]
    listed = api.get("/api/decisions/").json()["results"]
    assert sorted(row["superseded"] for row in listed) == [False, True]
    assert api.get(f"/api/petitions/{filed.pk}/").json()["status"] == "granted"


def test_staff_cannot_decide_and_an_outsider_cannot_see(api, cast, filed):
    api.force_authenticate(cast.staff)
    body = {"outcome": "denied", "decided_on": TODAY.isoformat(), "confirmed": True}
    assert api.post(f"/api/petitions/{filed.pk}/decide/", body, format="json").status_code == 403
    api.force_authenticate(cast.outsider)
    assert api.post(f"/api/petitions/{filed.pk}/decide/", body, format="json").status_code == 404
    assert not PetitionDecision.objects.exists()


def test_a_bad_outcome_or_date_names_the_field(api, cast, filed):
    api.force_authenticate(cast.attorney)
    url = f"/api/petitions/{filed.pk}/decide/"
    assert (
        "outcome"
        in api.post(url, {"outcome": "pardoned-ish", "decided_on": TODAY.isoformat()}, format="json").json()
    )
    assert (
        "decided_on" in api.post(url, {"outcome": "denied", "decided_on": "2026-13-01"}, format="json").json()
    )
    assert (
        "reprieve_days"
        in api.post(
            url,
            {"outcome": "reprieve", "decided_on": TODAY.isoformat(), "confirmed": True, "reprieve_days": 0},
            format="json",
        ).json()
    )


def test_a_categorical_action_and_its_cases(api, cast, case, other_case):
    api.force_authenticate(cast.attorney)
    response = api.post(
        "/api/categorical-actions/",
        {
            "title": "Proclamation (fictional)",
            "outcome": "full_pardon",
            "decided_on": TODAY.isoformat(),
            "confirmed": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    action = response.json()
    url = f"/api/categorical-actions/{action['id']}/link-cases/"
    assert "cases" in api.post(url, {"cases": [other_case.pk]}, format="json").json()
    response = api.post(url, {"cases": [case.pk]}, format="json")
    assert response.status_code == 200 and response.json()["cases"] == [case.pk]
    api.force_authenticate(cast.staff)
    assert (
        api.post(
            "/api/categorical-actions/",
            {"title": "X", "outcome": "denied", "decided_on": TODAY.isoformat(), "confirmed": True},
            format="json",
        ).status_code
        == 403
    )
