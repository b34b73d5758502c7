"""Accessibility and layout on every page of the crawl, in a real browser.

Each page the crawl of test_crawl.py renders for the demo admin (the widest menu) is opened in
Chromium 360 px wide (a small phone): axe-core must find no WCAG 2.0/2.1/2.2 A or AA violation, and
the page must not scroll sideways. axe-core's script comes from the `axe-playwright-python` package
(it bundles axe.min.js, MPL-2.0; the version is printed in each failure), never from a CDN.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from clemency.conftest import sign_in
from clemency.web import demo
from clemency.web.tests.test_crawl import crawl

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
NARROW = 360
# The crawl visits hundreds of pages; pages of one shape (/cases/N/) share their template, so at most
# this many of each are opened in the browser.
PER_SHAPE = 3


def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_version(script: str) -> str:
    found = re.search(r"axe v([\d.]+)", script[:200])
    return found.group(1) if found else "unknown"


def _pages_to_check(seen: dict[str, int]) -> list[str]:
    per_shape: dict[str, int] = {}
    pages = []
    for url, status in seen.items():
        if status != 200:
            continue
        shape = re.sub(r"\d+", "N", url.split("?")[0])
        per_shape[shape] = per_shape.get(shape, 0) + 1
        if per_shape[shape] <= PER_SHAPE:
            pages.append(url)
    return pages


def violations_on(page: Any, script: str) -> list[str]:
    page.evaluate(script)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_AA_TAGS,
    )
    out = []
    for violation in result["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        out.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return out


def horizontal_overflow(page: Any) -> int:
    """How many pixels wider than the window the page is (0 when it does not scroll sideways)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


@pytest.mark.django_db(transaction=True)
def test_every_crawled_page_meets_wcag_22_aa_and_fits_360_px(browser_page, live_server):
    call_command("seed_demo")
    client = Client(raise_request_exception=False)
    assert client.login(username="demo-admin", password=demo.DEMO_PASSWORD)
    seen, _ = crawl(client)
    pages = _pages_to_check(seen)
    assert len(pages) > 40, pages
    script = axe_script()
    page = browser_page
    page.set_viewport_size({"width": NARROW, "height": 800})
    sign_in(page, "demo-admin", demo.DEMO_PASSWORD)
    problems = []
    for url in pages:
        response = page.goto(url)
        if response is not None and "text/html" not in response.headers.get("content-type", ""):
            continue  # an image (a campaign's QR code), not a page: there is no document to check
        if "/login/" in page.url and not url.startswith("/login/"):
            problems.append(f"{url}: the browser was sent to sign in; nothing was checked")
            continue
        wider = horizontal_overflow(page)
        if wider > 0:
            problems.append(f"{url}: {wider} px wider than a {NARROW} px screen")
        problems.extend(f"{url}: {v}" for v in violations_on(page, script))
    assert problems == [], f"axe-core {axe_version(script)}:\n" + "\n".join(problems)


def test_the_checks_find_a_violation_and_an_overflow(browser_page, live_server):
    """The checks above can fail: a page with an unlabelled field and a too-wide box fails both."""
    page = browser_page
    page.set_viewport_size({"width": NARROW, "height": 800})
    page.goto("/login/")
    page.evaluate("""() => {
        const box = document.createElement('div'); box.style.width = '900px'; box.textContent = 'wide';
        document.body.appendChild(box);
        const field = document.createElement('input'); document.body.appendChild(field);
    }""")
    assert horizontal_overflow(page) > 0
    assert any(v.startswith("label") for v in violations_on(page, axe_script()))
