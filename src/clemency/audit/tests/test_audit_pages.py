from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from clemency.audit.export import neutralise
from clemency.audit.models import AuditEvent
from clemency.audit.services import record_event
from clemency.web.tests.factories import make_case

pytestmark = pytest.mark.django_db


def _event(action: str, *, team, actor=None, case_id=None, **extra):
    return record_event(action, actor=actor, team_id=team.pk, case_id=case_id, **extra)


@pytest.fixture
def events(cast):
    case = make_case(cast.team)
    other_case = make_case(cast.other_team)
    ours = [
        _event("case.update", team=cast.team, actor=cast.attorney, case_id=case.pk,
               before={"status": "intake"}, after={"status": "screening"}),
        _event("document.download", team=cast.team, actor=cast.student, case_id=case.pk),
        _event("note.create", team=cast.team, actor=cast.staff, after={"text": "=HYPERLINK(\"http://x\")"}),
    ]
    theirs = _event("case.update", team=cast.other_team, actor=cast.outsider, case_id=other_case.pk)
    return {"case": case, "other_case": other_case, "ours": ours, "theirs": theirs}


def _rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_it_shows_a_team_admin_their_teams_events_only(client, cast, events):
    client.force_login(cast.admin)
    response = client.get(reverse("audit:list"))
    assert response.status_code == 200
    shown = {row.record.pk for row in response.context["table"].page.object_list}
    assert shown == {event.pk for event in events["ours"]}


@pytest.mark.parametrize("role", ["attorney", "staff", "student", "volunteer", "read_only", "outsider"])
def test_it_hides_the_log_from_everyone_but_the_teams_admins(client, cast, events, role):
    client.force_login(getattr(cast, role))
    event = events["ours"][0]
    assert client.get(reverse("audit:list")).status_code == 404
    assert client.get(reverse("audit:detail", args=[event.pk])).status_code == 404
    assert client.get(reverse("audit:case", args=[events["case"].pk])).status_code == 404
    assert client.get(reverse("audit:case_export", args=[events["case"].pk])).status_code == 404


def test_it_lets_an_admin_of_another_team_see_nothing_of_ours(client, cast, events):
    from clemency.accounts.models import Membership, Role

    Membership.objects.filter(user=cast.outsider).update(role=Role.ADMIN)
    client.force_login(cast.outsider)
    response = client.get(reverse("audit:list"))
    assert [row.record.pk for row in response.context["table"].page.object_list] == [events["theirs"].pk]
    assert client.get(reverse("audit:detail", args=[events["ours"][0].pk])).status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(client, events):
    response = client.get(reverse("audit:list"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_it_filters_by_case_actor_action_and_date(client, cast, events):
    client.force_login(cast.admin)
    url = reverse("audit:list")

    def shown(**query):
        response = client.get(url, query)
        assert response.status_code == 200
        return {row.record.action for row in response.context["table"].page.object_list}

    assert shown(case=events["case"].pk) == {"case.update", "document.download"}
    assert shown(actor=cast.student.pk) == {"document.download"}
    assert shown(action="note") == {"note.create"}
    today = timezone.localdate()
    assert shown(date_from=today.isoformat(), date_to=today.isoformat()) == {
        "case.update", "document.download", "note.create"}
    assert shown(date_from=(today + datetime.timedelta(days=1)).isoformat()) == set()


def test_it_names_the_field_of_a_bad_filter_and_shows_nothing(client, cast, events):
    client.force_login(cast.admin)
    response = client.get(reverse("audit:list"), {"date_from": "2026-13-45"})
    assert response.status_code == 200
    assert "date_from" in response.context["filter"].form.errors
    assert list(response.context["table"].page.object_list) == []
    response = client.get(reverse("audit:list"), {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert "date_to" in response.context["filter"].form.errors


def test_the_case_page_shows_only_that_cases_events(client, cast, events):
    client.force_login(cast.admin)
    response = client.get(reverse("audit:case", args=[events["case"].pk]))
    assert response.status_code == 200
    assert {row.record.action for row in response.context["table"].page.object_list} == {
        "case.update", "document.download"}
    assert client.get(reverse("audit:case", args=[events["other_case"].pk])).status_code == 404


def test_the_detail_shows_before_and_after(client, cast, events):
    client.force_login(cast.admin)
    response = client.get(reverse("audit:detail", args=[events["ours"][0].pk]))
    assert response.status_code == 200
    assert response.context["changes"] == [{"field": "status", "before": "intake", "after": "screening",
                                            "changed": True}]


def test_the_export_is_an_attachment_safe_for_spreadsheets_and_is_itself_recorded(client, cast, events):
    client.force_login(cast.admin)
    before = AuditEvent.objects.filter(action="audit.export").count()
    response = client.get(reverse("audit:export"), {"action": "note"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _rows(response)
    assert rows[0][:4] == ["id", "at", "actor_name", "action"]
    assert len(rows) == 2
    after_cell = rows[1][rows[0].index("after")]
    assert after_cell.startswith("{")  # JSON, not a formula
    exported = AuditEvent.objects.filter(action="audit.export")
    assert exported.count() == before + 1
    record = exported.first()
    assert record.actor == cast.admin and record.team_id == cast.team.pk
    assert record.after == {"filters": {"action": "note"}, "rows": 1}


def test_the_case_export_contains_only_that_case(client, cast, events):
    client.force_login(cast.admin)
    rows = _rows(client.get(reverse("audit:case_export", args=[events["case"].pk])))
    case_column = rows[0].index("case_id")
    assert {row[case_column] for row in rows[1:]} == {str(events["case"].pk)}
    assert len(rows) == 3


def test_a_formula_in_a_name_is_neutralised_in_the_export(client, cast, events):
    cast.staff.full_name = "=cmd|' /C calc'!A0"
    cast.staff.save()
    _event("note.create", team=cast.team, actor=cast.staff)
    client.force_login(cast.admin)
    rows = _rows(client.get(reverse("audit:export")))
    names = [row[2] for row in rows[1:]]
    assert "'=cmd|' /C calc'!A0" in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\uff1d1", "'\uff1d1"), ("plain", "plain"), (None, ""), (42, "42"), ({"a": 1}, '{"a": 1}'),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_a_bad_export_filter_is_refused_and_not_recorded(client, cast, events):
    client.force_login(cast.admin)
    response = client.get(reverse("audit:export"), {"case": "abc"})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action="audit.export").exists()


def test_the_menu_links_the_audit_log_for_admins_only(client, cast):
    client.force_login(cast.admin)
    assert reverse("audit:list").encode() in client.get(reverse("dashboard")).content
    client.force_login(cast.attorney)
    assert reverse("audit:list").encode() not in client.get(reverse("dashboard")).content
