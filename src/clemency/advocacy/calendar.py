"""Outreach follow-ups as calendar events, for the per-user feed built by the deadlines app."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator

import icalendar

from clemency.advocacy.models import Outreach


def follow_up_events(
    rows: Iterable[Outreach], *, case_url: Callable[[int], str] | None = None, host: str = "clemency"
) -> Iterator[icalendar.Event]:
    """One all-day event per follow-up date; a follow-up already logged is marked done (✓), like a
    deadline marked done. `rows` carry `follow_up_logged` (selectors.with_follow_up_state)."""
    for row in rows:
        if row.follow_up_on is None:
            continue
        event = icalendar.Event()
        event.add("uid", f"outreach-follow-up-{row.pk}@{host}")
        event.add("dtstamp", row.updated_at)
        summary = f"Follow-up: {row.subject} ({row.case})"
        event.add("summary", f"✓ {summary}" if getattr(row, "follow_up_logged", False) else summary)
        event.add("dtstart", row.follow_up_on)
        event.add("dtend", row.follow_up_on + datetime.timedelta(days=1))
        lines = [f"With: {row.who}"]
        if row.next_step:
            lines.append(f"Next step: {row.next_step}")
        if case_url is not None:
            url = case_url(row.case_id)
            event.add("url", url)
            lines.append(url)
        event.add("description", "\n".join(lines))
        event.add("categories", ["Follow-up"])
        event.add("status", "CONFIRMED")
        yield event
