from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from clemency.cases.exporting import neutralise
from clemency.cases.tests import factories


@pytest.mark.parametrize("cell", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


def test_plain_text_is_kept():
    assert neutralise("Ada Quill") == "Ada Quill" and neutralise(None) == ""


def test_the_export_holds_only_visible_cases_and_is_safe(client, cast):
    factories.case(cast.team, title="=cmd|' /C calc'!A0", person_values={"family_name": "@Quill"})
    factories.case(cast.other_team, title="Their case")
    client.force_login(cast.student)
    response = client.get(reverse("cases:export"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["case_title"].startswith("'=")
    assert rows[0]["family_name"] == "'@Quill"


def test_the_export_follows_the_list_filters(client, cast):
    factories.case(cast.team, title="Urgent one", priority=1)
    factories.case(cast.team, title="Low one", priority=4)
    client.force_login(cast.attorney)
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("cases:export"), {"priority": 1}).content.decode()))
    )
    assert [r["case_title"] for r in rows] == ["Urgent one"]


def test_a_filter_that_cannot_be_read_exports_nothing_and_names_the_field(client, cast):
    from clemency.audit.models import AuditEvent

    factories.case(cast.team, title="Urgent one", priority=1)
    factories.case(cast.team, title="Low one", priority=4)
    client.force_login(cast.attorney)
    response = client.get(reverse("cases:export"), {"priority": "urgent-ish"})
    assert response.status_code == 400
    body = response.content.decode()
    assert body.startswith("Nothing exported") and "priority:" in body
    assert "Low one" not in body and not AuditEvent.objects.filter(action="case.export").exists()


def test_the_case_list_shows_no_cases_for_a_filter_it_cannot_read(client, cast):
    factories.case(cast.team, title="Low one", priority=4)
    client.force_login(cast.attorney)
    body = client.get(reverse("cases:list"), {"priority": "urgent-ish"}).content.decode()
    assert "Low one" not in body and "No cases match." in body
    assert "Select a valid choice" in body  # the reason, beside the field


def test_the_export_is_on_the_audit_log_of_each_team_it_covers(client, cast):
    from clemency.accounts.models import Membership, Role
    from clemency.audit.models import AuditEvent

    Membership.objects.create(user=cast.attorney, team=cast.other_team, role=Role.ATTORNEY)
    factories.case(cast.team, title="Ours")
    factories.case(cast.team, title="Ours too")
    factories.case(cast.other_team, title="Theirs")
    client.force_login(cast.attorney)
    assert client.get(reverse("cases:export")).status_code == 200
    events = AuditEvent.objects.filter(action="case.export")
    assert {(e.team_id, e.after["rows"]) for e in events} == {(cast.team.pk, 2), (cast.other_team.pk, 1)}
    assert all(e.actor == cast.attorney for e in events)

    last = max(e.pk for e in events)
    client.get(reverse("cases:export"), {"team": cast.other_team.pk})
    later = AuditEvent.objects.filter(action="case.export", pk__gt=last)
    assert [(e.team_id, e.after["rows"]) for e in later] == [(cast.other_team.pk, 1)]
