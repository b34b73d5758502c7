"""Demonstration deadlines for the fictional demo cases (called by the cases app's demo seed).

Dates are relative to the day the demo is loaded so that the dashboard always has something ahead.
The sources are written as a team would note them; the rule citations were not checked against the
current text of the regulations (verified: false) and are not used for any computation.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from clemency.deadlines import services
from clemency.deadlines.models import DeadlineKind, TimeZone

# (case key, kind, days from today, time, title, source, done); times are kept where they happen
DEMO_DEADLINES: list[tuple[str, str, int, datetime.time | None, str, str, bool]] = [
    (
        "federal_death",
        DeadlineKind.EXECUTION,
        58,
        datetime.time(18, 0),
        "Scheduled execution",
        "Notice of execution date from the Bureau of Prisons",
        False,
    ),
    (
        "federal_death",
        DeadlineKind.FILING,
        2,
        None,
        "Clemency petition due (30 days after notice)",
        "28 C.F.R. 1.10(b)",
        True,
    ),
    (
        "federal_death",
        DeadlineKind.FILING,
        12,
        None,
        "Supplemental materials to the Pardon Attorney",
        "Office of the Pardon Attorney letter",
        False,
    ),
    (
        "texas_death_dna",
        DeadlineKind.EXECUTION,
        94,
        datetime.time(18, 0),
        "Scheduled execution",
        "Order setting execution date",
        False,
    ),
    (
        "texas_death_dna",
        DeadlineKind.FILING,
        73,
        None,
        "Clemency application to the Board of Pardons and Paroles",
        "37 Tex. Admin. Code 143.43 (21 days before execution)",
        False,
    ),
    (
        "texas_death_dna",
        DeadlineKind.HEARING,
        21,
        datetime.time(9, 30),
        "Hearing on the Chapter 64 DNA motion",
        "Court's scheduling order",
        False,
    ),
    (
        "oklahoma_death_clemency",
        DeadlineKind.EXECUTION,
        40,
        datetime.time(10, 0),
        "Scheduled execution",
        "Order of the Court of Criminal Appeals",
        False,
    ),
    (
        "oklahoma_death_clemency",
        DeadlineKind.HEARING,
        19,
        datetime.time(9, 0),
        "Pardon and Parole Board clemency hearing",
        "Board's hearing notice",
        False,
    ),
    (
        "oklahoma_death_clemency",
        DeadlineKind.FILING,
        9,
        None,
        "Clemency packet and witness list due",
        "Board's hearing notice",
        False,
    ),
    (
        "federal_drug_life",
        DeadlineKind.OTHER,
        30,
        None,
        "Ask the Pardon Attorney for a status update",
        "Team practice: every 90 days",
        False,
    ),
    (
        "wisconsin_juvenile_life",
        DeadlineKind.FILING,
        45,
        None,
        "Commutation application to the Pardon Advisory Board",
        "Board's application calendar",
        False,
    ),
    (
        "tennessee_juvenile_51",
        DeadlineKind.HEARING,
        120,
        datetime.time(13, 0),
        "Board of Parole hearing",
        "Board's notice",
        False,
    ),
    (
        "federal_simple_possession",
        DeadlineKind.OTHER,
        -20,
        None,
        "Send the pardon certificate to the client",
        "",
        True,
    ),
]


# Where the timed events happen: the federal death row is at Terre Haute, Indiana (Eastern); the
# Texas, Oklahoma and Tennessee proceedings are in Central time.
DEMO_TIME_ZONES = {
    "federal_death": TimeZone.EASTERN,
    "texas_death_dna": TimeZone.CENTRAL,
    "oklahoma_death_clemency": TimeZone.CENTRAL,
    "tennessee_juvenile_51": TimeZone.CENTRAL,
}


def seed(cases_by_key: dict[str, Any], actor: Any) -> int:
    today = timezone.localdate()
    made = 0
    for key, kind, days, time, title, source, done in DEMO_DEADLINES:
        case = cases_by_key.get(key)
        if case is None:
            continue
        deadline = services.create_deadline(
            case=case,
            actor=actor,
            confirm_past=True,  # the demonstration has overdue and done deadlines on purpose
            kind=kind,
            title=title,
            source=source,
            date=today + datetime.timedelta(days=days),
            time=time,
            time_zone=DEMO_TIME_ZONES.get(key, "") if time else "",
        )
        if done:
            services.mark_deadline_done(deadline, actor=actor)
        made += 1
    return made
