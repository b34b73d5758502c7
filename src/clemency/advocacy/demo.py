"""Demonstration outreach and decisions for the fictional demo cases (called by the demo seed after the
petitions and deadlines hooks).

Two stories, every person in them fictional:
- Oakhurst (federal drug life sentence): calls and letters to the Office of the Pardon Attorney, a
  meeting at the White House with the President's counsel's staff, then a commutation to time served.
- Ashgrove (Oklahoma death sentence): a series of calls to the Governor's counsel that go unanswered
  while the execution date approaches; the next follow-up is open on the dashboard.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from clemency.advocacy import services
from clemency.advocacy.models import Office, Outreach

DAY = datetime.timedelta(days=1)


def _office(key: str) -> Office | None:
    return Office.objects.filter(seed_key=key).first()


def _log(case: Any, actor: Any, today: datetime.date, days_ago: int, **values: Any) -> Outreach:
    values.setdefault("status", "done")
    follow_up_in = values.pop("follow_up_in", None)
    if follow_up_in is not None:
        values["follow_up_on"] = today + datetime.timedelta(days=follow_up_in)
    return services.log_outreach(
        case=case, actor=actor, team_members=[actor], date=today - days_ago * DAY, **values
    )


def _white_house_commutation(case: Any, actor: Any, today: datetime.date) -> int:
    from clemency.petitions.decisions import record_decision

    president, pardon_attorney = _office("federal.president"), _office("federal.pardon_attorney")
    petition = case.petitions.filter(pathway="us.commutation").first()
    if president is None or pardon_attorney is None or petition is None:
        return 0
    counsel = services.add_member(
        president,
        actor=actor,
        name="Miriam Okafor (fictional)",
        title="Associate Counsel to the President",
        served_from=today - 700 * DAY,
    )
    first = _log(
        case,
        actor,
        today,
        140,
        office=pardon_attorney,
        channel="call",
        petition=petition,
        subject="Status of the commutation petition",
        duration_minutes=15,
        summary="The staff attorney confirmed the file is complete and under review.",
        outcome="Answered; no timetable given.",
        next_step="Send the updated letters of support.",
        follow_up_in=-120,
    )
    _log(
        case,
        actor,
        today,
        120,
        office=pardon_attorney,
        channel="delivery",
        petition=petition,
        parent=first,
        subject="Delivery of 31 letters of support",
        summary="Letters from the warden, two correctional "
        "officers, the sentencing judge's successor and family members, sent by e-mail.",
        outcome="Receipt acknowledged; added to the case file.",
    )
    meeting = _log(
        case,
        actor,
        today,
        60,
        office=president,
        office_member=counsel,
        channel="meeting",
        petition=petition,
        subject="Meeting at the White House on long drug sentences",
        duration_minutes=45,
        summary="Presented Mr. Oakhurst's record with two other clients' files: the disparity with today's "
        "penalties, thirty years served, clean conduct.",
        summary_privileged=False,
        outcome="Counsel asked for a one-page summary and the release plan.",
        next_step="Send the one-page summary and the re-entry plan.",
        follow_up_in=-53,
    )
    _log(
        case,
        actor,
        today,
        53,
        office=president,
        office_member=counsel,
        channel="email",
        petition=petition,
        parent=meeting,
        subject="One-page summary and re-entry plan sent",
        outcome="Thanked us; said the file is with the President.",
    )
    record_decision(
        petition,
        actor=actor,
        confirmed=True,
        outcome="commutation_time_served",
        decided_on=today - 30 * DAY,
        decided_by=president,
        decided_by_name="The President (fictional administration)",
        new_release_date=today - 16 * DAY,
        conditions="Five years of supervised release; the warrant sets "
        "release on the 14th day after the grant.",
        custody_status="supervised_release",
    )
    return 4


def _unanswered_calls(case: Any, actor: Any, today: datetime.date) -> int:
    counsel_office = _office("us-ok.governor_counsel")
    if counsel_office is None:
        return 0
    counsel = services.add_member(
        counsel_office,
        actor=actor,
        name="Dana Whitlock (fictional)",
        title="General Counsel to the Governor",
    )
    common = {"office": counsel_office, "office_member": counsel, "petition": case.petitions.first()}
    previous = None
    made = 0
    calls = [
        (24, "call", "left_message", "Voicemail; asked for a meeting before the Board hearing."),
        (20, "call", "left_message", "Assistant took a message; no call back."),
        (16, "letter", "done", "Sent by e-mail and post; no answer."),
        (12, "call", "unreachable", "Line busy all afternoon."),
        (8, "call", "left_message", "Voicemail again; no reply."),
    ]
    for number, (days_ago, channel, status, outcome) in enumerate(calls, start=1):
        # Each contact follows up the one before; the last one's follow-up is still open, so it is on
        # the dashboard and in the calendar feed.
        follow_up_in = 2 if number == len(calls) else -days_ago + 4
        previous = _log(
            case,
            actor,
            today,
            days_ago,
            channel=channel,
            status=status,
            parent=previous,
            subject="Request to meet the Governor's counsel before the execution",
            outcome=outcome,
            next_step="Call again; ask the assistant for a time.",
            follow_up_in=follow_up_in,
            **common,
        )
        made += 1
    return made


def seed(cases_by_key: dict[str, Any], actor: Any) -> int:
    """Create the demo outreach and decisions for the cases present; returns how many contacts."""
    today = timezone.localdate()
    made = 0
    if "federal_drug_life" in cases_by_key:
        made += _white_house_commutation(cases_by_key["federal_drug_life"], actor, today)
    if "oklahoma_death_clemency" in cases_by_key:
        made += _unanswered_calls(cases_by_key["oklahoma_death_clemency"], actor, today)
    return made
