"""In a real Chromium: adding a deadline from the case page and marking it done (htmx swaps the panel)."""

from __future__ import annotations

import pytest

from clemency.conftest import sign_in
from clemency.deadlines.models import Deadline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adding_a_deadline_and_marking_it_done_in_the_browser(browser_page, cast, case):
    page = browser_page
    sign_in(page, "staff")
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="New deadline").click()
    page.get_by_label("Kind").select_option("execution")
    page.get_by_label("Date").fill("2027-03-14")
    page.get_by_label("Title").fill("Scheduled execution")
    page.get_by_label("Source").fill("warrant of execution")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/cases/{case.pk}/")
    panel = page.locator("#deadlines-panel")
    assert "warrant of execution" in panel.inner_text()

    page.evaluate("window.__same_page = true")  # survives only if the page is not reloaded
    page.get_by_role("button", name="Mark done: Scheduled execution").click()
    page.get_by_role("button", name="Mark not done: Scheduled execution").wait_for()
    assert page.evaluate("window.__same_page === true")
    assert Deadline.objects.get().done
