"""In a real Chromium: a petition moves through its pipeline, and a wrong move is refused."""

from __future__ import annotations

import pytest

from clemency.conftest import sign_in
from clemency.petitions import services
from clemency.petitions.models import Petition, PetitionStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _move(page, status, note=""):
    page.get_by_label("Move to").select_option(status)
    if note:
        page.get_by_label("Note").fill(note)
    page.get_by_role("button", name="Move").click()


def test_moving_a_petition_through_its_pipeline_in_the_browser(browser_page, cast, case):
    page = browser_page
    sign_in(page, "attorney")
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="New petition").click()

    # The pathway is picked from the rulebook's list (i15), not typed: none chosen is refused by name.
    page.get_by_label("Title").fill("Petition for commutation of sentence")
    page.get_by_label("Deciding authority").fill("The President")
    page.get_by_role("button", name="Create draft").click()
    assert page.locator("#id_pathway_error").inner_text()
    page.get_by_label("Pathway").select_option("us.commutation")
    page.get_by_role("button", name="Create draft").click()
    status = page.locator("#petition-status")
    status.wait_for()
    assert status.inner_text() == "Draft"

    _move(page, "filed", "Mailed to the Office of the Pardon Attorney")
    assert status.inner_text() == "Filed"
    _move(page, "under_review")
    assert status.inner_text() == "Under review"

    # Someone else withdraws it while this page is open; the stale move is refused with the reason.
    petition = Petition.objects.get()
    services.withdraw_petition(petition, actor=cast.staff, note="Client asked")
    _move(page, "withdrawn")
    error = page.locator("#id_status_error")
    assert "is Withdrawn is final" in error.inner_text()
    assert status.inner_text() == "Withdrawn"

    history = page.locator("#petition-history tbody tr")
    assert history.count() == 4
    assert "Mailed to the Office of the Pardon Attorney" in history.nth(1).inner_text()
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.WITHDRAWN and petition.filed_on is not None
