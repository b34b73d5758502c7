"""Two people editing one case: neither silently undoes the other. Only changed fields are written,
on the row as it is under its lock; the same field changed by both is a conflict that tells the
second person what the first wrote. Runs on SQLite and PostgreSQL (CI runs the suite on both)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from clemency.cases import services
from clemency.cases.models import Case
from clemency.web.tests.factories import make_case

pytestmark = pytest.mark.django_db


def _hidden(html: str) -> dict[str, str]:
    found = re.findall(r'type="hidden" name="(opened_\w+)" value="([^"]*)"', html)
    return {name: unescape(value) for name, value in found}


def _form(client, case) -> dict[str, str]:
    html = client.get(reverse("cases:edit", args=[case.pk])).content.decode()
    fields = _hidden(html)
    assert "opened_title" in fields
    return {**fields, "title": case.title, "source": case.source, "priority": case.priority,
            "summary": case.summary, "opened_on": case.opened_on.isoformat() if case.opened_on else ""}


def test_two_edits_of_different_fields_both_stand(client, cast):
    case = make_case(cast.team, title="First title", priority=3)
    first, second = client, type(client)()
    first.force_login(cast.staff)
    second.force_login(cast.attorney)
    first_form, second_form = _form(first, case), _form(second, case)  # both open the page
    url = reverse("cases:edit", args=[case.pk])
    assert first.post(url, {**first_form, "title": "Better title"}).status_code == 302
    assert second.post(url, {**second_form, "priority": 1}).status_code == 302
    case.refresh_from_db()
    assert (case.title, case.priority) == ("Better title", 1)


def test_the_same_field_edited_by_two_people_tells_the_second_what_changed(client, cast):
    case = make_case(cast.team, title="First title")
    first, second = client, type(client)()
    first.force_login(cast.staff)
    second.force_login(cast.attorney)
    first_form, second_form = _form(first, case), _form(second, case)
    first.post(reverse("cases:edit", args=[case.pk]), {**first_form, "title": "Staff's title"})
    url = reverse("cases:edit", args=[case.pk])
    response = second.post(url, {**second_form, "title": "Attorney's title", "priority": 1})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Test Staff changed the title while you were editing" in html
    assert "Staff&#x27;s title" in html and "First title" in html
    case.refresh_from_db()
    assert case.title == "Staff's title" and case.priority != 1  # nothing of the second edit was saved
    # The page now carries what the case holds: saving again is a deliberate choice, and it works.
    again = second.post(url, {**second_form, **_hidden(html), "title": "Attorney's title"})
    assert again.status_code == 302
    case.refresh_from_db()
    assert case.title == "Attorney's title"


def test_a_stale_copy_of_the_case_never_writes_back_other_fields_or_the_status(cast):
    """The race the API had: each request reads the case, then saves it whole."""
    case = make_case(cast.team, title="First title", priority=3)
    seen_by_first = Case.objects.get(pk=case.pk)
    seen_by_second = Case.objects.get(pk=case.pk)
    services.update_case(seen_by_first, actor=cast.staff, title="Better title")
    services.move_case(Case.objects.get(pk=case.pk), actor=cast.staff, to_status="screening")
    services.update_case(seen_by_second, actor=cast.attorney, priority=1)
    case.refresh_from_db()
    assert (case.title, case.priority, case.status) == ("Better title", 1, "screening")


def test_concurrent_api_patches_of_different_fields_lose_nothing(cast):
    case = make_case(cast.team, title="First title", priority=3, summary="")
    apis = []
    for user in (cast.staff, cast.attorney):
        api = APIClient()
        api.force_authenticate(user)
        apis.append(api)
    for n in range(12):
        first = apis[0].patch(f"/api/cases/{case.pk}/", {"title": f"Title {n}"}, format="json")
        second = apis[1].patch(f"/api/cases/{case.pk}/", {"summary": f"Summary {n}"}, format="json")
        assert first.status_code == second.status_code == 200
        assert second.json()["title"] == f"Title {n}"  # the second answer shows the first's change
        case.refresh_from_db()
        assert (case.title, case.summary) == (f"Title {n}", f"Summary {n}")
