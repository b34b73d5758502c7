from __future__ import annotations

from django.urls import reverse

from clemency.cases.tests import factories
from clemency.people.models import Person


def test_the_list_shows_only_the_users_teams(client, cast):
    factories.person(cast.team, given_name="Visible")
    factories.person(cast.other_team, given_name="Hidden")
    client.force_login(cast.student)
    body = client.get(reverse("people:list")).content.decode()
    assert "Visible" in body
    assert "Hidden" not in body


def test_the_list_filters_by_alias(client, cast):
    factories.person(cast.team, given_name="Carl", aliases=["Big C"])
    factories.person(cast.team, given_name="Dora")
    client.force_login(cast.attorney)
    body = client.get(reverse("people:list"), {"q": "big c"}).content.decode()
    assert "Carl" in body and "Dora" not in body


def test_it_rejects_outsider_with_404(client, cast):
    person = factories.person(cast.team)
    client.force_login(cast.outsider)
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 404
    assert client.get(reverse("people:edit", args=[person.pk])).status_code == 404


def test_an_attorney_adds_a_person(client, cast):
    client.force_login(cast.attorney)
    response = client.post(
        reverse("people:create"),
        {
            "given_name": "Elias",
            "family_name": "Marrow",
            "aliases": "Eli\nE. M.",
            "birth_date": "1970-02-03",
            "bop_register_number": "04567-089",
            "custody_status": "in_custody",
            "facility": "FCI Example",
        },
    )
    person = Person.objects.get(family_name="Marrow")
    assert response.status_code == 302
    assert person.team == cast.team
    assert person.aliases == ["Eli", "E. M."]
    assert person.created_by == cast.attorney


def test_a_malformed_date_is_an_error_next_to_the_field(client, cast):
    client.force_login(cast.attorney)
    response = client.post(
        reverse("people:create"),
        {"given_name": "A", "family_name": "B", "birth_date": "1970-13-45", "custody_status": "unknown"},
    )
    assert response.status_code == 400
    assert "birth_date" in response.context["form"].errors
    assert 'id="id_birth_date_error"' in response.content.decode()
    assert not Person.objects.exists()


def test_a_duplicate_bop_number_is_an_error_on_its_field(client, cast):
    factories.person(cast.team, bop_register_number="12345-678")
    client.force_login(cast.attorney)
    response = client.post(
        reverse("people:create"),
        {
            "given_name": "A",
            "family_name": "B",
            "bop_register_number": "12345-678",
            "custody_status": "unknown",
        },
    )
    assert "already belongs to" in response.context["form"].errors["bop_register_number"][0]
    assert Person.objects.count() == 1


def test_read_only_may_look_but_not_add(client, cast):
    person = factories.person(cast.team)
    client.force_login(cast.read_only)
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 200
    assert client.get(reverse("people:create")).status_code == 403
    assert client.post(reverse("people:edit", args=[person.pk]), {"given_name": "X"}).status_code == 403


def test_editing_keeps_the_team_and_saves_changes(client, cast):
    person = factories.person(cast.team)
    client.force_login(cast.staff)
    response = client.post(
        reverse("people:edit", args=[person.pk]),
        {"given_name": "Ada", "family_name": "Quill-Moss", "custody_status": "released"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.family_name == "Quill-Moss" and person.team == cast.team


def test_logging_a_contact(client, cast):
    person = factories.person(cast.team)
    client.force_login(cast.volunteer)
    response = client.post(
        reverse("people:contact-add", args=[person.pk]),
        {"occurred_on": "2026-02-01", "kind": "visit", "summary": "Visited at FCI"},
    )
    assert response.status_code == 302
    assert person.contacts.get().summary == "Visited at FCI"
    page = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "Visited at FCI" in page


def test_a_bad_contact_stays_on_the_page_with_errors(client, cast):
    person = factories.person(cast.team)
    client.force_login(cast.volunteer)
    response = client.post(
        reverse("people:contact-add", args=[person.pk]),
        {"occurred_on": "yesterday", "kind": "visit", "summary": ""},
    )
    assert response.status_code == 400
    assert set(response.context["contact_form"].errors) == {"occurred_on", "summary"}
