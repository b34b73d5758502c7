"""The per-user iCalendar feed: every deadline of every case the user can see."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

import icalendar

from clemency.deadlines.models import Deadline

# Execution dates get reminders a week and a day before; other deadlines rely on the user's calendar.
EXECUTION_REMINDERS = (datetime.timedelta(days=7), datetime.timedelta(days=1))


CaseUrl = Callable[[int], str] | None


def build_calendar(
    deadlines: Iterable[Deadline],
    *,
    case_url: CaseUrl = None,
    host: str = "clemency",
    extra_events: Iterable[icalendar.Event] = (),
) -> bytes:
    """`case_url` turns a case id into the address of its page, for the event's link."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Clemency//Deadlines//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Clemency deadlines")
    cal.add("calscale", "GREGORIAN")
    for deadline in deadlines:
        cal.add_component(_event(deadline, case_url=case_url, host=host))
    # Dated items other apps keep as deadlines of their own (outreach follow-ups).
    for event in extra_events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def _event(deadline: Deadline, *, case_url: CaseUrl, host: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"deadline-{deadline.pk}@{host}")
    event.add("dtstamp", deadline.updated_at)
    summary = f"{deadline.get_kind_display()}: {deadline.title} ({deadline.case})"
    event.add("summary", f"✓ {summary}" if deadline.done else summary)
    if deadline.time is None:
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + datetime.timedelta(days=1))
    else:
        # In the zone where it happens, so every subscriber sees it at the right moment.
        start = datetime.datetime.combine(deadline.date, deadline.time, tzinfo=deadline.zone)
        event.add("dtstart", start)
        event.add("dtend", start + datetime.timedelta(hours=1))
    lines = [f"Source: {deadline.source}" if deadline.source else "Source: not recorded"]
    if case_url is not None:
        url = case_url(deadline.case_id)
        event.add("url", url)
        lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("categories", [deadline.get_kind_display()])
    event.add("status", "CONFIRMED")
    if deadline.is_execution and not deadline.done:
        for before in EXECUTION_REMINDERS:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", -before)
            event.add_component(alarm)
    return event
