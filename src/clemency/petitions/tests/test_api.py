from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from clemency.petitions import services
from clemency.petitions.models import Petition, PetitionStatus


@pytest.fixture
def api():
    return APIClient()


def _new(api, case, **overrides):
    body = {
        "case": case.pk,
        "pathway": "us.commutation",
        "title": "Petition for commutation",
        "deciding_authority": "The President",
    }
    body.update(overrides)
    return api.post("/api/petitions/", body, format="json")


def test_create_list_and_move_with_token_auth(cast, case):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=cast.attorney).key}")
    response = _new(api, case, status="granted")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["status"] == "draft"  # status is read-only: it moves only through `move`
    assert [row["to_status"] for row in created["history"]] == ["draft"]
    response = api.post(
        f"/api/petitions/{created['id']}/move/", {"status": "filed", "note": "Mailed"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "filed"
    assert response.json()["filed_on"] is not None
    listed = api.get("/api/petitions/", {"status": "filed"}).json()
    assert [row["id"] for row in listed["results"]] == [created["id"]]


def test_a_wrong_move_is_400_naming_status_and_changes_nothing(api, cast, case):
    petition = services.create_petition(
        case=case,
        actor=cast.attorney,
        pathway="us.pardon",
        title="Pardon",
        deciding_authority="The President",
    )
    api.force_authenticate(cast.staff)
    response = api.post(f"/api/petitions/{petition.pk}/move/", {"status": "granted"}, format="json")
    assert response.status_code == 400
    assert "is a decision, not a move" in response.json()["status"][0]
    response = api.post(f"/api/petitions/{petition.pk}/move/", {"status": "lost"}, format="json")
    assert response.status_code == 400 and "status" in response.json()
    response = api.post(
        f"/api/petitions/{petition.pk}/move/", {"status": "filed", "on": "2024-13-01"}, format="json"
    )
    assert response.status_code == 400 and "on" in response.json()
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.DRAFT and petition.history.count() == 1


def test_a_malformed_pathway_is_400_naming_pathway(api, cast, case):
    api.force_authenticate(cast.staff)
    response = _new(api, case, pathway="Federal commutation")
    assert response.status_code == 400 and "pathway" in response.json()
    assert not Petition.objects.exists()


def test_a_pathway_the_rulebook_lacks_is_400_listing_the_closest(api, cast, case):
    api.force_authenticate(cast.staff)
    response = _new(api, case, pathway="us-tx.commutation.death")
    assert response.status_code == 400
    [message] = response.json()["pathway"]
    assert "not a pathway in the rulebook" in message and "us-tx.death_commutation" in message
    assert not Petition.objects.exists()


def test_hidden_is_404_and_read_only_is_403(api, cast, case, other_case):
    hidden = services.create_petition(
        case=other_case,
        actor=cast.outsider,
        pathway="us.pardon",
        title="Hidden",
        deciding_authority="The President",
    )
    mine = services.create_petition(
        case=case, actor=cast.attorney, pathway="us.pardon", title="Mine", deciding_authority="The President"
    )
    api.force_authenticate(cast.read_only)
    assert api.get(f"/api/petitions/{hidden.pk}/").status_code == 404
    assert (
        api.post(f"/api/petitions/{hidden.pk}/move/", {"status": "filed"}, format="json").status_code == 404
    )
    assert [row["title"] for row in api.get("/api/petitions/").json()["results"]] == ["Mine"]
    assert api.post(f"/api/petitions/{mine.pk}/move/", {"status": "filed"}, format="json").status_code == 403
    assert api.patch(f"/api/petitions/{mine.pk}/", {"title": "x"}, format="json").status_code == 403
    assert _new(api, case).status_code == 403
    api.force_authenticate(cast.staff)
    response = _new(api, other_case)
    assert response.status_code == 400 and "case" in response.json()


def test_patch_edits_the_description(api, cast, case):
    petition = services.create_petition(
        case=case,
        actor=cast.attorney,
        pathway="us.pardon",
        title="Pardon",
        deciding_authority="The President",
    )
    api.force_authenticate(cast.attorney)
    response = api.patch(
        f"/api/petitions/{petition.pk}/", {"title": "Pardon petition", "pathway": "bad"}, format="json"
    )
    assert response.status_code == 400 and "pathway" in response.json()
    response = api.patch(f"/api/petitions/{petition.pk}/", {"title": "Pardon petition"}, format="json")
    assert response.status_code == 200 and response.json()["title"] == "Pardon petition"


@pytest.mark.parametrize("value", ["-3.02e+66", "99999999999999999999999", "0", "1.5"])
def test_a_case_filter_out_of_range_is_400_naming_case(api, cast, value):
    api.force_authenticate(cast.staff)
    response = api.get("/api/petitions/", {"case": value})
    assert response.status_code == 400 and "case" in response.json(), response.content
