"""The demonstration data tells the two stories with outreach and decisions."""

from __future__ import annotations

from clemency.advocacy.models import Outreach
from clemency.advocacy.selectors import open_follow_ups
from clemency.petitions.models import PetitionDecision
from clemency.web import demo


def test_the_demo_shows_a_white_house_meeting_before_a_commutation_and_unanswered_calls(db):
    cases = demo.seed()
    oakhurst, ashgrove = cases["federal_drug_life"], cases["oklahoma_death_clemency"]
    meeting = Outreach.objects.get(case=oakhurst, channel="meeting")
    assert meeting.office.seed_key == "federal.president"
    decision = PetitionDecision.objects.get(petition__case=oakhurst)
    assert decision.outcome == "commutation_time_served" and decision.decided_on > meeting.date
    oakhurst.person.refresh_from_db()
    assert oakhurst.person.custody_status == "supervised_release"
    calls = Outreach.objects.filter(case=ashgrove).order_by("date")
    assert calls.count() == 5
    assert {call.status for call in calls} <= {"left_message", "unreachable", "done"}
    assert all(call.parent_id == previous.pk for previous, call in zip(calls, calls[1:], strict=False))
    attorney = oakhurst.team.memberships.get(user__username="demo-attorney").user
    assert [row.case for row in open_follow_ups(attorney)] == [ashgrove]
    assert demo.seed() == cases, "seeding again adds nothing"
    assert Outreach.objects.count() == 9
