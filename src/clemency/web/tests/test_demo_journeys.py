"""Bad input on the journeys a clemency lawyer takes, on the demonstration data.

Each journey sends one thing wrong and expects what the issue promises: a clear message next to the
field it names, a 200 or 400 (never a 500), and not one row changed anywhere.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from clemency.cases.models import Case, Charge, Conviction, Note, Sentence
from clemency.deadlines.models import Deadline
from clemency.documents.models import Document
from clemency.people.models import Person
from clemency.petitions.models import Petition, PetitionStatusChange
from clemency.web import demo

MODELS = [
    Person, Case, Conviction, Sentence, Charge, Note, Document, Petition, PetitionStatusChange, Deadline,
]


def rows() -> dict[str, Any]:
    """Every row count, and the statuses a wrong move could change."""
    counts: dict[str, Any] = {model.__name__: model._default_manager.count() for model in MODELS}
    counts["petition statuses"] = sorted(Petition.objects.values_list("pk", "status"))
    counts["people"] = sorted(Person.objects.values_list("pk", "bop_register_number", "birth_date"))
    return counts


@pytest.fixture
def lawyer(db: Any, settings: Any, tmp_path: Any) -> Client:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("seed_demo")
    client = Client(raise_request_exception=False)
    assert client.login(username="demo-attorney", password=demo.DEMO_PASSWORD)
    return client


def demo_case(title_start: str) -> Case:
    return Case.objects.get(title__startswith=title_start)


def error_next_to(response: Any, field_id: str) -> str:
    """The error text rendered beside the field with this id (web/form_fields.html), or ''."""
    html = response.content.decode()
    found = re.search(rf'<p class="error" id="{re.escape(field_id)}_error"[^>]*>(.*?)</p>', html, re.S)
    return found.group(1).strip() if found else ""


def refused(client: Client, url: str, data: dict[str, Any], field_id: str) -> str:
    """POST `data`; assert it is refused with a message beside `field_id` and nothing changed."""
    before = rows()
    response = client.post(url, data)
    assert response.status_code in (200, 400), response.status_code
    message = error_next_to(response, field_id)
    assert message, f"no error beside {field_id}: {response.content.decode()[:2000]}"
    assert rows() == before
    return message


PERSON = {
    "given_name": "Imani",
    "family_name": "Testwood",
    "custody_status": "in_custody",
    "facility": "FCI Example (fictional)",
}


def test_a_malformed_birth_date_is_refused_beside_the_field(lawyer):
    message = refused(lawyer, "/people/new/", {**PERSON, "birth_date": "1970-13-01"}, "id_birth_date")
    assert "date" in message.lower()


def test_a_duplicate_bop_number_is_refused_beside_the_field(lawyer):
    existing = Person.objects.get(bop_register_number="20417-018")
    message = refused(lawyer, "/people/new/", {**PERSON, "bop_register_number": "20417-018"},
                      "id_bop_register_number")
    assert "20417-018" in message or "already" in message.lower()
    assert Person.objects.filter(bop_register_number="20417-018").get() == existing


CONVICTION = {
    "jurisdiction": "federal",
    "court": "U.S. District Court (fictional district)",
    "docket_number": "1:05-cr-00999",
    "offense_date": "2004-03-01",
    "conviction_date": "2005-01-10",
    "sentencing_date": "2005-04-22",
    "sentence-sentence_type": "term",
    "sentence-sentence_term_days": "3650",
    "sentence-custody_start_date": "2004-03-01",
}


def test_a_conviction_with_an_unknown_jurisdiction_is_refused(lawyer):
    case = demo_case("Oakhurst")
    message = refused(lawyer, f"/cases/{case.pk}/convictions/new/", {**CONVICTION, "jurisdiction": "us-xx"},
                      "id_jurisdiction")
    assert "us-xx" in message or "choice" in message.lower()


def test_a_conviction_with_a_malformed_date_is_refused(lawyer):
    case = demo_case("Oakhurst")
    refused(lawyer, f"/cases/{case.pk}/convictions/new/", {**CONVICTION, "offense_date": "03/01/2004x"},
            "id_offense_date")


def test_a_negative_sentence_term_is_refused(lawyer):
    case = demo_case("Oakhurst")
    message = refused(lawyer, f"/cases/{case.pk}/convictions/new/",
                      {**CONVICTION, "sentence-sentence_term_days": "-30"}, "id_sentence-sentence_term_days")
    assert "1" in message or "0" in message


def test_editing_a_sentence_to_a_negative_term_changes_nothing(lawyer):
    conviction = demo_case("Brandvold").convictions.get()
    term_before = conviction.sentence.sentence_term_days
    data = {
        "jurisdiction": conviction.jurisdiction,
        "court": conviction.court,
        "docket_number": conviction.docket_number,
        "offense_date": conviction.offense_date or "",
        "conviction_date": conviction.conviction_date or "",
        "sentencing_date": conviction.sentencing_date or "",
        "sentence-sentence_type": conviction.sentence.sentence_type,
        "sentence-sentence_term_days": "-1",
    }
    refused(lawyer, f"/cases/convictions/{conviction.pk}/edit/", data, "id_sentence-sentence_term_days")
    conviction.sentence.refresh_from_db()
    assert conviction.sentence.sentence_term_days == term_before


def _upload(name: str, content: bytes, content_type: str) -> dict[str, Any]:
    return {"file": SimpleUploadedFile(name, content, content_type=content_type), "kind": "letter_of_support"}


def test_an_upload_of_the_wrong_type_is_refused(lawyer):
    case = demo_case("Oakhurst")
    program = b"MZ\x90\x00" + b"\x00" * 200  # a Windows program dressed as a PDF
    message = refused(lawyer, f"/documents/case/{case.pk}/upload/",
                      _upload("letter.pdf", program, "application/pdf"), "id_file")
    assert message


def test_an_upload_over_the_limit_is_refused(lawyer, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    case = demo_case("Oakhurst")
    message = refused(lawyer, f"/documents/case/{case.pk}/upload/",
                      _upload("letter.txt", b"Dear Governor,\n" * 200, "text/plain"), "id_file")
    assert "limit" in message.lower() or "largest" in message.lower()


def _import(client: Client, content: bytes, **extra: Any) -> Any:
    from clemency.accounts.models import Team

    team = Team.objects.get(name=demo.TEAM_NAME)
    before = rows()
    response = client.post("/cases/import/", {
        "file": SimpleUploadedFile("people.csv", content, content_type="text/csv"), "team": team.pk, **extra})
    assert response.status_code == 400, response.status_code
    assert rows() == before
    return response


def test_an_import_with_a_wrong_header_names_the_column(lawyer):
    response = _import(lawyer, b"first_name,family_name\nAda,Testrow\n")
    text = response.content.decode()
    assert "first_name" in text and "given_name" in text


def test_an_import_in_latin_1_says_the_file_is_not_utf_8(lawyer):
    csv = "given_name,family_name,facility\nJosé,Muñoz,Penitenciaría (fictional)\n".encode("latin-1")
    text = _import(lawyer, csv).content.decode()
    assert "UTF-8" in text


def test_an_import_row_with_a_duplicate_bop_number_is_reported(lawyer):
    csv = b"given_name,family_name,bop_register_number\nAda,Testrow,20417-018\n"
    text = _import(lawyer, csv).content.decode()
    assert "bop_register_number" in text and "20417-018" in text


def test_a_petition_cannot_jump_from_draft_to_granted(lawyer):
    petition = Petition.objects.filter(status="draft").first()
    assert petition is not None, "the demo data has a draft petition"
    message = refused(lawyer, f"/petitions/{petition.pk}/move/",
                      {"status": "granted", "on": datetime.date.today().isoformat()}, "id_status")
    assert "draft" in message.lower() or "granted" in message.lower()
    petition.refresh_from_db()
    assert petition.status == "draft"


@pytest.mark.parametrize(
    ("field", "days"), [("sentence_term_days", "36500000"), ("jail_credit_days", "3000000")]
)
def test_a_term_or_credit_beyond_the_calendar_is_refused_and_the_case_page_still_opens(lawyer, field, days):
    # Eligibility dates are computed from custody start, term and credit; a number that pushes them
    # past the year 9999 used to be saved and then break the case page with a 400 on every visit.
    case = demo_case("Oakhurst")
    message = refused(lawyer, f"/cases/{case.pk}/convictions/new/", {**CONVICTION, f"sentence-{field}": days},
                      f"id_sentence-{field}")
    assert "days" in message
    assert lawyer.get(f"/cases/{case.pk}/").status_code == 200


def test_an_import_row_with_a_term_beyond_the_calendar_is_reported(lawyer):
    text = _import(lawyer, b"given_name,family_name,jurisdiction,sentence_type,sentence_term_days\n"
                           b"Ada,Testrow,us-ok,term,10950000\n").content.decode()
    assert "sentence_term_days" in text and "10950000" in text and "check the number" in text


def api_refused(client: Client, method: str, url: str, body: dict[str, Any]) -> dict[str, Any]:
    import json

    before = rows()
    response = getattr(client, method)(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 400, (response.status_code, response.content[:500])
    assert rows() == before
    return response.json()


def test_the_api_names_the_field_for_each_bad_value(lawyer):
    case = demo_case("Oakhurst")
    base = {"case": case.pk, "jurisdiction": "federal", "offense_date": "2004-03-01"}
    convictions = "/api/convictions/"
    assert "jurisdiction" in api_refused(lawyer, "post", convictions, {**base, "jurisdiction": "us-xx"})
    assert "offense_date" in api_refused(lawyer, "post", convictions, {**base, "offense_date": "2004-02-30"})
    negative = {**base, "sentence": {"sentence_type": "term", "sentence_term_days": -3}}
    assert "sentence_term_days" in api_refused(lawyer, "post", "/api/convictions/", negative)["sentence"]
    person = {"given_name": "Ada", "family_name": "Testrow", "team": case.team_id}
    assert "birth_date" in api_refused(lawyer, "post", "/api/people/", {**person, "birth_date": "1970-13-01"})
    duplicate = api_refused(lawyer, "post", "/api/people/", {**person, "bop_register_number": "20417-018"})
    assert "20417-018" in duplicate["bop_register_number"][0]
    draft = Petition.objects.filter(status="draft").first()
    assert draft is not None
    assert "status" in api_refused(lawyer, "post", f"/api/petitions/{draft.pk}/move/", {"status": "granted"})


def test_a_capital_case_page_shows_its_execution_date_before_anything_else(lawyer):
    # A capital team lives by the execution date; it was only in the deadlines table far down the page.
    case = demo_case("Haldane")
    html = lawyer.get(f"/cases/{case.pk}/").content.decode()
    banner = re.search(r'<p class="execution"[^>]*>(.*?)</p>', html, re.S)
    assert banner is not None
    text = re.sub(r"<[^>]+>|\s+", " ", banner.group(1))
    execution = Deadline.objects.get(case=case, kind="execution", done=False)
    assert "Execution date" in text and f"{execution.date:%Y-%m-%d}" in text
    assert f"{execution.time:%H:%M} {execution.time_zone_abbreviation}" in text
    assert html.index('class="execution"') < html.index('id="person-heading"')
    other = lawyer.get(f"/cases/{demo_case('Oakhurst').pk}/").content.decode()
    assert 'class="execution"' not in other


@pytest.mark.django_db(transaction=True)
def test_dates_stay_on_one_line_and_checkboxes_sit_under_their_labels(browser_page, settings, tmp_path):
    # Seen in screenshots: "2026-11-30" broke at its hyphens in every table, and a checkbox floated
    # in the middle of the form, away from its label.
    from clemency.conftest import sign_in

    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("seed_demo")
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "demo-attorney", demo.DEMO_PASSWORD)
    lines_per_date = """() => [...document.querySelectorAll('td.date')].filter(td => td.textContent.trim())
        .map(td => { const r = document.createRange(); r.selectNodeContents(td);
                     return new Set([...r.getClientRects()].map(rect => Math.round(rect.top))).size; })"""
    for url in ["/deadlines/", "/cases/", f"/cases/{demo_case('Haldane').pk}/"]:
        page.goto(url)
        lines = page.evaluate(lines_per_date)
        assert lines and set(lines) == {1}, (url, lines)
    page.goto("/cases/import/")
    box = page.locator("#id_only_valid_rows").bounding_box()
    label = page.locator("label[for=id_only_valid_rows]").bounding_box()
    assert box is not None and label is not None
    assert abs(box["x"] - label["x"]) < 8, (box, label)


def test_the_case_move_form_preselects_no_move(lawyer):
    # The select used to open on the first allowed status: on a filed case that is "Active", so one
    # stray click on "Move case" sent a filed capital case backwards.
    case = demo_case("Haldane")
    html = lawyer.get(f"/cases/{case.pk}/").content.decode()
    select = re.search(r'<select name="to_status"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None
    first = re.search(r"<option([^>]*)>([^<]*)</option>", select.group(1))
    assert first is not None and 'value=""' in first.group(1)
    message = refused(lawyer, f"/cases/{case.pk}/move/", {"to_status": "", "reason": ""}, "id_to_status")
    assert "required" in message.lower() or "choose" in message.lower()
    case.refresh_from_db()
    assert case.status == "filed"


def test_an_import_of_a_pdf_or_an_oversized_file_is_refused(lawyer, settings):
    from clemency.documents.tests.samples import pdf

    assert "UTF-8" in _import(lawyer, pdf()).content.decode()
    settings.MAX_UPLOAD_BYTES = 64
    response = _import(lawyer, b"given_name,family_name\n" + b"Ada,Testrow\n" * 20)
    assert error_next_to(response, "id_file")


def test_an_empty_drafts_panel_says_what_it_is_for(lawyer):
    # The panel showed a heading and two buttons and nothing to say it was empty.
    html = lawyer.get(f"/cases/{demo_case('Haldane').pk}/").content.decode()
    panel = re.search(r'<section class="panel" id="drafting-panel".*?</section>', html, re.S)
    assert panel is not None and "No drafts or bundles yet" in panel.group(0)
