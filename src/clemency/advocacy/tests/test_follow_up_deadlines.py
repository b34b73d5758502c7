"""Follow-up dates are deadlines: on the dashboard and in the calendar feed, done once logged."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from clemency.advocacy import services
from clemency.advocacy.models import Office


@pytest.fixture
def follow_up(case, cast):
    return services.log_outreach(
        case=case,
        actor=cast.staff,
        date=timezone.localdate(),
        channel="call",
        subject="Ask for a meeting",
        office=Office.objects.get(seed_key="us-tx.governor_counsel"),
        next_step="Call the counsel back",
        follow_up_on=timezone.localdate() + datetime.timedelta(days=3),
    )


def _feed(client, user):
    response = client.get(reverse("deadlines:feed", kwargs={"token": user.calendar_token}))
    assert response.status_code == 200
    return [
        component
        for component in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        if str(component["uid"]).startswith("outreach-follow-up-")
    ]


def test_an_open_follow_up_is_on_the_dashboard_until_it_is_logged(client, cast, case, follow_up):
    client.force_login(cast.attorney)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Call the counsel back" in html and "in 3 days" in html
    services.log_outreach(
        case=case,
        actor=cast.staff,
        date=timezone.localdate(),
        channel="call",
        subject="Called back",
        office=follow_up.office,
        parent=follow_up,
    )
    html = client.get(reverse("dashboard")).content.decode()
    assert "Call the counsel back" not in html and "No follow-ups due" in html


def test_an_outsider_does_not_see_the_follow_up(client, cast, follow_up):
    client.force_login(cast.outsider)
    assert "Call the counsel back" not in client.get(reverse("dashboard")).content.decode()
    assert _feed(client, cast.outsider) == []


def test_the_feed_carries_the_follow_up_and_marks_it_done_once_logged(client, cast, case, follow_up):
    [event] = _feed(client, cast.staff)
    assert event.decoded("dtstart") == follow_up.follow_up_on
    assert str(event["summary"]).startswith("Follow-up: Ask for a meeting")
    assert "Call the counsel back" in str(event["description"])
    services.log_outreach(
        case=case,
        actor=cast.staff,
        date=timezone.localdate(),
        channel="email",
        subject="Wrote instead",
        office=follow_up.office,
        parent=follow_up,
    )
    [event] = _feed(client, cast.staff)
    assert str(event["summary"]).startswith("✓ Follow-up")
