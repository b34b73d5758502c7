"""The team's results: counts by outcome, grant rates against the public record, time to decision,
open petitions by age and deadlines kept, each from the petitions the user may see."""

from __future__ import annotations

import datetime

from django.utils import timezone

from clemency.accounts.access import restrict
from clemency.deadlines.models import Deadline
from clemency.outcomes import team
from clemency.petitions.models import Petition, PetitionStatus

from .conftest import make_petition

D = datetime.date
TODAY = D(2026, 12, 1)


def _visible(user):
    return team.petition_groups(restrict(Petition.objects.all(), user, "case__team"))


def test_petitions_by_pathway_and_outcome_count_every_status(cast, case, other_case):
    make_petition(case, "us.commutation", "The President", PetitionStatus.DRAFT)
    make_petition(case, "us.commutation", "The President", PetitionStatus.DENIED)
    make_petition(case, "us-wi.pardon", "Governor of Wisconsin", PetitionStatus.GRANTED)
    make_petition(other_case, "us.commutation", "The President", PetitionStatus.GRANTED)
    chart = team.by_outcome(_visible(cast.staff), "pathway", "k", "t", "Pathway")
    assert chart.columns == ["Pathway", *PetitionStatus.labels, "Total"]
    found = {row[0]: dict(zip(chart.columns[1:], row[1:], strict=True)) for row in chart.rows}
    assert list(found) == ["us.commutation", "us-wi.pardon"]
    assert found["us.commutation"]["Draft"] == 1 and found["us.commutation"]["Denied"] == 1
    assert found["us.commutation"]["Total"] == 2 and found["us.commutation"]["Granted"] == 0
    assert found["us-wi.pardon"]["Granted"] == 1 and found["us-wi.pardon"]["Total"] == 1


def test_the_grant_rate_leaves_out_pending_and_withdrawn_and_meets_the_public_baseline(cast, case):
    for status in [
        PetitionStatus.GRANTED,
        PetitionStatus.DENIED,
        PetitionStatus.DENIED,
        PetitionStatus.DENIED,
        PetitionStatus.WITHDRAWN,
        PetitionStatus.FILED,
    ]:
        make_petition(case, "us.commutation", "The President", status)
    make_petition(case, "us-wi.pardon", "Governor of Wisconsin", PetitionStatus.GRANTED)
    rows = {row[0]: row for row in team.grant_rates(_visible(cast.staff)).rows}
    assert rows["The President"][1:5] == [1, 3, 25.0, 28.6]
    assert "14,867 petitions" in rows["The President"][5]
    # Wisconsin publishes no application counts in the shipped record: no baseline, said so.
    assert rows["Governor of Wisconsin"][3:] == [100.0, None, "no public baseline in the shipped record"]


def test_median_days_to_decision_per_decision_maker_and_overall(cast, case):
    for filed, decided in [
        (D(2026, 1, 1), D(2026, 1, 11)),
        (D(2026, 1, 1), D(2026, 1, 31)),
        (D(2026, 1, 1), D(2026, 4, 10)),
    ]:
        make_petition(
            case, "us.commutation", "The President", PetitionStatus.DENIED, filed_on=filed, decided_on=decided
        )
    make_petition(
        case,
        "us-wi.pardon",
        "Governor of Wisconsin",
        PetitionStatus.GRANTED,
        filed_on=D(2026, 2, 1),
        decided_on=D(2026, 2, 5),
    )
    make_petition(case, "us-wi.pardon", "Governor of Wisconsin", PetitionStatus.GRANTED)  # no dates: left out
    rows = team.days_to_decision(_visible(cast.staff)).rows
    assert rows == [["Governor of Wisconsin", 1, 4], ["The President", 3, 30], ["All decision makers", 4, 20]]


def test_open_petitions_by_age_with_unknown_filing_dates_apart(cast, case):
    for days in [0, 89, 90, 400, 800]:
        make_petition(
            case,
            "us.commutation",
            "The President",
            PetitionStatus.FILED,
            filed_on=TODAY - datetime.timedelta(days=days),
        )
    make_petition(case, "us.commutation", "The President", PetitionStatus.UNDER_REVIEW)
    make_petition(case, "us.commutation", "The President", PetitionStatus.GRANTED, filed_on=TODAY)
    rows = team.open_by_age(_visible(cast.staff), TODAY).rows
    assert rows == [
        ["Under 90 days", 2],
        ["90 to 179 days", 1],
        ["180 to 364 days", 0],
        ["1 to 2 years", 1],
        ["2 years or more", 1],
        ["Filing date unknown or in the future", 1],
    ]


def test_deadlines_met_late_missed_and_ahead(cast, case):
    def deadline(date, done_on=None):
        done_at = (
            timezone.make_aware(datetime.datetime.combine(done_on, datetime.time(12))) if done_on else None
        )
        return Deadline.objects.create(
            case=case, kind="filing", date=date, title="File", done=done_on is not None, done_at=done_at
        )

    deadline(D(2026, 11, 1), D(2026, 10, 30))
    deadline(D(2026, 11, 1), D(2026, 11, 3))
    deadline(D(2026, 11, 20))
    deadline(D(2026, 12, 20))
    chart = team.deadlines_kept(restrict(Deadline.objects.all(), cast.staff, "case__team"), TODAY)
    assert [row[1] for row in chart.rows] == [1, 1, 1, 1]
    assert chart.rows[2][0] == "Missed (past and not done)"


def test_the_decision_maker_is_the_directory_office_where_the_petition_names_one(cast, case):
    from clemency.advocacy.models import Office

    office = Office.objects.filter(team__isnull=True).order_by("pk").first()
    assert office is not None  # the shared directory is seeded by a migration
    make_petition(case, "us.commutation", "written by hand", PetitionStatus.DENIED, deciding_office=office)
    make_petition(case, "us.commutation", "Written by hand", PetitionStatus.GRANTED)
    rows = {row[0] for row in team.grant_rates(_visible(cast.staff)).rows}
    assert rows == {office.name, "Written by hand"}


def test_the_public_baseline_follows_the_deciding_offices_jurisdiction(cast, case):
    from clemency.advocacy.models import Office

    president = Office.objects.get(seed_key="federal.president")
    # A pathway of another jurisdiction, but the directory says the President decides.
    make_petition(case, "us-wi.pardon", "", PetitionStatus.DENIED, deciding_office=president)
    (row,) = team.grant_rates(_visible(cast.staff)).rows
    assert row[0] == president.name and row[4] == 28.6
