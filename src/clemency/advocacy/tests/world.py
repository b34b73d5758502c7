"""The advocacy and decision records of the generated permission tests' world
(web/tests/permission_registry.py): a team's own office with a person in it, a contact whose summary is
privileged, a decided petition and a categorical action."""

from __future__ import annotations

import datetime as dt
from typing import Any


def advocacy_objects(cast: Any, case: Any, marker: str, privileged: str) -> dict[str, Any]:
    from clemency.advocacy.models import Office, OfficeMember, Outreach
    from clemency.petitions.models import CategoricalAction, Petition, PetitionDecision

    # The team's own entry: a shared one is seen by every signed-in user, so it cannot test a 404.
    office = Office.objects.create(
        team=case.team,
        jurisdiction="us-wi",
        name=f"Office of Senator {marker}",
        kind="legislator",
        role="no_formal_role",
    )
    member = OfficeMember.objects.create(office=office, name=f"Aide {marker}", title="Chief of staff")
    outreach = Outreach.objects.create(
        case=case,
        date=dt.date(2026, 10, 1),
        office=office,
        office_member=member,
        channel="call",
        status="done",
        subject=f"Call {marker}",
        summary=f"Strategy {privileged}",
        summary_privileged=True,
        follow_up_on=dt.date(2027, 2, 1),
        next_step=f"Call again {marker}",
    )
    decided = Petition.objects.create(
        case=case,
        pathway="us-wi.pardon",
        title=f"Decided pardon {marker}",
        deciding_authority="Governor",
        status="granted",
        filed_on=dt.date(2026, 1, 5),
        decided_on=dt.date(2026, 9, 1),
    )
    decision = PetitionDecision.objects.create(
        petition=decided,
        outcome="full_pardon",
        decided_on=dt.date(2026, 9, 1),
        conditions=f"Terms {marker}",
    )
    action = CategoricalAction.objects.create(
        team=case.team,
        title=f"Proclamation {marker}",
        outcome="full_pardon",
        decided_on=dt.date(2026, 8, 1),
    )
    action.cases.add(case)
    return {
        "office": office,
        "office_member": member,
        "outreach": outreach,
        "decided_petition": decided,
        "decision": decision,
        "categorical_action": action,
    }
