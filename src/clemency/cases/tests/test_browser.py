"""In a real Chromium: sign in, add a person, open a case, add a conviction with its sentence, import."""

from __future__ import annotations

import pytest

from clemency.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_attorney_records_a_person_a_case_and_a_conviction(browser_page, cast):
    page = browser_page
    sign_in(page, "attorney")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.get_by_role("link", name="Add a person").click()
    page.get_by_label("Given name").fill("Elias")
    page.get_by_label("Family name").fill("Marrow")
    page.get_by_label("BOP register number").fill("0456-089")  # wrong on purpose
    page.get_by_role("button", name="Save").click()
    assert "five digits" in page.locator("#id_bop_register_number_error").inner_text()
    page.get_by_label("BOP register number").fill("04567-089")
    page.get_by_label("Date of birth").fill("1966-02-03")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Elias Marrow").wait_for()

    page.get_by_role("link", name="Open a case").click()
    page.get_by_label("Title").fill("Marrow commutation")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Marrow commutation").wait_for()

    page.get_by_role("link", name="Add a conviction").click()
    page.get_by_label("Jurisdiction").select_option("federal")
    page.get_by_label("Docket number").fill("3:97-cr-00412")
    page.get_by_label("Offense date").fill("1996-08-01")
    page.get_by_label("Sentencing date").fill("1997-09-15")
    page.get_by_label("Sentence type").select_option("term")
    page.get_by_role("button", name="Save conviction").click()
    assert "needs its length in days" in page.locator("#id_sentence-sentence_term_days_error").inner_text()
    page.get_by_label("Term in days").fill("10950")
    page.get_by_label("Guideline offense level").fill("34")
    page.get_by_role("button", name="Save conviction").click()
    page.get_by_role("heading", name="Marrow commutation").wait_for()
    text = page.locator("main").inner_text()
    assert "3:97-cr-00412" in text and "10950 days" in text and "offense level 34" in text


def test_a_student_sees_the_import_error_report(browser_page, cast, tmp_path):
    bad = tmp_path / "people.csv"
    bad.write_text(
        "given_name,family_name,birth_date,jurisdiction\nNora,Vale,1961-02-30,us-zz\n", encoding="utf-8"
    )
    page = browser_page
    sign_in(page, "student")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Import").click()
    page.get_by_label("CSV file (UTF-8)").set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    report = page.get_by_role("table", name="Problems found")
    report.wait_for()
    rows = report.locator("tbody tr")
    assert rows.count() == 2
    first = rows.nth(0).inner_text()
    assert "2" in first and "birth_date" in first and "1961-02-30" in first
    assert "Nothing was imported" in page.locator("main").inner_text()
