"""In a real Chromium under the site's Content Security Policy: every outcome page opens, its charts
draw, and the figures on the page match the published source files."""

from __future__ import annotations

import csv

import pytest

from clemency.conftest import sign_in

from .conftest import published

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/outcomes/",
    "/outcomes/federal/",
    "/outcomes/executions/",
    "/outcomes/exonerations/",
    "/outcomes/states/",
    "/outcomes/team/",
]


def _charts_drawn(page) -> int:
    """Images whose SVG the browser decoded (a blocked or broken image has no natural width)."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.outcome-chart img')]"
        ".filter(i => i.complete && i.naturalWidth > 0).length"
    )


def _row(page, chart_key: str, first_cell: str) -> list[str]:
    row = page.locator(f"section[aria-labelledby='chart-{chart_key}'] tbody tr").filter(
        has=page.locator("th", has_text=first_cell)
    )
    return [cell.strip() for cell in row.first.locator("th, td").all_text_contents()]


def test_every_outcome_page_draws_its_charts_and_shows_the_source_files_figures(
    browser_page, cast, public_record
):
    page = browser_page
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None,
    )
    sign_in(page, "staff")
    for path in PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        if path != "/outcomes/":
            assert _charts_drawn(page) >= 2, path
    assert blocked == []

    with published("ucla_dpic_federal_executions_2001-2021.csv").open(encoding="utf-8") as handle:
        years = [row["Year"] for row in csv.DictReader(handle)]
    page.goto("/outcomes/executions/")
    assert _row(page, "executions-by-year", "2020")[2] == str(years.count("2020")) == "10"
    assert _row(page, "executions-by-year", "2021")[2] == str(years.count("2021")) == "3"

    with published("nre_publicspreadsheet_may2024.csv").open(encoding="cp1252") as handle:
        rows = list(csv.DictReader(handle))
    share = f"{100 * sum(row['FC'] == 'FC' for row in rows) / len(rows):.1f}"
    page.goto("/outcomes/exonerations/")
    assert _row(page, "exonerations-by-factor", "False confession")[1:] == ["441", share]

    # The filter narrows the figures, and the embeddable chart is reachable from the page.
    page.get_by_label("State or federal court").select_option("Illinois")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**jurisdiction=Illinois**")
    assert "in Illinois" in page.locator("#chart-exonerations-by-factor").inner_text()
    assert _charts_drawn(page) == 2


def test_an_embedded_chart_draws_for_a_visitor_who_is_not_signed_in(browser_page, public_record):
    page = browser_page
    response = page.goto("/outcomes/embed/executions-by-year/")
    assert response is not None and response.status == 200
    drawn = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
    assert drawn == 1
    assert "2020: 10; 2021: 3" in page.locator("figcaption").inner_text()
