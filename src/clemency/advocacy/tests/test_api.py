"""The advocacy API: the directory and the outreach log, restricted like the pages."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from clemency.advocacy.models import Office, Outreach
from clemency.audit.models import AuditEvent


@pytest.fixture
def api():
    return APIClient()


def _log(api, case, counsel, **extra):
    body = {
        "case": case.pk,
        "date": "2026-11-02",
        "channel": "call",
        "subject": "Ask for a meeting",
        "office": counsel.pk,
        **extra,
    }
    return api.post("/api/outreach/", body, format="json")


def test_log_read_and_follow_up_a_contact(api, cast, case, counsel):
    api.force_authenticate(cast.staff)
    response = _log(
        api, case, counsel, follow_up_on="2026-11-09", team_members=[cast.staff.pk], status="left_message"
    )
    assert response.status_code == 201, response.json()
    first = response.json()
    assert first["follow_up_logged"] is False and first["team_members"] == [cast.staff.pk]
    response = _log(api, case, counsel, parent=first["id"], date="2026-11-09")
    assert response.status_code == 201
    assert api.get(f"/api/outreach/{first['id']}/").json()["follow_up_logged"] is True
    listed = api.get("/api/outreach/", {"case": case.pk}).json()
    assert {row["id"] for row in listed["results"]} == {first["id"], response.json()["id"]}


def test_bad_values_name_their_field_and_change_nothing(api, cast, case, counsel, other_case):
    api.force_authenticate(cast.staff)
    assert "channel" in _log(api, case, counsel, channel="carrier pigeon").json()
    assert "date" in _log(api, case, counsel, date="2026-02-30").json()
    assert "follow_up_on" in _log(api, case, counsel, follow_up_on="2026-11-01").json()
    assert "case" in _log(api, other_case, counsel).json(), "another team's case does not exist for you"
    assert "team_members" in _log(api, case, counsel, team_members=[cast.outsider.pk]).json()
    assert not Outreach.objects.exists()


def test_a_privileged_summary_is_null_for_a_student(api, cast, case, counsel):
    api.force_authenticate(cast.attorney)
    created = _log(api, case, counsel, summary="Our strategy", summary_privileged=True).json()
    api.force_authenticate(cast.student)
    assert api.get(f"/api/outreach/{created['id']}/").json()["summary"] is None
    assert api.get("/api/outreach/").json()["results"][0]["summary"] is None
    api.force_authenticate(cast.attorney)
    assert api.get(f"/api/outreach/{created['id']}/").json()["summary"] == "Our strategy"
    assert AuditEvent.objects.filter(action="outreach.read_privileged", actor=cast.attorney).exists()


def test_a_read_only_member_cannot_log_or_edit(api, cast, case, counsel):
    api.force_authenticate(cast.read_only)
    assert _log(api, case, counsel).status_code == 403
    assert api.patch(f"/api/offices/{counsel.pk}/", {"phone": "1"}, format="json").status_code == 403


def test_the_directory_lists_shared_offices_and_edits_keep_history(api, cast, counsel):
    api.force_authenticate(cast.staff)
    listed = api.get("/api/offices/", {"jurisdiction": "us-tx"}).json()["results"]
    assert {row["seed_key"] for row in listed} >= {"us-tx.governor", "us-tx.board", "us-tx.governor_counsel"}
    board = next(row for row in listed if row["seed_key"] == "us-tx.board")
    assert board["role"] == "must_recommend" and "Tex. Const. art. IV, sec. 11" in board["citations"]
    response = api.patch(f"/api/offices/{counsel.pk}/", {"phone": "512-555-0199"}, format="json")
    assert response.status_code == 200 and response.json()["phone"] == "512-555-0199"
    assert counsel.history.filter(action="updated").exists()
    response = api.post(
        "/api/office-members/",
        {"office": counsel.pk, "name": "Dana Whitlock", "title": "General Counsel"},
        format="json",
    )
    assert response.status_code == 201
    assert api.get(f"/api/offices/{counsel.pk}/").json()["members"][0]["name"] == "Dana Whitlock"


def test_a_new_entry_is_the_teams_own_and_hidden_from_others(api, cast):
    api.force_authenticate(cast.staff)
    response = api.post(
        "/api/offices/",
        {
            "jurisdiction": "us-tx",
            "name": "Example Gazette (fictional)",
            "kind": "press",
            "role": "no_formal_role",
        },
        format="json",
    )
    assert response.status_code == 201 and response.json()["shared"] is False
    office = Office.objects.get(name="Example Gazette (fictional)")
    assert office.team == cast.team
    api.force_authenticate(cast.outsider)
    assert api.get(f"/api/offices/{office.pk}/").status_code == 404
    assert (
        "role"
        in api.post(
            "/api/offices/",
            {"jurisdiction": "us-tx", "name": "X", "kind": "press", "role": "kingmaker"},
            format="json",
        ).json()
    )
