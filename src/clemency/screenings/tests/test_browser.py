"""In a real Chromium: upload a population, wait for its screen, open a candidate, make a case from it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from clemency.conftest import sign_in
from clemency.screenings.models import RunStatus, ScreeningRun
from clemency.screenings.tests.samples import HEADER, ROWS, population_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_screening_a_population_in_the_browser(browser_page, cast, tmp_path):
    page = browser_page
    wrong = tmp_path / "wrong-header.csv"
    wrong.write_bytes(population_csv(header=HEADER.replace("person_id", "inmate_number")))
    # The case made from a candidate is judged as of today, so the screen is run as of today too, and
    # the federal death case's notice and execution dates are set around today: notice received ten
    # days ago (the petition is due 30 days after it), execution four months ahead.
    today = timezone.localdate()
    notice, execution = today - datetime.timedelta(days=10), today + datetime.timedelta(days=120)
    rows = [
        row.replace("2026-09-15", execution.isoformat()).replace("2026-05-20", notice.isoformat())
        if row.startswith("P-002,")
        else row
        for row in ROWS
    ]
    assert sum(notice.isoformat() in row and execution.isoformat() in row for row in rows) == 1
    good = tmp_path / "population.csv"
    good.write_bytes(population_csv(rows))

    sign_in(page, "attorney")
    page.get_by_role("link", name="Screening", exact=True).click()
    page.get_by_role("link", name="Screen a population").click()

    page.get_by_label("Population file").set_input_files(str(wrong))
    page.get_by_label("As of").fill("2026-06-01")
    page.get_by_role("button", name="Upload and screen").click()
    assert "person_id" in page.locator("#id_file_error").inner_text()
    assert not ScreeningRun.objects.exists()

    page.get_by_label("Population file").set_input_files(str(good))
    page.get_by_label("As of").fill(today.isoformat())
    page.get_by_label("Title").fill("Fictional population")
    page.get_by_role("button", name="Upload and screen").click()
    page.get_by_role("heading", name="Fictional population").wait_for()
    page.locator("#run-status").get_by_text("Done").wait_for()
    assert ScreeningRun.objects.get().status == RunStatus.DONE
    assert "People per pathway and outcome" in page.content()

    page.get_by_role("link", name=re.compile(r"Browse the 6 ranked candidates")).click()
    page.get_by_label("Person id contains").fill("P-002")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("link", name="P-002").click()
    page.get_by_role("heading", name="Candidate P-002").wait_for()
    assert "agrees with the screening row on every pathway" in page.locator("#agreement").inner_text()
    page.get_by_text("Federal death sentence").first.click()  # opens the <details>

    page.get_by_label("Given name").fill("Corin")
    page.get_by_label("Family name").fill("Fictional")
    page.get_by_role("button", name="Create person and case from this candidate").click()
    page.get_by_role("heading", name=re.compile("screening candidate P-002")).wait_for()
    panel = page.locator("#eligibility-panel").inner_text()
    death = [line for line in panel.splitlines() if line.rstrip().endswith(" us.death_clemency")]
    assert len(death) == 1 and death[0].startswith("Eligible "), panel


def test_the_run_page_follows_a_background_screen_until_it_is_done(browser_page, cast):
    from clemency.screenings.services import execute_run
    from clemency.screenings.tests.conftest import make_run

    run = make_run(cast.team, cast.attorney, title="Queued population")
    page = browser_page
    sign_in(page, "student")
    page.goto(f"/screenings/{run.pk}/")
    page.locator("#run-status").get_by_text("Queued").wait_for()
    assert page.get_by_role("link", name="Refresh").is_visible()

    execute_run(run.pk)  # what the database worker does, while the page polls

    page.get_by_role("heading", name="People per pathway and outcome").wait_for()
    assert page.locator("#run-status").get_by_text("Done").is_visible()
