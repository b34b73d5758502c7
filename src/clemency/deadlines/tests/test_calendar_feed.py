from __future__ import annotations

import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone

from clemency.deadlines import services
from clemency.deadlines.models import DeadlineKind


def _feed(client, user):
    user.refresh_from_db()
    return client.get(reverse("deadlines:feed", args=[user.calendar_token]))


def test_the_feed_holds_only_deadlines_of_visible_cases_without_signing_in(client, cast, case, other_case):
    today = timezone.localdate()
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind=DeadlineKind.EXECUTION,
        title="Scheduled execution",
        date=today + datetime.timedelta(days=30),
        time=datetime.time(18, 0),
        source="warrant of execution",
    )
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind=DeadlineKind.FILING,
        title="Petition due",
        date=today + datetime.timedelta(days=10),
        source="28 C.F.R. 1.10(b)",
    )
    services.create_deadline(
        case=other_case,
        actor=cast.outsider,
        kind=DeadlineKind.HEARING,
        title="Secret hearing",
        date=today + datetime.timedelta(days=5),
    )
    response = _feed(client, cast.volunteer)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Execution date: Scheduled execution (Clemency for Ada Fictional)",
        "Filing deadline: Petition due (Clemency for Ada Fictional)",
    }
    execution = events["Execution date: Scheduled execution (Clemency for Ada Fictional)"]
    assert execution.decoded("dtstart").hour == 18
    assert "warrant of execution" in str(execution["description"])
    assert len(execution.walk("VALARM")) == 2
    all_day = events["Filing deadline: Petition due (Clemency for Ada Fictional)"]
    assert all_day.decoded("dtstart") == today + datetime.timedelta(days=10)  # a date: all day
    assert str(all_day["url"]).endswith(reverse("cases:detail", args=[case.pk]))


def test_a_bad_token_is_404(client, cast):
    assert client.get(reverse("deadlines:feed", args=["not-a-token"])).status_code == 404


def test_a_deactivated_user_feed_is_404(client, cast):
    cast.staff.is_active = False
    cast.staff.save()
    assert _feed(client, cast.staff).status_code == 404


def test_rotating_the_token_cuts_off_the_old_link(client, cast):
    old_url = reverse("deadlines:feed", args=[cast.staff.calendar_token])
    client.force_login(cast.staff)
    page = client.get(reverse("deadlines:calendar"))
    assert cast.staff.calendar_token in page.content.decode()
    assert client.get(reverse("deadlines:rotate_token")).status_code == 405  # a change needs POST
    assert client.post(reverse("deadlines:rotate_token")).status_code == 302
    client.logout()
    assert client.get(old_url).status_code == 404
    assert _feed(client, cast.staff).status_code == 200


def test_a_time_is_placed_in_its_own_time_zone(client, cast, case):
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind=DeadlineKind.EXECUTION,
        title="Huntsville",
        date=datetime.date(2027, 1, 20),
        time=datetime.time(18, 0),
        time_zone="America/Chicago",
    )
    calendar = icalendar.Calendar.from_ical(_feed(client, cast.staff).content)
    [event] = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    # 18:00 Central is midnight UTC in January, whatever the site's own time zone.
    assert start.astimezone(datetime.UTC) == datetime.datetime(2027, 1, 21, 0, 0, tzinfo=datetime.UTC)
    assert "America/Chicago" in [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")]
