"""The outreach log and the directory change only through their services: checked, audited, with history."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from clemency.advocacy import services
from clemency.advocacy.models import DirectoryChange, Office, Outreach
from clemency.advocacy.selectors import open_follow_ups, visible_offices
from clemency.audit.models import AuditEvent

TODAY = datetime.date(2026, 11, 2)


def _call(case, actor, **values):
    values.setdefault("office", Office.objects.get(seed_key="us-tx.governor_counsel"))
    values.setdefault("channel", "call")
    values.setdefault("subject", "Ask for a meeting")
    return services.log_outreach(case=case, actor=actor, date=values.pop("date", TODAY), **values)


def test_a_contact_is_logged_with_its_team_members_and_audited(case, cast):
    outreach = _call(case, cast.staff, team_members=[cast.staff, cast.attorney], duration_minutes=12)
    assert set(outreach.team_members.all()) == {cast.staff, cast.attorney}
    event = AuditEvent.objects.get(action="outreach.logged")
    assert event.case_id == case.pk and event.team_id == cast.team.pk
    assert event.after["duration_minutes"] == 12
    assert sorted(event.after["team_members"]) == sorted([cast.staff.pk, cast.attorney.pk])


def test_a_privileged_summary_stays_out_of_the_audit_log(case, cast):
    _call(case, cast.attorney, summary="Our strategy", summary_privileged=True)
    event = AuditEvent.objects.get(action="outreach.logged")
    assert event.after["summary"] == "(privileged)"
    assert "Our strategy" not in str(event.after)


def test_a_student_cannot_write_a_privileged_summary(case, cast):
    with pytest.raises(ValidationError) as refused:
        _call(case, cast.student, summary="x", summary_privileged=True)
    assert "summary_privileged" in refused.value.message_dict
    assert not Outreach.objects.exists()


def test_a_privileged_summary_is_hidden_from_a_student_and_its_reads_are_audited(case, cast):
    outreach = _call(case, cast.attorney, summary="Our strategy", summary_privileged=True)
    [shown] = services.outreach_for_reader([outreach], actor=cast.student)
    assert shown.summary_hidden is True
    assert not AuditEvent.objects.filter(action="outreach.read_privileged").exists()
    [shown] = services.outreach_for_reader([Outreach.objects.get()], actor=cast.attorney)
    assert shown.summary_hidden is False
    read = AuditEvent.objects.get(action="outreach.read_privileged")
    assert read.after == {"outreach_ids": [outreach.pk]} and read.actor_id == cast.attorney.pk


def test_read_only_members_and_outsiders_cannot_log(case, cast):
    for user in (cast.read_only, cast.outsider):
        with pytest.raises(PermissionDenied):
            _call(case, user)
    assert not Outreach.objects.exists()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"office": None}, "counterpart"),
        ({"follow_up_on": TODAY - datetime.timedelta(days=1)}, "follow_up_on"),
    ],
)
def test_bad_links_are_refused_naming_the_field(case, cast, values, field):
    with pytest.raises(ValidationError) as refused:
        _call(case, cast.staff, **values)
    assert field in refused.value.message_dict
    assert not Outreach.objects.exists()


def test_links_to_another_case_or_team_are_refused(case, other_case, cast):
    foreign = _call(other_case, cast.outsider)
    with pytest.raises(ValidationError) as refused:
        _call(case, cast.staff, parent=foreign)
    assert "same case" in refused.value.message_dict["parent"][0]
    with pytest.raises(ValidationError) as refused:
        _call(case, cast.staff, team_members=[cast.outsider])
    assert "Out Sider" in refused.value.message_dict["team_members"][0]
    theirs = services.create_office(
        actor=cast.outsider,
        team=cast.other_team,
        jurisdiction="us-tx",
        name="Their newspaper",
        kind="press",
        role="no_formal_role",
    )
    with pytest.raises(ValidationError) as refused:
        _call(case, cast.staff, office=theirs)
    assert "office" in refused.value.message_dict
    assert theirs not in visible_offices(cast.staff)


def test_a_follow_up_is_open_until_a_follow_up_contact_is_logged(case, cast):
    first = _call(case, cast.staff, follow_up_on=TODAY + datetime.timedelta(days=3), next_step="Call back")
    assert list(open_follow_ups(cast.attorney)) == [first]
    assert list(open_follow_ups(cast.outsider)) == []
    scheduled = _call(
        case, cast.staff, parent=first, status="scheduled", date=TODAY + datetime.timedelta(days=3)
    )
    assert list(open_follow_ups(cast.attorney)) == [first], "a scheduled contact does not answer it"
    services.update_outreach(scheduled, actor=cast.staff, status="left_message")
    assert list(open_follow_ups(cast.attorney)) == []


def test_a_cancelled_contact_has_no_open_follow_up(case, cast):
    _call(case, cast.staff, follow_up_on=TODAY, status="cancelled")
    assert list(open_follow_ups(cast.staff)) == []


def test_a_student_cannot_change_a_privileged_contact(case, cast):
    outreach = _call(case, cast.attorney, summary="Our strategy", summary_privileged=True)
    with pytest.raises(PermissionDenied):
        services.update_outreach(outreach, actor=cast.student, subject="Changed")
    outreach.refresh_from_db()
    assert outreach.subject == "Ask for a meeting"


def test_a_shared_entry_is_edited_with_history_and_audit(cast, counsel):
    services.update_office(counsel, actor=cast.staff, phone="512-555-0199", reason="New direct line")
    counsel.refresh_from_db()
    assert counsel.phone == "512-555-0199"
    change = counsel.history.get(action="updated")
    assert change.changes == {"phone": ["", "512-555-0199"]} and change.reason == "New direct line"
    assert change.actor_name == "Test Staff"
    assert AuditEvent.objects.filter(action="directory.updated", object_id=str(counsel.pk)).exists()


def test_a_read_only_user_cannot_change_the_shared_directory(cast, counsel):
    with pytest.raises(PermissionDenied):
        services.update_office(counsel, actor=cast.read_only, phone="1")
    with pytest.raises(PermissionDenied):
        services.add_member(counsel, actor=cast.read_only, name="X", title="Y")
    assert not DirectoryChange.objects.filter(office=counsel).exclude(action="seeded").exists()


def test_a_member_with_an_end_before_the_start_is_refused(cast, counsel):
    with pytest.raises(ValidationError) as refused:
        services.add_member(
            counsel,
            actor=cast.staff,
            name="Dana Whitlock",
            title="General Counsel",
            served_from=datetime.date(2024, 1, 1),
            served_to=datetime.date(2023, 1, 1),
        )
    assert "served_to" in refused.value.message_dict


def test_a_member_is_added_and_updated_with_history(cast, counsel):
    member = services.add_member(
        counsel,
        actor=cast.staff,
        name="Dana Whitlock",
        title="General Counsel",
        served_from=timezone.localdate(),
    )
    services.update_member(member, actor=cast.attorney, served_to=timezone.localdate(), reason="Left office")
    actions = list(counsel.history.filter(member=member).values_list("action", flat=True))
    assert actions == ["member updated", "member added"]
