"""MFA in a real browser: an attorney is made to set up TOTP, then signs in with a code."""

from __future__ import annotations

import re

import pytest

from clemency.conftest import PASSWORD, sign_in
from clemency.web.tests.mfa_helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_attorney_sets_up_totp_and_then_needs_a_code(browser_page, cast, settings):
    settings.CLEMENCY_REQUIRE_MFA = True
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    sign_in(page, "attorney")
    page.wait_for_url("**/auth/2fa/totp/activate/")
    assert "two-factor" in page.content().lower()
    secret = page.get_by_label("Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url("**/auth/2fa/recovery-codes/**")
    codes = page.locator("textarea").input_value().split()
    assert len(codes) >= 5

    page.goto("/")
    assert page.get_by_role("heading", name="Open cases, most urgent first").is_visible()
    page.get_by_role("button", name="Sign out").click()

    page.goto("/login/")
    page.get_by_label("Username").fill("attorney")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/auth/2fa/authenticate/")
    page.get_by_label("Code").fill(codes[0])  # a recovery code works in place of the app's code
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # the dashboard
    assert page.get_by_role("heading", name="Open cases, most urgent first").is_visible()
    assert not [e for e in errors if "Content Security Policy" in e]
