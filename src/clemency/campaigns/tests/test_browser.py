"""In a real Chromium at 360 px wide: a supporter signs (the proof of work runs in the page), an admin
reads the confirmation e-mail in the outbox, the supporter confirms, writes a letter, the team approves
it and delivers a packet. The public pages pass axe-core's WCAG 2.2 AA checks."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from clemency.campaigns.models import Delivery, LetterStatus, Signature, SignatureStatus
from clemency.campaigns.tests.conftest import make_campaign
from clemency.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def _accessible(page: Any) -> None:
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    # Nothing wider than the screen: readable at 360 px without scrolling sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_sign_confirm_from_the_outbox_write_a_letter_approve_and_deliver(
    browser_page: Any, cast: Any, settings: Any, tmp_path: Any
) -> None:
    settings.EMAIL_BACKEND = "clemency.web.mail.QueuedEmailBackend"
    settings.EMAIL_TRANSPORT = "clemency.web.mail.OutboxBackend"
    settings.EMAIL_OUTBOX_DIR = tmp_path / "outbox"
    campaign = make_campaign(cast)
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 800})

    page.goto(f"/c/{campaign.slug}/")
    _accessible(page)
    page.get_by_label("Your name", exact=True).fill("Robin Browser")
    page.get_by_label("Your e-mail address").fill("robin@example.org")
    page.get_by_label("ZIP code").fill("53703")
    page.get_by_label("State where you live").select_option("WI")
    page.get_by_label("E-mail me updates about this campaign").check()
    page.get_by_role("button", name="Sign").click()
    page.get_by_role("heading", name=re.compile("check your e-mail")).wait_for()
    _accessible(page)

    sign_in(page, "admin")
    page.goto("/mail/outbox/")
    page.get_by_role("link", name=re.compile("Confirm your signature")).click()
    body = page.locator("pre.mail-body").inner_text()
    confirm_path = re.search(r"https?://[^/\s]+(/c/confirm/[^\s]+/)", body).group(1)  # type: ignore[union-attr]
    page.goto(confirm_path)
    _accessible(page)
    page.get_by_role("button", name="Confirm my signature").click()
    page.get_by_role("heading", name="Thank you: your signature is confirmed").wait_for()
    signature = Signature.objects.get()
    # Counted at once: the proof of work was solved in the browser, so no review was needed.
    assert signature.status == SignatureStatus.CONFIRMED and signature.proof_of_work

    page.goto(f"/c/{campaign.slug}/letter/")
    _accessible(page)
    page.get_by_label("Your name", exact=True).fill("Robin Browser")
    page.get_by_label("Your e-mail address").fill("robin@example.org")
    page.get_by_label("Town or city").fill("Madison")
    page.get_by_label("Who you are to the person").select_option("friend")
    page.get_by_label("How you know them").fill("We grew up on the same street.")
    page.get_by_label("Your letter").fill(
        "Rowan has been a friend to me for thirty years. I will give him a home "
        "and help him find work. Please let him come home."
    )
    page.get_by_role("button", name="Send my letter to the team").click()
    page.get_by_role("heading", name="Thank you for your letter").wait_for()

    page.goto(f"/campaigns/{campaign.pk}/")
    page.get_by_role("link", name="Robin Browser").click()
    page.get_by_label("Approve: it becomes a document of the case").check()
    page.get_by_role("button", name="Record the review").click()
    page.get_by_text("Letter reviewed.").wait_for()
    assert campaign.letters.get().status == LetterStatus.APPROVED

    page.get_by_role("link", name="Deliver a packet").click()
    page.get_by_label("Cover letter").fill("Dear Mr. President,\n\nWe deliver the support of the public.")
    page.get_by_role("button", name="Make the packet and record the delivery").click()
    page.get_by_text("Delivery packet made: 1 signatures, 1 letters.").wait_for()
    made = Delivery.objects.get()
    assert (made.confirmed_count, made.letters_count) == (1, 1)
    assert page.get_by_role("link", name="packet (PDF)").is_visible()
