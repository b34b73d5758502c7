from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from clemency.audit.models import AuditEvent
from clemency.deadlines import services
from clemency.deadlines.models import Deadline, DeadlineKind


def _execution(case, actor):
    return services.create_deadline(
        case=case,
        actor=actor,
        kind=DeadlineKind.EXECUTION,
        date=datetime.date(2027, 3, 14),
        time=datetime.time(18, 0),
        title="Scheduled execution",
        source="warrant of execution",
    )


def test_create_records_the_deadline_and_an_audit_event(case, cast):
    deadline = _execution(case, cast.attorney)
    assert deadline.source == "warrant of execution" and not deadline.done
    event = AuditEvent.objects.get(action="deadline.created")
    assert event.case_id == case.pk and event.after["date"] == "2027-03-14"


def test_an_unknown_kind_is_refused_naming_kind(case, cast):
    with pytest.raises(ValidationError) as refused:
        services.create_deadline(
            case=case, actor=cast.attorney, kind="party", date=datetime.date(2027, 1, 1), title="x"
        )
    assert "kind" in refused.value.message_dict
    assert not Deadline.objects.exists()


def test_marking_done_and_undone_is_recorded_once_each(case, cast):
    deadline = _execution(case, cast.attorney)
    deadline = services.mark_deadline_done(deadline, actor=cast.staff)
    assert deadline.done and deadline.done_by == cast.staff and deadline.done_at is not None
    services.mark_deadline_done(deadline, actor=cast.staff)  # already done: no second event
    deadline = services.mark_deadline_undone(deadline, actor=cast.staff)
    assert not deadline.done and deadline.done_by is None and deadline.done_at is None
    actions = list(
        AuditEvent.objects.filter(action__startswith="deadline.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["deadline.created", "deadline.done", "deadline.undone"]


def test_update_and_delete_are_audited(case, cast):
    deadline = _execution(case, cast.attorney)
    deadline = services.update_deadline(
        deadline, actor=cast.attorney, date=datetime.date(2027, 4, 1), source="amended warrant"
    )
    assert deadline.date == datetime.date(2027, 4, 1)
    with pytest.raises(ValidationError) as refused:
        services.update_deadline(deadline, actor=cast.attorney, done=True)
    assert "done" in refused.value.message_dict
    pk = deadline.pk
    services.delete_deadline(deadline, actor=cast.attorney)
    assert not Deadline.objects.exists()
    deleted = AuditEvent.objects.get(action="deadline.deleted")
    assert deleted.before["source"] == "amended warrant" and deleted.object_id == str(pk)


def test_rotating_the_calendar_token_changes_it_and_logs_no_secret(cast):
    old = cast.staff.calendar_token
    new = services.rotate_calendar_token(cast.staff, actor=cast.staff)
    cast.staff.refresh_from_db()
    assert new != old and cast.staff.calendar_token == new
    event = AuditEvent.objects.get(action="calendar_token.rotated")
    assert new not in str(event.after) and old not in str(event.after)


@pytest.mark.parametrize(
    ("day", "says"),
    [(datetime.date(9999, 12, 31), "2199 or earlier"), (datetime.date(1, 1, 1), "1900 or later")],
)
def test_a_date_out_of_any_real_range_is_refused_naming_date(case, cast, day, says):
    with pytest.raises(ValidationError) as refused:
        services.create_deadline(
            case=case, actor=cast.attorney, kind=DeadlineKind.FILING, date=day, title="x"
        )
    assert says in refused.value.message_dict["date"][0]
    assert not Deadline.objects.exists()


def test_a_time_zone_without_a_time_is_refused_naming_time_zone(case, cast):
    with pytest.raises(ValidationError) as refused:
        services.create_deadline(
            case=case,
            actor=cast.attorney,
            kind=DeadlineKind.HEARING,
            title="x",
            date=datetime.date(2027, 1, 5),
            time_zone="America/Chicago",
        )
    assert "goes with a time" in refused.value.message_dict["time_zone"][0]
    with pytest.raises(ValidationError) as refused:
        services.create_deadline(
            case=case,
            actor=cast.attorney,
            kind=DeadlineKind.HEARING,
            title="x",
            date=datetime.date(2027, 1, 5),
            time=datetime.time(9),
            time_zone="Mars/Olympus",
        )
    assert "time_zone" in refused.value.message_dict
    assert not Deadline.objects.exists()


def test_the_abbreviation_follows_daylight_saving(case, cast):
    winter = services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind=DeadlineKind.HEARING,
        title="w",
        date=datetime.date(2027, 1, 5),
        time=datetime.time(9),
        time_zone="America/Chicago",
    )
    summer = services.update_deadline(winter, actor=cast.attorney, date=datetime.date(2027, 7, 5))
    assert (winter.time_zone_abbreviation, summer.time_zone_abbreviation) == ("CST", "CDT")
