"""Generated permission tests: for every URL and API endpoint that takes an object, an outsider gets
404, a read-only member cannot write, a student cannot read privileged material, and a member can.
Every list, search and export is walked too: an outsider never sees our records in them, a student
never sees privileged material. A URL that takes an object and is not in the registry fails."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from clemency.web.tests.html_checks import inline_script_problems
from clemency.web.tests.permission_registry import (
    OBJECT_ROUTES,
    SPECIAL_ROUTES,
    FoundURL,
    Route,
    World,
    all_urls,
    build_world,
)

pytestmark = pytest.mark.django_db
PLATFORM_APPS = {"accounts", "people", "cases", "petitions", "deadlines", "documents", "audit"}
# Pages that only show (a POST changes nothing); every other object URL changes something on POST.
READ_ONLY_PAGES = {"people:detail", "cases:detail", "petitions:detail", "documents:detail",
                   "documents:download", "audit:detail", "audit:case", "audit:case_export",
                   "drafting:generated-download", "drafting:bundle-detail", "drafting:bundle-download",
                   *(f"transcripts:{n}" for n in ("detail", "download", "analysis", "analysis-status",
                                                    "analysis-json", "analysis-html", "analysis-pdf")),
                   *(f"screenings:{n}" for n in ("detail", "status", "report", "results", "validation",
                                                   "candidates")),
                   "advocacy:office-detail", "advocacy:outreach-detail", "advocacy:timeline",
                   "petitions:action-detail",
                   "campaigns:detail", "campaigns:delivery-download"}
READ_ONLY_PAGES |= {"cases:facts"}  # i15: the facts page of a case only shows
READ_ONLY_PAGES |= {"dna:case", "dna:request-detail"}  # i22: the DNA pages only show
NOT_ALLOWED = 405


@pytest.fixture
def world(cast, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world(cast)


def _found(name: str) -> FoundURL:
    for found in all_urls():
        if found.name == name:
            return found
    pytest.fail(f"{name} is in OBJECT_ROUTES but no URL has that name any more: remove it from the registry")


def _url(name: str, world: World) -> str:
    found = _found(name)
    route = OBJECT_ROUTES[name]
    return reverse(name, kwargs=dict.fromkeys(found.arguments, world[route.obj].pk))


def _write_methods(found: FoundURL) -> list[str]:
    actions = getattr(found.callback, "actions", None)
    if actions:  # a DRF viewset route: exactly the methods it serves
        return sorted(method for method in actions if method not in ("get", "head", "options"))
    return ["post"]


def _call(client: Client, method: str, url: str) -> Any:
    if method == "post":
        return client.post(url, {})
    return getattr(client, method)(url, data=json.dumps({}), content_type="application/json")


def _body(response: Any) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", errors="replace")


def _fingerprint(world: World, name: str) -> Any:
    counts = tuple(
        (model._meta.label, model._base_manager.count())
        for model in apps.get_models() if model._meta.app_label in PLATFORM_APPS
    )
    target = world[OBJECT_ROUTES[name].obj]
    row = type(target)._base_manager.filter(pk=target.pk).values().first()
    return counts, row


def _as(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def test_every_object_url_is_in_the_registry():
    """The rule that keeps this file complete: a new view taking an object needs a registry entry."""
    found = {f.name: f for f in all_urls()}
    missing = sorted(name for name, f in found.items()
                     if f.arguments and name not in OBJECT_ROUTES and name not in SPECIAL_ROUTES)
    stale = sorted(set(OBJECT_ROUTES) - set(found))
    assert not missing, f"Object URLs without permission tests; add them to OBJECT_ROUTES: {missing}"
    assert not stale, f"OBJECT_ROUTES names URLs that no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_an_outsider_gets_404(client, world, name):
    url, found = _url(name, world), _found(name)
    before = _fingerprint(world, name)
    _as(client, world.cast.outsider)
    response = client.get(url)
    post_only = not OBJECT_ROUTES[name].get
    assert response.status_code == 404 or (response.status_code == NOT_ALLOWED and post_only)
    for method in _write_methods(found):
        assert _call(client, method, url).status_code in (404, NOT_ALLOWED), method
    assert _fingerprint(world, name) == before


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_a_read_only_member_cannot_write(client, world, name):
    url, found = _url(name, world), _found(name)
    route: Route = OBJECT_ROUTES[name]
    before = _fingerprint(world, name)
    _as(client, world.cast.read_only)
    for method in _write_methods(found):
        status = _call(client, method, url).status_code
        if route.member == "admin":
            assert status in (403, 404, NOT_ALLOWED), method
        elif name in READ_ONLY_PAGES and method == "post":
            assert status < 500, method
        elif method == "put":
            # An empty PUT may fail validation (400) before the permission check; either way no write.
            assert status in (400, 403), f"PUT {url} as read-only answered {status}"
        else:
            assert status == 403, f"{method.upper()} {url} as read-only answered {status}"
    assert _fingerprint(world, name) == before


@pytest.mark.parametrize("role", ["student", "volunteer", "read_only"])
@pytest.mark.parametrize("name", sorted(n for n, r in OBJECT_ROUTES.items() if r.get))
def test_a_student_cannot_read_privileged_material(client, world, name, role):
    _as(client, getattr(world.cast, role))
    response = client.get(_url(name, world))
    assert response.status_code < 500
    assert world.privileged_marker not in _body(response)


@pytest.mark.parametrize("name", sorted(n for n, r in OBJECT_ROUTES.items() if r.shows_privileged))
def test_an_attorney_grant_lets_a_student_read_privileged_material(client, world, name):
    from clemency.cases.models import PrivilegeGrant

    PrivilegeGrant.objects.create(case=world["case"], user=world.cast.student, granted_by=world.cast.attorney)
    _as(client, world.cast.student)
    response = client.get(_url(name, world))
    assert response.status_code == 200
    assert world.privileged_marker in _body(response)


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_a_member_can(client, world, name):
    route = OBJECT_ROUTES[name]
    url, found = _url(name, world), _found(name)
    _as(client, getattr(world.cast, route.member))
    if route.get:
        response = client.get(url)
        assert response.status_code == 200, response.get("Location")
        body = _body(response)
        if route.shows_privileged:
            assert world.privileged_marker in body
        if response["Content-Type"].startswith("text/html"):
            assert inline_script_problems(body) == []
    if not route.get or name not in READ_ONLY_PAGES:
        for method in _write_methods(found)[:1]:
            status = _call(client, method, url).status_code
            assert status not in (403, 404) and status < 500, f"{method.upper()} {url} answered {status}"


def _pages_without_objects() -> list[FoundURL]:
    skip = {"logout", "login", "health"}
    return [f for f in all_urls() if not f.arguments and f.name not in skip]


def test_no_list_search_or_export_shows_an_outsider_our_records(client, world):
    _as(client, world.cast.outsider)
    leaks = []
    for found in _pages_without_objects():
        # Search for words next to the marker, never the marker itself (pages echo the query back).
        response = client.get(reverse(found.name), {"q": "Zephyrine", "name": "Codefendant",
                                                    "search": "Zephyrine"})
        assert response.status_code < 500, found.name
        if world.marker in _body(response):
            leaks.append(found.name)
    assert leaks == []


def test_lists_do_show_our_records_to_a_member(client, world):
    """The check above can fail: the same pages show a member the marker (at least the main lists)."""
    _as(client, world.cast.staff)
    query = {"q": "Zephyrine", "name": "Codefendant", "search": "Zephyrine"}
    shown = {found.name for found in _pages_without_objects()
             if world.marker in _body(client.get(reverse(found.name), query))}
    assert {"cases:list", "people:list", "cases:search", "api-cases-list", "api-people-list"} <= shown
    _as(client, world.cast.attorney)
    privileged = {found.name for found in _pages_without_objects()
                  if world.privileged_marker in _body(client.get(reverse(found.name), {"q": "Strategy"}))}
    assert "api-notes-list" in privileged


@pytest.mark.parametrize("role", ["student", "volunteer", "read_only"])
def test_no_list_search_or_export_shows_a_student_privileged_material(client, world, role):
    _as(client, getattr(world.cast, role))
    leaks = []
    for found in _pages_without_objects():
        response = client.get(reverse(found.name), {"q": "Strategy"})
        assert response.status_code < 500, found.name
        if world.privileged_marker in _body(response):
            leaks.append(found.name)
    assert leaks == []


def test_every_form_and_endpoint_refuses_a_post_without_a_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.cast.admin)
    accepted = []
    for found in all_urls():
        if found.name in SPECIAL_ROUTES:
            continue
        url = _url(found.name, world) if found.arguments else reverse(found.name)
        status = client.post(url, {}).status_code
        if status not in (403, NOT_ALLOWED):
            accepted.append((found.name, status))
    assert accepted == []


def test_the_calendar_feed_shows_only_the_token_owners_teams(client, world):
    def feed(user: Any) -> Any:
        return client.get(reverse("deadlines:feed", kwargs={"token": user.calendar_token}))

    assert world.marker in _body(feed(world.cast.staff))
    outsider_feed = feed(world.cast.outsider)
    assert outsider_feed.status_code == 200 and world.marker not in _body(outsider_feed)
    assert client.get(reverse("deadlines:feed", kwargs={"token": "not-a-real-token"})).status_code == 404


@pytest.mark.parametrize("name", sorted(n for n, r in OBJECT_ROUTES.items() if r.shows_privileged))
def test_every_read_of_privileged_material_is_audited(client, world, name):
    from clemency.audit.models import AuditEvent

    # A GET changes nothing, so any new row by this reader on this case is the record of the read.
    reads = AuditEvent.objects.filter(actor=world.cast.attorney, case_id=world["case"].pk)
    before = reads.count()
    _as(client, world.cast.attorney)
    response = client.get(_url(name, world))
    assert world.privileged_marker in _body(response)
    assert reads.count() > before, f"reading {name} left no audit row"
