"""In a real Chromium: a team admin sets the letterhead, then drafts the Wisconsin cover letter as a
Final: the page lists what the draft does not know, the admin fills it in, and the Final has the
letterhead and no "[unknown]"."""

from __future__ import annotations

import pytest

from clemency.assembly.environment import UNKNOWN
from clemency.conftest import sign_in
from clemency.drafting.tests.helpers import docx_text
from clemency.drafting.tests.test_final_drafts import TEMPLATE, _wisconsin_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_letterhead_in_a_final_wisconsin_cover_letter(browser_page, cast):
    case = _wisconsin_case(cast.team)
    page = browser_page
    sign_in(page, "admin")
    page.goto(f"/accounts/teams/{cast.team.pk}/settings/")
    settings_form = page.locator("#team-settings")
    settings_form.get_by_label("Organisation", exact=True).fill("Second Look Clinic (fictional)")
    settings_form.get_by_label("Address").fill("975 Bascom Mall\nMadison, WI 53706")
    settings_form.get_by_label("Phone").fill("608-555-0100")
    page.get_by_role("button", name="Save the letterhead").click()
    page.get_by_text("Team settings saved").wait_for()
    page.locator("#attorneys-heading").wait_for()
    form = page.locator("form", has=page.get_by_role("button", name="Add the attorney"))
    form.get_by_label("Name").fill("Rita Counsel")
    form.get_by_label("Bar number").fill("1099999")
    form.get_by_role("button", name="Add the attorney").click()
    page.get_by_text("Rita Counsel (1099999) added to the signatures.").wait_for()

    page.goto(f"/drafting/case/{case.pk}/")
    page.locator(f"#template-{TEMPLATE}").check()
    page.get_by_label("Final").check()
    page.get_by_role("button", name="Generate").click()
    missing = page.locator("#missing-values")
    missing.wait_for()
    assert "Organisation" not in missing.inner_text()  # the letterhead is known now
    missing.get_by_label("Recipient's address").fill("Office of the Governor, Madison, WI")
    page.get_by_role("button", name="Generate").click()
    page.get_by_text("Generated “Wisconsin pardon application cover letter").wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Wisconsin pardon application cover letter").first.click()
    with open(download_info.value.path(), "rb") as handle:
        text = docx_text(handle.read())
    assert UNKNOWN not in text
    assert "Second Look Clinic (fictional)" in text and "975 Bascom Mall, Madison, WI 53706" in text
    assert "Rita Counsel, Bar No. 1099999" in text and "Marquette County Circuit Court" in text
