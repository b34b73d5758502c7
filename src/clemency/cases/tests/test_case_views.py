from __future__ import annotations

from django.urls import reverse

from clemency.cases.models import Case, Conviction
from clemency.cases.tests import factories


def test_the_case_list_shows_only_the_users_teams(client, cast):
    factories.case(cast.team, title="Our case")
    factories.case(cast.other_team, title="Their case")
    client.force_login(cast.read_only)
    body = client.get(reverse("cases:list")).content.decode()
    assert "Our case" in body and "Their case" not in body


def test_the_case_list_filters_by_status_and_jurisdiction(client, cast):
    wi = factories.case(cast.team, title="Wisconsin case")
    factories.case(cast.team, title="Federal case")
    from clemency.cases import services

    services.add_conviction(wi, actor=None, jurisdiction="us-wi")
    client.force_login(cast.attorney)
    body = client.get(reverse("cases:list"), {"jurisdiction": "us-wi"}).content.decode()
    assert "Wisconsin case" in body and "Federal case" not in body
    body = client.get(reverse("cases:list"), {"status": ["screening"]}).content.decode()
    assert "Wisconsin case" not in body


def test_it_rejects_outsider_with_404_everywhere(client, cast):
    case = factories.case(cast.team)
    conviction = factories.federal_conviction(case)
    client.force_login(cast.outsider)
    for url in [
        reverse("cases:detail", args=[case.pk]),
        reverse("cases:edit", args=[case.pk]),
        reverse("cases:conviction-create", args=[case.pk]),
        reverse("cases:conviction-edit", args=[conviction.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("cases:move", args=[case.pk]), {"to_status": "screening"}).status_code == 404
    assert client.post(reverse("cases:charge-add", args=[conviction.pk]), {}).status_code == 404


def test_an_attorney_opens_a_case_for_a_person(client, cast):
    person = factories.person(cast.team)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("cases:create"),
        {"person": person.pk, "title": "Commutation", "source": "letter", "priority": 2},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == reverse("cases:detail", args=[case.pk])
    assert case.team == cast.team and case.priority == 2


def test_a_case_cannot_be_opened_for_another_teams_person(client, cast):
    stranger = factories.person(cast.other_team)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("cases:create"), {"person": stranger.pk, "source": "letter", "priority": 3}
    )
    assert "person" in response.context["form"].errors
    assert not Case.objects.exists()


def test_moving_a_case_from_the_page(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.staff)
    assert client.post(reverse("cases:move", args=[case.pk]), {"to_status": "screening"}).status_code == 302
    case.refresh_from_db()
    assert case.status == "screening"


def test_declining_without_a_reason_shows_the_error_next_to_the_field(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.staff)
    response = client.post(reverse("cases:move", args=[case.pk]), {"to_status": "declined"})
    assert response.status_code == 400
    assert "Declining a case needs a reason." in response.context["move_form"].errors["reason"]
    assert 'id="id_reason_error"' in response.content.decode()


def test_a_wrong_move_from_the_page_changes_nothing(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.staff)
    response = client.post(reverse("cases:move", args=[case.pk]), {"to_status": "filed"})
    assert response.status_code == 400
    assert "to_status" in response.context["move_form"].errors
    case.refresh_from_db()
    assert case.status == "intake"


def test_read_only_cannot_move(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.read_only)
    assert client.post(reverse("cases:move", args=[case.pk]), {"to_status": "screening"}).status_code == 403


def test_adding_a_conviction_with_a_sentence(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("cases:conviction-create", args=[case.pk]),
        {
            "jurisdiction": "federal",
            "court": "N.D. Example",
            "docket_number": "2:96-cr-77",
            "offense_date": "1995-06-01",
            "conviction_date": "1996-02-01",
            "sentencing_date": "1996-05-01",
            "sentence-sentence_type": "term",
            "sentence-sentence_term_days": "10950",
            "sentence-offense_level": "32",
            "sentence-criminal_history_points": "2",
        },
    )
    assert response.status_code == 302
    conviction = Conviction.objects.get()
    assert conviction.sentence.sentence_term_days == 10950
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "10950 days" in page and "2:96-cr-77" in page


def test_a_bad_sentence_keeps_the_conviction_unsaved_and_errors_by_field(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("cases:conviction-create", args=[case.pk]),
        {
            "jurisdiction": "us-wi",
            "sentence-sentence_type": "term",
            "sentence-sentence_term_days": "-5",
            "sentence-offense_level": "30",
        },
    )
    assert response.status_code == 200
    errors = response.context["sentence_form"].errors
    assert "sentence_term_days" in errors and "offense_level" in errors
    assert not Conviction.objects.exists()


def test_an_unknown_jurisdiction_from_the_form(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.attorney)
    response = client.post(reverse("cases:conviction-create", args=[case.pk]), {"jurisdiction": "us-zz"})
    assert "jurisdiction" in response.context["form"].errors


def test_editing_a_conviction_and_its_sentence(client, cast):
    case = factories.case(cast.team)
    conviction = factories.federal_conviction(case)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("cases:conviction-edit", args=[conviction.pk]),
        {"jurisdiction": "federal", "docket_number": "X-1", "sentence-sentence_type": "life"},
    )
    assert response.status_code == 302
    conviction.refresh_from_db()
    assert conviction.docket_number == "X-1" and conviction.sentence.sentence_type == "life"


def test_adding_charges_and_parties(client, cast):
    case = factories.case(cast.team)
    conviction = factories.federal_conviction(case)
    client.force_login(cast.student)
    assert (
        client.post(
            reverse("cases:charge-add", args=[conviction.pk]),
            {"charge-statute": "21 U.S.C. 846", "charge-offense_category": "drug", "charge-counts": "1"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("cases:party-add", args=[conviction.pk]),
            {"party-name": "Rowan Vell", "party-role": "co_defendant"},
        ).status_code
        == 302
    )
    bad = client.post(
        reverse("cases:charge-add", args=[conviction.pk]), {"charge-statute": "", "charge-counts": "0"}
    )
    assert bad.status_code == 400 and "statute" in bad.context["form"].errors
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "21 U.S.C. 846" in page and "Rowan Vell" in page


def test_the_case_page_carries_the_panels_of_other_apps(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.attorney)
    response = client.get(reverse("cases:detail", args=[case.pk]))
    names = [t.name for t in response.templates]
    assert "cases/_case_extras.html" in names
    for app in ["petitions", "deadlines", "documents"]:
        assert f"{app}/_case_panel.html" in names or "cases/_panel_placeholder.html" in names


def test_the_case_list_orders_are_indexed(db):
    """A team's page in the list's order and in the API's order comes from an index, not a sort."""
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "cases_case")
    indexed = [tuple(c["columns"]) for c in constraints.values() if c["index"]]
    assert ("team_id", "priority", "updated_at") in indexed
    assert ("team_id", "priority", "id") in indexed
