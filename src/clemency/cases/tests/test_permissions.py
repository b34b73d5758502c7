"""Generated permission tests for every case and people page: outsider 404, read-only 403, member allowed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.cases.tests import factories

# (url name, which object's pk, method, data for a write)
PAGES = [
    ("people:detail", "person", "get", None),
    ("people:edit", "person", "get", None),
    ("people:contact-add", "person", "post", {"occurred_on": "2026-01-01", "kind": "call", "summary": "s"}),
    ("cases:detail", "case", "get", None),
    ("cases:edit", "case", "get", None),
    ("cases:move", "case", "post", {"to_status": "screening"}),
    ("cases:note-add", "case", "post", {"body": "b"}),
    ("cases:conviction-create", "case", "get", None),
    ("cases:conviction-edit", "conviction", "get", None),
    (
        "cases:charge-add",
        "conviction",
        "post",
        {"charge-statute": "s", "charge-offense_category": "drug", "charge-counts": "1"},
    ),
    ("cases:party-add", "conviction", "post", {"party-name": "n", "party-role": "victim"}),
]
WRITES = {
    "people:edit",
    "people:contact-add",
    "cases:edit",
    "cases:move",
    "cases:note-add",
    "cases:conviction-create",
    "cases:conviction-edit",
    "cases:charge-add",
    "cases:party-add",
}


@pytest.fixture
def objects(cast):
    case = factories.case(cast.team)
    return {"case": case, "person": case.person, "conviction": factories.federal_conviction(case)}


def _request(client, name, objects, kind, method, data):
    url = reverse(name, args=[objects[kind].pk])
    return client.post(url, data) if method == "post" else client.get(url)


@pytest.mark.parametrize(("name", "kind", "method", "data"), PAGES, ids=[p[0] for p in PAGES])
def test_an_outsider_gets_404(client, cast, objects, name, kind, method, data):
    client.force_login(cast.outsider)
    assert _request(client, name, objects, kind, method, data).status_code == 404


@pytest.mark.parametrize(("name", "kind", "method", "data"), PAGES, ids=[p[0] for p in PAGES])
def test_read_only_may_read_but_not_write(client, cast, objects, name, kind, method, data):
    client.force_login(cast.read_only)
    expected = 403 if name in WRITES else 200
    assert _request(client, name, objects, kind, method, data).status_code == expected


@pytest.mark.parametrize(("name", "kind", "method", "data"), PAGES, ids=[p[0] for p in PAGES])
def test_a_volunteer_may_work_the_case(client, cast, objects, name, kind, method, data):
    client.force_login(cast.volunteer)
    assert _request(client, name, objects, kind, method, data).status_code in (200, 302)


@pytest.mark.parametrize(
    "name",
    [
        "people:list",
        "people:create",
        "cases:list",
        "cases:create",
        "cases:search",
        "cases:conflicts",
        "cases:import",
        "cases:export",
    ],
)
def test_lists_and_tools_need_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and reverse("login") in response.url
