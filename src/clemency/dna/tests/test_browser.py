"""In a real Chromium: record a DNA testing request, the court's order and the lab's result, and see the
durations and the result on the request's page."""

from __future__ import annotations

import datetime

import pytest

from clemency.conftest import sign_in
from clemency.dna.models import LabTest, TestingRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_a_request_an_order_and_a_result(browser_page, cast):
    from clemency.petitions.tests.conftest import make_case

    case = make_case(cast.team, "Cora", "Vale")
    page = browser_page
    sign_in(page, "staff")

    page.goto(f"/dna/case/{case.pk}/")
    page.get_by_role("link", name="Record a request").click()
    page.get_by_label("Title").fill("Motion for DNA testing under Penal Code 1405")
    page.get_by_label("Filed on").fill("2020-01-06")
    page.get_by_label("Court").fill("Superior Court (fictional)")
    page.get_by_label("Judge").fill("Judge Fenwick (fictional)")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/dna/requests/*/")
    request = TestingRequest.objects.get(case=case)
    days = (datetime.date.today() - datetime.date(2020, 1, 6)).days
    assert f"{days} days (filed 2020-01-06)" in page.locator(".days-since-request").inner_text()

    page.get_by_role("link", name="Record a response, order, hearing or appeal").click()
    page.get_by_label("Kind").select_option("order")
    page.get_by_label("From whom").fill("Judge Fenwick (fictional)")
    page.get_by_label("Happened on").fill("2021-02-03")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/dna/requests/{request.pk}/")
    assert "ordered 2021-02-03" in page.locator(".days-since-order").inner_text()

    page.get_by_role("link", name="Record a test").click()
    page.get_by_label("Laboratory").fill("Example Forensic Laboratory (fictional)")
    page.get_by_label("Method").select_option("y_str")
    page.get_by_label("Sent to the lab on").fill("2021-03-01")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/dna/requests/{request.pk}/")
    assert "Awaiting the lab" in page.locator("td.result").inner_text()

    page.get_by_role("link", name="Record the result").click()
    page.get_by_label("Result:", exact=True).select_option("excludes")
    page.get_by_label("Report dated").fill("2021-09-09")
    page.get_by_label("Searched in CODIS").select_option("true")
    page.get_by_label("CODIS result").fill("No hit")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/dna/requests/{request.pk}/")
    assert "Excludes the client (2021-09-09)" in page.locator("td.result").inner_text()
    assert LabTest.objects.get(request=request).codis_searched is True
    request.refresh_from_db()
    assert request.status == "completed"
