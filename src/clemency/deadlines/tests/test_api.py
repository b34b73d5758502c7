from __future__ import annotations

import datetime

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from clemency.deadlines import services
from clemency.deadlines.models import Deadline, DeadlineKind


@pytest.fixture
def api():
    return APIClient()


def _token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_token_auth_lists_only_visible_deadlines_and_filters_by_kind(cast, case, other_case):
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind=DeadlineKind.EXECUTION,
        title="Execution",
        date=datetime.date(2027, 3, 14),
    )
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind=DeadlineKind.HEARING,
        title="Hearing",
        date=datetime.date(2027, 2, 1),
    )
    services.create_deadline(
        case=other_case,
        actor=cast.outsider,
        kind=DeadlineKind.HEARING,
        title="Hidden",
        date=datetime.date(2027, 1, 1),
    )
    client = _token_client(cast.read_only)
    body = client.get("/api/deadlines/").json()
    assert [row["title"] for row in body["results"]] == ["Hearing", "Execution"]
    body = client.get("/api/deadlines/", {"kind": "execution"}).json()
    assert [row["title"] for row in body["results"]] == ["Execution"]
    assert APIClient().get("/api/deadlines/").status_code in (401, 403)


def test_create_validates_naming_the_field(api, cast, case):
    api.force_authenticate(cast.staff)
    response = api.post(
        "/api/deadlines/",
        {"case": case.pk, "kind": "hearing", "date": "14/03/2027", "title": "Hearing"},
        format="json",
    )
    assert response.status_code == 400 and "date" in response.json()
    response = api.post(
        "/api/deadlines/",
        {"case": case.pk, "kind": "hearing", "date": "9999-12-31", "title": "Hearing"},
        format="json",
    )
    assert response.status_code == 400 and "2199 or earlier" in response.json()["date"][0]
    response = api.post(
        "/api/deadlines/",
        {
            "case": case.pk,
            "kind": "hearing",
            "date": "2027-01-05",
            "title": "Hearing",
            "time_zone": "America/Chicago",
        },
        format="json",
    )
    assert response.status_code == 400 and "time_zone" in response.json()
    response = api.get("/api/deadlines/", {"case": "abc"})
    assert response.status_code == 400 and "case" in response.json()
    response = api.post(
        "/api/deadlines/",
        {
            "case": case.pk,
            "kind": "execution",
            "date": "2027-03-14",
            "time": "18:00",
            "title": "Execution",
            "source": "warrant",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["time"] == "18:00"
    assert Deadline.objects.get().source == "warrant"


def test_a_hidden_case_is_does_not_exist_and_read_only_is_refused(api, cast, case, other_case):
    api.force_authenticate(cast.staff)
    response = api.post(
        "/api/deadlines/",
        {"case": other_case.pk, "kind": "hearing", "date": "2027-03-14", "title": "x"},
        format="json",
    )
    assert response.status_code == 400 and "case" in response.json()
    api.force_authenticate(cast.read_only)
    response = api.post(
        "/api/deadlines/",
        {"case": case.pk, "kind": "hearing", "date": "2027-03-14", "title": "x"},
        format="json",
    )
    assert response.status_code == 403
    assert not Deadline.objects.exists()


def test_done_patch_and_delete(api, cast, case, other_case):
    deadline = services.create_deadline(
        case=case, actor=cast.attorney, kind=DeadlineKind.FILING, title="Due", date=datetime.date(2027, 3, 1)
    )
    hidden = services.create_deadline(
        case=other_case,
        actor=cast.outsider,
        kind=DeadlineKind.FILING,
        title="Hidden",
        date=datetime.date(2027, 3, 1),
    )
    api.force_authenticate(cast.volunteer)
    response = api.post(f"/api/deadlines/{deadline.pk}/done/", {"done": True}, format="json")
    assert response.status_code == 200 and response.json()["done"] is True
    response = api.post(f"/api/deadlines/{deadline.pk}/done/", {"done": "maybe"}, format="json")
    assert response.status_code == 400 and "done" in response.json()
    response = api.patch(
        f"/api/deadlines/{deadline.pk}/", {"title": "Due (extended)", "case": other_case.pk}, format="json"
    )
    assert response.status_code == 400 and "case" in response.json()
    response = api.patch(f"/api/deadlines/{deadline.pk}/", {"title": "Due (extended)"}, format="json")
    assert response.status_code == 200 and response.json()["title"] == "Due (extended)"
    assert api.get(f"/api/deadlines/{hidden.pk}/").status_code == 404
    assert api.delete(f"/api/deadlines/{hidden.pk}/").status_code == 404
    assert api.delete(f"/api/deadlines/{deadline.pk}/").status_code == 204
    assert list(Deadline.objects.values_list("title", flat=True)) == ["Hidden"]


def test_odd_inputs_are_400_naming_the_field_never_500(api, cast, case):
    deadline = services.create_deadline(
        case=case, actor=cast.attorney, kind=DeadlineKind.FILING, title="Due", date=datetime.date(2027, 3, 1)
    )
    api.force_authenticate(cast.attorney)
    for value in ("6.28e+34", "-1e130", "1.5", "0"):
        response = api.get("/api/deadlines/", {"case": value})
        assert response.status_code == 400 and "case" in response.json(), value
    response = api.patch(f"/api/deadlines/{deadline.pk}/", {"time": "00:00:00Z"}, format="multipart")
    assert response.status_code == 400 and "hh:mm" in response.json()["time"][0]
    deadline.refresh_from_db()
    assert deadline.time is None
