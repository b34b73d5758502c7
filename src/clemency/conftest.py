"""Fixtures every test may use: a fixed cast of users, and a real browser for browser tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PASSWORD = "correct-horse-battery-staple-42"  # noqa: S105 - test accounts only


@dataclass
class Cast:
    """A team with one member of each role, and an outsider on another team."""

    team: Any
    other_team: Any
    admin: Any
    attorney: Any
    staff: Any
    student: Any
    volunteer: Any
    read_only: Any
    outsider: Any


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits and used one-time codes live in the cache: no test inherits another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cast(db: Any) -> Cast:
    from clemency.accounts.models import Membership, Role, Team, User

    team = Team.objects.create(name="Second Look Clinic")
    other_team = Team.objects.create(name="Other Clinic")
    users = {}
    for role in ["admin", "attorney", "staff", "student", "volunteer", "read_only"]:
        user = User.objects.create_user(username=role.replace("_", "-"), password=PASSWORD,
                                        full_name=f"Test {role.replace('_', ' ').title()}")
        Membership.objects.create(user=user, team=team, role=Role(role))
        users[role] = user
    outsider = User.objects.create_user(username="outsider", password=PASSWORD, full_name="Out Sider")
    Membership.objects.create(user=outsider, team=other_team, role=Role.ATTORNEY)
    return Cast(team=team, other_team=other_team, outsider=outsider, **users)


@pytest.fixture
def browser_page(live_server: Any, monkeypatch: Any) -> Iterator[Any]:
    """A Playwright page in Debian's Chromium. Skipped only off CI when Chromium is absent."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing")
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    # Only for this test: a leaked variable fails `check --deploy` in later subprocess tests.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()


def sign_in(page: Any, username: str, password: str = PASSWORD) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
