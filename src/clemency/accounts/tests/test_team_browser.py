"""In a real Chromium: a team admin invites a colleague who joins through the e-mailed link, changes
a member's role, and resets a member's authenticator app, all from the team page."""

from __future__ import annotations

import re

import pytest

from clemency.accounts.models import Membership, Role, User
from clemency.conftest import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_invite_a_colleague_who_joins_through_the_link(browser_page, cast, mailoutbox):
    page = browser_page
    sign_in(page, "admin")
    page.get_by_role("link", name="Team", exact=True).click()
    page.get_by_role("link", name="Second Look Clinic").click()
    page.get_by_label("E-mail").fill("new.colleague@example.org")
    page.locator("#id_role").select_option("student")
    page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text("Invitation sent to new.colleague@example.org").wait_for()
    assert "Pending" in page.locator("#invitations").inner_text()
    link = re.search(r"http://\S+/accounts/invitation/\S+/", mailoutbox[0].body)
    assert link is not None

    page.get_by_role("button", name="Sign out").click()
    page.goto(link.group(0))
    page.locator("#id_username").fill("colleague")
    page.get_by_label("Full name").fill("New Colleague")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password_again").fill("something else entirely 9")
    page.get_by_role("button", name="Create my account").click()
    assert page.locator("#id_username").input_value() == "colleague"  # kept after the error
    assert "The two passwords differ." in page.content()
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password_again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.get_by_text("Your account colleague is ready").wait_for()
    sign_in(page, "colleague")
    assert Membership.objects.get(user__username="colleague", team=cast.team).role == Role.STUDENT
    page.goto(link.group(0))
    assert "This invitation link does not work" in page.content()  # one time only


def test_change_a_role_and_reset_an_authenticator(browser_page, cast):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=cast.staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    staff = Membership.objects.get(user=cast.staff, team=cast.team)
    page = browser_page
    sign_in(page, "admin")
    page.goto(f"/accounts/teams/{cast.team.pk}/")
    row = page.locator(f"#member-{staff.pk}")
    assert "Never" in row.inner_text()  # the last sign-in column
    row.get_by_label("Role of Test Staff").select_option("attorney")
    row.get_by_role("button", name="Change role").click()
    page.get_by_text("Test Staff is now attorney.").wait_for()
    staff.refresh_from_db()
    assert staff.role == Role.ATTORNEY

    row = page.locator(f"#member-{staff.pk}")
    row.get_by_role("button", name="Reset authenticator of Test Staff").click()
    page.get_by_text("they set up a new one when they next sign in").wait_for()
    assert "Reset: set up at next sign-in" in page.locator(f"#member-{staff.pk}").inner_text()
    assert not Authenticator.objects.filter(user=cast.staff).exists()
    assert User.objects.get(pk=cast.staff.pk).must_enrol_authenticator
