"""Read-side queries for the directory and the outreach log, restricted through accounts.access."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from clemency.accounts.access import restrict
from clemency.accounts.models import Membership
from clemency.advocacy.models import ATTEMPTED_STATUSES, Office, OfficeRole, Outreach, OutreachStatus


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def visible_offices(user: Any) -> QuerySet[Office]:
    """The shared directory and the user's teams' own entries; nothing for a visitor."""
    if not _active(user):
        return Office.objects.none()
    team_ids = list(Membership.objects.filter(user=user).values_list("team_id", flat=True))
    return Office.objects.filter(Q(team__isnull=True) | Q(team__in=team_ids)).select_related("team")


def visible_outreach(user: Any) -> QuerySet[Outreach]:
    queryset = Outreach.objects.select_related(
        "case", "case__person", "case__team", "petition", "office", "office_member", "parent"
    )
    return restrict(queryset, user, "case__team")


def follow_up_answered() -> Exists:
    """True where a later contact answering this one's next step was attempted (done, left a message,
    or unreachable): the follow-up is then done."""
    return Exists(Outreach.objects.filter(parent=OuterRef("pk"), status__in=list(ATTEMPTED_STATUSES)))


def with_follow_up_state(queryset: QuerySet[Outreach]) -> QuerySet[Outreach]:
    """Each contact with `follow_up_logged` (see `follow_up_answered`)."""
    return queryset.annotate(follow_up_logged=follow_up_answered())


def open_follow_ups(user: Any, *, until: datetime.date | None = None) -> QuerySet[Outreach]:
    """Follow-ups due (a date set, nothing logged against it yet, not cancelled), nearest first.

    These are deadlines: the dashboard and the calendar feed read them here rather than from a copy in
    the deadlines table, so logging the follow-up is all it takes to mark it done.
    """
    queryset = (
        visible_outreach(user)
        .filter(~follow_up_answered(), follow_up_on__isnull=False)
        .exclude(status=OutreachStatus.CANCELLED)
    )
    if until is not None:
        queryset = queryset.filter(follow_up_on__lte=until)
    return queryset.order_by("follow_up_on", "id")


def feed_follow_ups(user: Any, *, since: datetime.date) -> QuerySet[Outreach]:
    """Follow-ups for the calendar feed: open ones from `since` on, and logged ones as done."""
    return (
        with_follow_up_state(visible_outreach(user))
        .filter(follow_up_on__gte=since)
        .exclude(status=OutreachStatus.CANCELLED)
        .order_by("follow_up_on", "id")
    )


# The pathway's jurisdiction in the law's spelling, and the case's: the federal system is "us" there.
_LAW_TO_CASE = {"us": "federal", "us-dc": "federal"}


def deciding_office_for_pathway(pathway: str) -> Office | None:
    """The shared directory's office that decides in the pathway's jurisdiction (None if the directory
    has none, or several: then a person chooses)."""
    from clemency.law.pathway import Kind
    from clemency.law.registry import get_pathway

    try:
        found_pathway = get_pathway(pathway)
    except KeyError:
        return None
    if found_pathway.kind != Kind.EXECUTIVE_CLEMENCY:
        return None  # a court or an agency decides: not an office of the directory
    prefix = pathway.split(".", 1)[0]
    jurisdiction = _LAW_TO_CASE.get(prefix, prefix)
    found = list(
        Office.objects.filter(
            team__isnull=True,
            active=True,
            jurisdiction=jurisdiction,
            role=OfficeRole.DECIDES,
            kind__in=["chief_executive", "board"],
        )[:3]
    )
    if len(found) == 1:
        return found[0]
    # Where a board and the governor both decide (governor on board), the governor signs the grant.
    executives = [office for office in found if office.kind == "chief_executive"]
    return executives[0] if len(executives) == 1 else None


# The dashboard shows follow-ups overdue or due within this many days.
DASHBOARD_FOLLOW_UP_DAYS = 30
DASHBOARD_FOLLOW_UP_LIMIT = 50


def dashboard_follow_ups(user: Any, today: datetime.date) -> list[Outreach]:
    """Open follow-ups overdue or due within `DASHBOARD_FOLLOW_UP_DAYS`, each with `days_to`."""
    until = today + datetime.timedelta(days=DASHBOARD_FOLLOW_UP_DAYS)
    rows = list(open_follow_ups(user, until=until)[:DASHBOARD_FOLLOW_UP_LIMIT])
    for row in rows:
        row.days_to = (row.follow_up_on - today).days if row.follow_up_on else None  # type: ignore[attr-defined]
    return rows
