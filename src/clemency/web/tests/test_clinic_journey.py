"""The issue's "done when", in a real Chromium, from the demo and without a shell: the demo's team
admin invites a colleague, sets the letterhead, drafts the Wisconsin cover letter as a Final with no
"[unknown]" in it, and builds a bundle with that letter as an exhibit."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from clemency.assembly.environment import UNKNOWN
from clemency.conftest import sign_in
from clemency.drafting.tests.helpers import page_texts
from clemency.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_team_admin_runs_the_clinic_from_the_demo(browser_page, mailoutbox, settings, tmp_path):
    from clemency.accounts.models import Team
    from clemency.cases.models import Case
    from clemency.drafting.models import Bundle

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo")
    team = Team.objects.get(name=demo.TEAM_NAME)
    case = Case.objects.get(team=team, title="Wrenfield: pardon and innocence review")
    page = browser_page
    page.set_default_timeout(60_000)  # a whole clinic's work, LibreOffice included, on a shared machine
    sign_in(page, "demo-admin", demo.DEMO_PASSWORD)

    page.get_by_role("link", name="Team", exact=True).click()
    page.get_by_role("link", name=demo.TEAM_NAME).click()
    page.get_by_label("E-mail").fill("colleague@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text("Invitation sent to colleague@example.org").wait_for()
    assert mailoutbox and "/accounts/invitation/" in mailoutbox[0].body

    page.get_by_role("link", name="Letterhead and signatures").click()
    form = page.locator("#team-settings")
    form.get_by_label("Organisation", exact=True).fill("Demo Clemency Clinic (fictional)")
    form.get_by_label("Address").fill("1 Example Street\nMadison, WI 53700")
    page.get_by_role("button", name="Save the letterhead").click()
    page.get_by_text("Team settings saved").wait_for()

    page.goto(f"/drafting/case/{case.pk}/")
    page.locator("#template-wisconsin_pardon_cover_letter").check()
    page.get_by_label("Final").check()
    page.get_by_role("button", name="Generate").click()
    missing = page.locator("#missing-values")
    missing.wait_for()
    for field in missing.locator("input[type=text]").all():
        field.fill("Given for this letter")
    page.get_by_role("button", name="Generate").click()
    page.get_by_text("Generated “Wisconsin pardon application cover letter").wait_for()
    page.get_by_role("button", name=re.compile(r"^Keep Wisconsin .* as a case document")).first.click()
    page.get_by_text("is now a case document").wait_for()

    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Assemble an exhibit bundle").click()
    from clemency.documents.models import Document

    kept = Document.objects.get(case=case, title="Wisconsin pardon application cover letter (final)")
    page.locator(f"#id_include_{kept.pk}").check()
    page.get_by_label("Bates prefix").fill("WREN-")
    page.get_by_role("button", name="Assemble bundle").click()
    page.get_by_role("heading", name="Status: Done").wait_for()
    bundle = Bundle.objects.get(case=case)
    pages = page_texts(bundle.file.read())
    letter = " ".join(pages)
    assert "Demo Clemency Clinic (fictional)" in letter and UNKNOWN not in letter
    assert "Wisconsin pardon application cover letter" in pages[0]
