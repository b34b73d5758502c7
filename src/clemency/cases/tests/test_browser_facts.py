"""In a real Chromium: the Wisconsin case of issue 15 entered through the pages, its questions answered."""

from __future__ import annotations

import pytest

from clemency.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_wisconsin_life_case_shows_the_felony_from_its_charge_and_answers_a_question_in_place(
    browser_page, cast
):
    from playwright.sync_api import expect

    page = browser_page
    sign_in(page, "attorney")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.get_by_role("link", name="Add a person").click()
    page.get_by_label("Given name").fill("Tobias")
    page.get_by_label("Family name").fill("Fernwood")
    page.get_by_label("Date of birth").fill("1989-01-10")
    page.get_by_label("Custody status").select_option("in_custody")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Tobias Fernwood").wait_for()
    page.get_by_role("link", name="Open a case").click()
    page.get_by_label("Title").fill("Fernwood pardon")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Fernwood pardon").wait_for()

    page.get_by_role("link", name="Add a conviction").click()
    page.get_by_label("Jurisdiction").select_option("us-wi")
    page.get_by_label("Offense date").fill("2005-06-01")
    page.get_by_label("Sentencing date").fill("2006-02-01")
    page.get_by_label("Sentence type").select_option("life")
    page.get_by_role("button", name="Save conviction").click()
    page.get_by_role("heading", name="Fernwood pardon").wait_for()
    page.get_by_text("Add a charge").click()
    page.get_by_label("Statute citation").fill("Wis. Stat. 940.01(1)(a), Class A felony")
    page.get_by_label("Offense category").select_option("violent")
    page.get_by_role("button", name="Add charge").click()
    page.get_by_role("heading", name="Fernwood pardon").wait_for()

    pardon = page.locator("#pathway-us-wipardon")
    pardon.locator("summary").click()
    felony = pardon.get_by_role("row").filter(has_text="Wisconsin felony")
    assert "Met" in felony.inner_text() and "not known" not in felony.inner_text()
    # A life sentence being served never completes: the pardon is a definite answer, no questions.
    assert "Not eligible" in pardon.locator("summary").inner_text()
    assert pardon.locator("[id^='question-us-wipardon-']").count() == 0

    # The case's federal habeas pathway still has questions; one answered in place changes the count.
    habeas = page.locator("#pathway-ushabeas_2254")
    assert "Needs review: 4 questions" in habeas.locator("summary").inner_text()
    habeas.locator("summary").click()
    question = habeas.locator("#question-ushabeas_2254-state_postconviction_tolled_days")
    question.get_by_role("spinbutton").fill("120")
    question.get_by_label("Source").select_option("record")
    question.get_by_label("Which document, record or person").fill("CCAP docket, 3 December")
    question.get_by_role("button", name="Save answer").click()
    habeas = page.locator("#pathway-ushabeas_2254")
    expect(habeas.locator("summary")).to_contain_text("Needs review: 3 questions")  # waits for the swap
    assert habeas.locator("#question-ushabeas_2254-state_postconviction_tolled_days").count() == 0

    page.get_by_role("link", name="Every fact of this case").click()
    row = page.locator("#fact-felony_convictions_in_state_count")
    assert "from conviction 1, charge 1: Wis. Stat. 940.01(1)(a), Class A felony" in row.inner_text()
    tolled = page.locator("#fact-state_postconviction_tolled_days").inner_text()
    assert "120" in tolled and "CCAP docket, 3 December" in tolled and "Federal habeas" in tolled
