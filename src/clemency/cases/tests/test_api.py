from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from clemency.audit.models import AuditEvent
from clemency.cases import services
from clemency.cases.models import Case, Conviction
from clemency.cases.tests import factories
from clemency.people.models import Person


def api(user):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_anonymous_requests_are_refused(db):
    assert APIClient().get("/api/cases/").status_code == 401


def test_people_list_is_restricted_and_filtered(cast):
    factories.person(cast.team, given_name="Nora", aliases=["Nory"])
    factories.person(cast.team, given_name="Owen")
    factories.person(cast.other_team, given_name="Nora")
    response = api(cast.student).get("/api/people/", {"q": "nory"})
    assert response.status_code == 200
    assert [p["given_name"] for p in response.json()["results"]] == ["Nora"]
    assert response.json()["results"][0]["team"] == cast.team.pk


def test_a_hidden_person_is_404(cast):
    person = factories.person(cast.other_team)
    assert api(cast.attorney).get(f"/api/people/{person.pk}/").status_code == 404
    assert api(cast.attorney).patch(f"/api/people/{person.pk}/", {"facility": "x"}).status_code == 404


def test_creating_a_person_through_the_service(cast):
    response = api(cast.attorney).post(
        "/api/people/",
        {
            "team": cast.team.pk,
            "given_name": "Nora",
            "family_name": "Vale",
            "aliases": ["Nory"],
            "bop_register_number": "11111-222",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert AuditEvent.objects.filter(action="person.create").exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"bop_register_number": "111"}, "bop_register_number"),
        ({"birth_date": "1990-02-30"}, "birth_date"),
        ({"state_doc_number": "5", "state_doc_jurisdiction": "us-zz"}, "state_doc_jurisdiction"),
    ],
)
def test_bad_person_input_names_the_field(cast, payload, field):
    response = api(cast.attorney).post(
        "/api/people/",
        {"team": cast.team.pk, "given_name": "A", "family_name": "B", **payload},
        format="json",
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not Person.objects.exists()


def test_a_duplicate_identifier_over_the_api_names_the_field(cast):
    factories.person(cast.team, bop_register_number="11111-222")
    response = api(cast.attorney).post(
        "/api/people/",
        {"team": cast.team.pk, "given_name": "A", "family_name": "B", "bop_register_number": "11111-222"},
        format="json",
    )
    assert response.status_code == 400
    assert "already belongs to" in response.json()["bop_register_number"][0]


def test_no_person_on_a_team_one_is_not_on(cast):
    response = api(cast.attorney).post(
        "/api/people/", {"team": cast.other_team.pk, "given_name": "A", "family_name": "B"}, format="json"
    )
    assert response.status_code == 400 and "team" in response.json()


def test_read_only_cannot_change(cast):
    person = factories.person(cast.team)
    assert api(cast.read_only).patch(f"/api/people/{person.pk}/", {"facility": "x"}).status_code == 403


def test_read_only_is_refused_before_the_body_is_validated(cast):
    """A read-only member's incomplete PUT is a 403 (the role), not a 400 (the fields); nothing changes."""
    case = factories.case(cast.team, title="Kept")
    conviction = factories.federal_conviction(case)
    client = api(cast.read_only)
    for url in (
        f"/api/people/{case.person_id}/",
        f"/api/cases/{case.pk}/",
        f"/api/convictions/{conviction.pk}/",
    ):
        for method in (client.put, client.patch):
            response = method(url, {"priority": "not a number", "jurisdiction": "xx"}, format="json")
            assert response.status_code == 403, (method.__name__, url, response.json())
    case.refresh_from_db()
    assert case.title == "Kept"


def test_contacts_over_the_api(cast):
    person = factories.person(cast.team)
    client = api(cast.staff)
    response = client.post(
        f"/api/people/{person.pk}/contacts/",
        {"occurred_on": "2026-01-02", "kind": "call", "summary": "Legal call"},
    )
    assert response.status_code == 201
    assert client.get(f"/api/people/{person.pk}/contacts/").json()[0]["summary"] == "Legal call"


def test_cases_create_move_and_filter(cast):
    person = factories.person(cast.team)
    client = api(cast.attorney)
    created = client.post("/api/cases/", {"person": person.pk, "title": "Commutation", "priority": 1})
    assert created.status_code == 201, created.json()
    case_id = created.json()["id"]
    wrong = client.post(f"/api/cases/{case_id}/move/", {"to_status": "filed"})
    assert wrong.status_code == 400 and "cannot move to Filed" in wrong.json()["to_status"][0]
    declined = client.post(f"/api/cases/{case_id}/move/", {"to_status": "declined"})
    assert declined.status_code == 400 and "reason" in declined.json()
    moved = client.post(f"/api/cases/{case_id}/move/", {"to_status": "screening"})
    assert moved.json()["status"] == "screening"
    assert [c["id"] for c in client.get("/api/cases/", {"status": "screening"}).json()["results"]] == [
        case_id
    ]
    assert client.get("/api/cases/", {"status": "intake"}).json()["results"] == []


def test_status_is_not_writable_directly(cast):
    case = factories.case(cast.team)
    response = api(cast.attorney).patch(f"/api/cases/{case.pk}/", {"status": "closed", "title": "T"})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == "intake" and case.title == "T"


def test_cases_of_another_team_are_404(cast):
    case = factories.case(cast.other_team)
    client = api(cast.attorney)
    assert client.get(f"/api/cases/{case.pk}/").status_code == 404
    assert client.post(f"/api/cases/{case.pk}/move/", {"to_status": "screening"}).status_code == 404
    person = factories.person(cast.other_team, given_name="Zed")
    assert client.post("/api/cases/", {"person": person.pk}).status_code == 400
    assert not Case.objects.filter(person=person).exists()


def test_convictions_with_sentence_charges_and_parties(cast):
    case = factories.case(cast.team)
    client = api(cast.attorney)
    response = client.post(
        "/api/convictions/",
        {
            "case": case.pk,
            "jurisdiction": "federal",
            "docket_number": "1:96-cr-1",
            "sentencing_date": "1996-05-01",
            "sentence": {"sentence_type": "life", "offense_level": 38, "criminal_history_points": 1},
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    conviction_id = response.json()["id"]
    assert (
        client.post(
            f"/api/convictions/{conviction_id}/charges/",
            {"statute": "21 U.S.C. 846", "offense_category": "drug", "counts": 1},
        ).status_code
        == 201
    )
    assert (
        client.post(
            f"/api/convictions/{conviction_id}/parties/", {"name": "Rowan Vell", "role": "co_defendant"}
        ).status_code
        == 201
    )
    body = client.get(f"/api/convictions/{conviction_id}/").json()
    assert body["sentence"]["sentence_type"] == "life"
    assert body["charges"][0]["statute"] == "21 U.S.C. 846" and body["parties"][0]["name"] == "Rowan Vell"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"jurisdiction": "us-zz"}, "jurisdiction"),
        (
            {"jurisdiction": "federal", "offense_date": "2001-01-01", "conviction_date": "2000-01-01"},
            "conviction_date",
        ),
        (
            {"jurisdiction": "federal", "sentence": {"sentence_type": "term", "sentence_term_days": -1}},
            "sentence",
        ),
        ({"jurisdiction": "federal", "sentence": {"sentence_type": "term"}}, "sentence_term_days"),
        (
            {"jurisdiction": "us-tx", "sentence": {"sentence_type": "death", "offense_level": 40}},
            "offense_level",
        ),
    ],
)
def test_bad_conviction_input_names_the_field(cast, payload, field):
    case = factories.case(cast.team)
    response = api(cast.attorney).post("/api/convictions/", {"case": case.pk, **payload}, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Conviction.objects.exists()


def test_notes_hide_privileged_from_students_and_record_reads(cast):
    case = factories.case(cast.team)
    services.add_note(case, actor=cast.attorney, body="Open note")
    services.add_note(case, actor=cast.attorney, body="Work product", privileged=True)
    student = api(cast.student).get("/api/notes/", {"case": case.pk}).json()["results"]
    assert [n["body"] for n in student] == ["Open note"]
    assert not AuditEvent.objects.filter(action="note.read_privileged").exists()
    attorney = api(cast.attorney).get("/api/notes/", {"case": case.pk}).json()["results"]
    assert {n["body"] for n in attorney} == {"Open note", "Work product"}
    assert AuditEvent.objects.filter(action="note.read_privileged", actor=cast.attorney).count() == 1
    services.grant_privilege(case, actor=cast.attorney, user=cast.student)
    assert len(api(cast.student).get("/api/notes/", {"case": case.pk}).json()["results"]) == 2
    assert api(cast.outsider).get("/api/notes/").json()["results"] == []


def test_a_student_cannot_post_a_privileged_note(cast):
    case = factories.case(cast.team)
    response = api(cast.student).post("/api/notes/", {"case": case.pk, "body": "x", "privileged": True})
    assert response.status_code == 400 and "privileged" in response.json()


def test_the_schema_lists_the_endpoints(cast):
    response = api(cast.attorney).get("/api/schema/", {"format": "json"})
    paths = response.json()["paths"]
    for path in ["/api/people/", "/api/cases/{id}/move/", "/api/convictions/", "/api/notes/"]:
        assert path in paths


@pytest.mark.parametrize("value", ["-3.02e+66", "99999999999999999999999", "-3", "0", "1.5", "6e34"])
@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/cases/", "person"),
        ("/api/cases/", "team"),
        ("/api/convictions/", "case"),
        ("/api/notes/", "case"),
    ],
)
def test_an_id_filter_out_of_range_is_400_naming_the_field(cast, url, field, value):
    response = api(cast.attorney).get(url, {field: value})
    assert response.status_code == 400, response.content
    assert field in response.json(), response.json()


def test_an_id_filter_in_range_still_filters(cast):
    case = factories.case(cast.team, title="Found")
    factories.case(cast.team, title="Other")
    client = api(cast.attorney)
    assert [c["title"] for c in client.get("/api/cases/", {"person": case.person_id}).json()["results"]] == [
        "Found"
    ]
    assert len(client.get("/api/cases/", {"team": cast.team.pk}).json()["results"]) == 2
    assert client.get("/api/cases/", {"team": cast.other_team.pk}).status_code == 400


def _api_schema():
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def _json_body(operation, status="200"):
    return operation["responses"][status]["content"]["application/json"]["schema"]


def test_the_schema_says_what_the_api_answers(db):
    schema = _api_schema()
    move = schema["paths"]["/api/cases/{id}/move/"]["post"]
    assert move["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CaseMove"
    }
    assert _json_body(move) == {"$ref": "#/components/schemas/Case"}
    contacts = schema["paths"]["/api/people/{id}/contacts/"]
    contact_log = {"$ref": "#/components/schemas/ContactLog"}
    assert _json_body(contacts["get"]) == {"type": "array", "items": contact_log}
    assert contacts["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ContactLog"
    }
    assert _json_body(contacts["post"], "201") == {"$ref": "#/components/schemas/ContactLog"}
    assert schema["components"]["schemas"]["Note"]["properties"]["author"]["nullable"] is True


def test_a_note_without_an_author_reads_null(cast):
    case = factories.case(cast.team)
    services.add_note(case, actor=None, body="From the import")
    [note] = api(cast.attorney).get("/api/notes/").json()["results"]
    assert note["author"] is None
