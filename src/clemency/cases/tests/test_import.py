from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.cases.importing import COLUMNS, import_people_cases, validate_file
from clemency.cases.models import Case, Conviction
from clemency.cases.tests import factories
from clemency.people.models import Person

HEADER = (
    "given_name,family_name,aliases,birth_date,bop_register_number,jurisdiction,docket_number,"
    "offense_date,conviction_date,statute,offense_category,sentence_type,sentence_term_days\n"
)
GOOD = (
    "Nora,Vale,Nory;N. V.,1961-04-02,11111-222,federal,4:96-cr-1,1995-01-01,1996-01-01,"
    "21 U.S.C. 841(b)(1)(A),drug,life,\n"
    "Owen,Pike,,1980-01-01,,us-wi,05CF100,2004-02-02,2005-03-03,Wis. Stat. 940.01,violent,term,18250\n"
)
BAD = "Pia,Rusk,,1980-02-30,123,us-zz,,2001-01-01,2000-01-01,,,term,-4\n"


def test_a_good_file_writes_people_cases_convictions_charges_and_sentences(cast):
    report = import_people_cases((HEADER + GOOD).encode(), team=cast.team, actor=cast.attorney)
    assert report.ok and report.written and report.cases_created == 2
    nora = Person.objects.get(family_name="Vale")
    assert nora.aliases == ["Nory", "N. V."] and nora.team == cast.team
    conviction = Conviction.objects.get(case__person=nora)
    assert conviction.sentence.sentence_type == "life"
    assert conviction.charges.get().offense_category == "drug"
    assert AuditEvent.objects.filter(action="import.people_cases").count() == 1


def test_every_bad_cell_is_reported_and_nothing_is_written(cast):
    report = import_people_cases((HEADER + GOOD + BAD).encode(), team=cast.team, actor=cast.attorney)
    assert not report.written
    bad = {(e.row, e.column) for e in report.errors}
    assert (4, "birth_date") in bad and (4, "sentence_term_days") in bad
    assert all(e.row == 4 for e in report.errors)
    birth = next(e for e in report.errors if e.column == "birth_date")
    assert birth.value == "1980-02-30"
    assert birth.why == "1980-02-30 is not a date that exists: February 1980 has 29 days"
    assert not Person.objects.exists() and not Case.objects.exists()


def test_model_rules_are_reported_by_column(cast):
    row = "Pia,Rusk,,,123,us-zz,,2001-01-01,2000-01-01,,,,\n"
    report = validate_file((HEADER + row).encode(), team=cast.team)
    columns = {e.column: e.why for e in report.errors}
    assert "five digits" in columns["bop_register_number"]
    assert "not a known jurisdiction" in columns["jurisdiction"]
    row = "Pia,Rusk,,,,federal,,2001-01-01,2000-01-01,,,,\n"
    columns = {e.column: e.why for e in validate_file((HEADER + row).encode(), team=cast.team).errors}
    assert "before the offense date" in columns["conviction_date"]


def test_only_the_good_rows_when_asked(cast):
    report = import_people_cases(
        (HEADER + GOOD + BAD).encode(), team=cast.team, actor=cast.attorney, only_valid_rows=True
    )
    assert report.written and report.cases_created == 2 and report.bad_rows == [4]
    assert Person.objects.count() == 2


def test_duplicates_within_the_file_and_with_the_team_are_reported(cast):
    factories.person(cast.team, bop_register_number="11111-222")
    rows = "A,B,,,33333-444,,,,,,,,\nC,D,,,33333-444,,,,,,,,\n"
    report = validate_file((HEADER + GOOD + rows).encode(), team=cast.team)
    why = {(e.row, e.column): e.why for e in report.errors}
    assert "already belongs to" in why[(2, "bop_register_number")]
    assert "also on row 4" in why[(5, "bop_register_number")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty"),
        (b"   \n", "The file is empty"),
        ("given_name,family_name\nJos\xe9,Ruiz\n".encode("latin-1"), "not UTF-8"),
        (b"first,last\nA,B\n", "missing column(s) given_name, family_name"),
        (b"given_name,family_name,shoe_size\nA,B,9\n", "unknown column(s) 'shoe_size'"),
        (b"given_name,family_name\n", "no rows of data"),
    ],
)
def test_file_errors_are_clear(cast, data, message):
    report = import_people_cases(data, team=cast.team, actor=None)
    assert message in report.file_error
    assert not Person.objects.exists()


def test_a_utf8_file_with_a_bom_and_accents_is_read(cast):
    data = "\ufeffgiven_name,family_name\nJosé,Ruíz\n".encode()
    assert import_people_cases(data, team=cast.team, actor=None).written
    assert Person.objects.get().given_name == "José"


def test_a_row_of_the_wrong_width_is_reported(cast):
    report = validate_file(b"given_name,family_name\nA,B,C\n", team=cast.team)
    assert report.errors[0].column == "(whole row)"


def test_the_documented_columns_are_the_parsed_columns():
    from clemency.cases import importing

    for column in COLUMNS:
        assert (
            f"  {column}" in importing.__doc__
            or f" {column}," in importing.__doc__
            or f", {column}" in importing.__doc__
        ), column


def test_the_command_imports_and_reports(cast, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(HEADER + GOOD, encoding="utf-8")
    call_command("import", "people-cases", str(good), "--team", cast.team.name, "--as", "attorney")
    assert Person.objects.filter(team=cast.team).count() == 2
    assert AuditEvent.objects.filter(action="person.create", actor=cast.attorney).count() == 2


def test_the_command_refuses_a_bad_file_and_writes_nothing(cast, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + BAD, encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import", "people-cases", str(bad), "--team", cast.team.name)
    assert "row 2, column birth_date, value '1980-02-30'" in capsys.readouterr().err
    assert not Person.objects.exists()


def test_the_command_needs_a_known_team_and_user(cast, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(HEADER + GOOD, encoding="utf-8")
    with pytest.raises(CommandError, match="--team"):
        call_command("import", "people-cases", str(good))
    with pytest.raises(CommandError, match="no team named"):
        call_command("import", "people-cases", str(good), "--team", "Nope")
    with pytest.raises(CommandError, match="no user named"):
        call_command("import", "people-cases", str(good), "--team", cast.team.name, "--as", "nobody")


def test_the_import_page_shows_the_error_report(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.staff)
    upload = SimpleUploadedFile("people.csv", (HEADER + BAD).encode(), content_type="text/csv")
    response = client.post(reverse("cases:import"), {"file": upload, "team": cast.team.pk})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in body and "1980-02-30" in body
    assert not Person.objects.exists()


def test_the_import_page_imports_a_good_file_into_the_users_team_only(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.staff)
    upload = SimpleUploadedFile("people.csv", (HEADER + GOOD).encode(), content_type="text/csv")
    stranger = client.post(reverse("cases:import"), {"file": upload, "team": cast.other_team.pk})
    assert "team" in stranger.context["form"].errors
    upload.seek(0)
    response = client.post(reverse("cases:import"), {"file": upload, "team": cast.team.pk})
    assert response.status_code == 200 and "Imported 2 people" in response.content.decode()


def test_the_import_page_documents_the_columns(client, cast):
    client.force_login(cast.staff)
    body = client.get(reverse("cases:import")).content.decode()
    assert "sentence_term_days" in body and "bop_register_number" in body
    client.force_login(cast.read_only)
    assert client.get(reverse("cases:import")).status_code == 403


def test_the_import_page_refuses_a_file_too_large(client, cast, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MAX_UPLOAD_BYTES = 100
    client.force_login(cast.staff)
    upload = SimpleUploadedFile("people.csv", (HEADER + GOOD).encode(), content_type="text/csv")
    response = client.post(reverse("cases:import"), {"file": upload, "team": cast.team.pk})
    assert response.status_code == 400
    assert "largest accepted is 100 bytes" in response.context["form"].errors["file"][0]
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2023-02-30", "2023-02-30 is not a date that exists: February 2023 has 28 days"),
        ("2024-13-01", "2024-13-01 is not a date that exists: there is no month 13"),
        ("03/02/2023", "not a date in YYYY-MM-DD form"),
    ],
)
def test_a_date_that_does_not_exist_is_reported_as_such(cast, value, why):
    from clemency.cases.importing import _date

    with pytest.raises(ValueError, match=why):
        _date(value)


def test_the_import_page_shows_the_columns_and_no_notes_for_programmers(client, cast):
    client.force_login(cast.attorney)
    page = client.get(reverse("cases:import")).content.decode()
    assert "birth_date" in page and "given_name" in page
    assert "clemency import people-cases" not in page and "`" not in page
