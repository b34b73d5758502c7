from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.petitions import services
from clemency.petitions.models import Petition, PetitionStatus


@pytest.fixture
def petition(case, cast):
    return services.create_petition(
        case=case,
        actor=cast.attorney,
        pathway="us.commutation",
        title="Petition for commutation",
        deciding_authority="The President",
    )


def test_an_attorney_creates_a_draft_from_the_case(client, case, cast):
    client.force_login(cast.attorney)
    url = reverse("petitions:create", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "pathway": "us-wi.pardon",
            "title": "Application for a pardon",
            "deciding_authority": "Governor of Wisconsin",
            "summary": "",
        },
    )
    petition = Petition.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "petitions:detail", args=[petition.pk]
    )
    assert petition.status == PetitionStatus.DRAFT and petition.created_by == cast.attorney


def test_a_malformed_pathway_is_shown_next_to_the_field_and_nothing_is_created(client, case, cast):
    client.force_login(cast.attorney)
    response = client.post(
        reverse("petitions:create", args=[case.pk]),
        {"pathway": "Wisconsin pardon", "title": "T", "deciding_authority": "Governor"},
    )
    assert response.status_code == 400
    assert "is not a pathway id" in response.context["form"].errors["pathway"][0]
    assert b'id="id_pathway_error"' in response.content
    assert not Petition.objects.exists()


def test_a_pathway_the_rulebook_lacks_is_refused_naming_the_closest(client, case, cast):
    client.force_login(cast.attorney)
    response = client.post(
        reverse("petitions:create", args=[case.pk]),
        {"pathway": "us-wi.pardons", "title": "T", "deciding_authority": "Governor"},
    )
    assert response.status_code == 400
    [message] = response.context["form"].errors["pathway"]
    assert "not a pathway in the rulebook" in message and "us-wi.pardon" in message
    assert not Petition.objects.exists()


def test_read_only_is_refused_and_an_outsider_sees_nothing(client, case, cast, petition):
    client.force_login(cast.read_only)
    assert client.get(reverse("petitions:create", args=[case.pk])).status_code == 403
    assert client.post(reverse("petitions:move", args=[petition.pk]), {"status": "filed"}).status_code == 403
    assert client.get(reverse("petitions:detail", args=[petition.pk])).status_code == 200
    client.force_login(cast.outsider)
    for url in (
        reverse("petitions:detail", args=[petition.pk]),
        reverse("petitions:edit", args=[petition.pk]),
        reverse("petitions:create", args=[case.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("petitions:move", args=[petition.pk]), {"status": "filed"}).status_code == 404
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.DRAFT


def test_the_detail_page_offers_only_allowed_moves_and_shows_history(client, cast, petition):
    client.force_login(cast.student)
    response = client.get(reverse("petitions:detail", args=[petition.pk]))
    html = response.content.decode()
    assert '<option value="filed"' in html and '<option value="withdrawn"' in html
    assert '<option value="granted"' not in html
    assert "petition-history" in html and "Test Attorney" in html


def test_a_move_is_made_and_a_wrong_move_is_refused_with_the_reason(client, cast, petition):
    client.force_login(cast.student)
    url = reverse("petitions:move", args=[petition.pk])
    response = client.post(url, {"status": "filed", "on": "", "note": "Mailed"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.FILED and petition.filed_on is not None
    response = client.post(url, {"status": "granted", "on": "", "note": ""})
    assert response.status_code == 400
    assert "is a decision, not a move" in response.context["move_form"].errors["status"][0]
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.FILED and petition.history.count() == 2


def test_a_malformed_date_on_a_move_names_the_field(client, cast, petition):
    client.force_login(cast.attorney)
    response = client.post(
        reverse("petitions:move", args=[petition.pk]), {"status": "filed", "on": "31/02/2024"}
    )
    assert response.status_code == 400
    assert response.context["move_form"].errors["on"] == ["Enter a valid date."]
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.DRAFT


def test_edit_keeps_the_status(client, cast, petition):
    client.force_login(cast.attorney)
    response = client.post(
        reverse("petitions:edit", args=[petition.pk]),
        {
            "pathway": "us.pardon",
            "title": "Pardon petition",
            "deciding_authority": "The President",
            "status": "granted",
        },
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert (petition.title, petition.pathway, petition.status) == ("Pardon petition", "us.pardon", "draft")


def test_the_list_shows_only_visible_petitions_and_filters_by_status(client, cast, petition, other_case):
    services.create_petition(
        case=other_case,
        actor=cast.outsider,
        pathway="us.pardon",
        title="Hidden petition",
        deciding_authority="The President",
    )
    client.force_login(cast.staff)
    html = client.get(reverse("petitions:list")).content.decode()
    assert "Petition for commutation" in html and "Hidden petition" not in html
    html = client.get(reverse("petitions:list"), {"status": "filed"}).content.decode()
    assert "Petition for commutation" not in html


def test_a_malformed_filter_date_is_named_and_lists_nothing(client, cast, petition):
    client.force_login(cast.staff)
    response = client.get(reverse("petitions:list"), {"filed_after": "yesterday"})
    assert response.status_code == 200
    assert response.context["filter"].errors["filed_after"] == ["Enter a valid date."]
    assert "Petition for commutation" not in response.content.decode()
