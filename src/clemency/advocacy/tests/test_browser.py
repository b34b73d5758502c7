"""In a real Chromium: log a call with a governor's counsel with a follow-up, see the follow-up on the
dashboard and in the calendar feed, record a commutation with its new release date and see the case's
custody, eligibility and execution date change."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from clemency.advocacy.models import Office
from clemency.cases.models import Conviction, Sentence
from clemency.conftest import sign_in
from clemency.deadlines.models import Deadline
from clemency.petitions import services as petition_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def texas_case(cast):
    """A Texas death sentence with an execution date and a filed application for commutation."""
    from clemency.petitions.tests.conftest import make_case

    case = make_case(cast.team, "Rufus", "Fictional")
    case.person.custody_status = "death_row"
    case.person.save()
    conviction = Conviction.objects.create(
        case=case,
        jurisdiction="us-tx",
        offense_date=datetime.date(1999, 3, 1),
        conviction_date=datetime.date(2000, 5, 1),
        sentencing_date=datetime.date(2000, 6, 1),
    )
    Sentence.objects.create(
        conviction=conviction, sentence_type="death", custody_start_date=datetime.date(1999, 3, 2)
    )
    today = timezone.localdate()
    Deadline.objects.create(
        case=case, kind="execution", date=today + datetime.timedelta(days=45), title="Scheduled execution"
    )
    petition = petition_services.create_petition(
        case=case, actor=cast.attorney, pathway="us-tx.death_commutation", title="Application for commutation"
    )
    petition_services.file_petition(petition, actor=cast.attorney, on=today - datetime.timedelta(days=20))
    return case


def _eligibility(page):
    return page.locator("#eligibility-panel").inner_text()


def test_a_call_a_follow_up_and_a_commutation(browser_page, cast, texas_case, live_server):
    page = browser_page
    today = timezone.localdate()
    follow_up = today + datetime.timedelta(days=4)
    counsel = Office.objects.get(seed_key="us-tx.governor_counsel")
    sign_in(page, "attorney")

    page.goto(f"/cases/{texas_case.pk}/")
    eligibility_before = _eligibility(page)
    assert page.locator("p.execution").count() == 1
    page.get_by_role("link", name="Log a contact").click()
    page.get_by_label("Channel").select_option("call")
    page.get_by_label("Office contacted").select_option(str(counsel.pk))
    page.get_by_label("Subject").fill("Ask the Governor's counsel for a meeting")
    page.get_by_label("How long (minutes)").fill("20")
    page.get_by_label("Next step").fill("Call the counsel back about a meeting date")
    page.get_by_label("Follow-up date").fill(follow_up.isoformat())
    page.get_by_role("button", name="Log contact").click()
    assert page.locator("#outreach-follow-up").inner_text().startswith(follow_up.isoformat())
    assert "open" in page.locator("#outreach-follow-up").inner_text()

    page.goto("/")
    follow_ups = page.locator("#dashboard-follow-ups")
    assert "Call the counsel back about a meeting date" in follow_ups.inner_text()
    assert "in 4 days" in follow_ups.inner_text()
    cast.attorney.refresh_from_db()
    feed = page.request.get(f"{live_server.url}/deadlines/calendar/{cast.attorney.calendar_token}.ics").text()
    assert "Follow-up: Ask the Governor's counsel for a meeting" in feed.replace("\r\n ", "")
    assert f"DTSTART;VALUE=DATE:{follow_up:%Y%m%d}" in feed

    page.goto(f"/cases/{texas_case.pk}/")
    page.get_by_role("link", name="Application for commutation").click()
    page.get_by_role("link", name="Record the decision").click()
    page.get_by_label("Outcome").select_option("commutation_term")
    page.get_by_label("Date of the decision").fill(today.isoformat())
    page.get_by_label("New release date").fill((today + datetime.timedelta(days=3650)).isoformat())
    page.get_by_label("New term (days)").fill("14600")
    page.get_by_label("Conditions").fill("Death sentence commuted to forty years")
    page.get_by_role("button", name="Record the decision").click()
    page.locator("#confirm-decision").wait_for()
    assert "Confirm: Granted: commutation to a shorter term" in page.locator("#confirm-decision").inner_text()
    page.get_by_role("button", name="Confirm and record").click()
    assert page.locator("#petition-status").inner_text() == "Granted"
    assert "New release date" in page.locator("#petition-decisions").inner_text()

    page.goto(f"/cases/{texas_case.pk}/")
    assert page.locator("p.execution").count() == 0, "the commutation closed the execution date"
    assert "(In custody)" in page.content(), "off death row, still serving"
    assert _eligibility(page) != eligibility_before
    page.goto(f"/advocacy/case/{texas_case.pk}/timeline/")
    timeline = page.locator("#case-timeline").inner_text()
    assert "Granted: commutation to a shorter term" in timeline and "Ask the Governor's counsel" in timeline
    assert "met" in timeline  # the execution date, closed by the commutation
