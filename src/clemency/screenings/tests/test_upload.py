"""Bad uploads are refused with a message naming the field, and nothing is stored or recorded."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clemency.audit.models import AuditEvent
from clemency.screenings.models import ScreeningRun
from clemency.screenings.tests.samples import HEADER, ROWS, population_csv

pytestmark = pytest.mark.django_db

URL = "/screenings/new/"


def post(client, cast, content, *, name="population.csv", as_of="2026-06-01", pathways=(), team=None):
    data = {"team": (team or cast.team).pk, "as_of": as_of, "file": SimpleUploadedFile(name, content),
            "title": "Test screening"}
    if pathways:
        data["pathways"] = list(pathways)
    return client.post(URL, data)


def refused(response, field):
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert not ScreeningRun.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="screening.").exists()
    return " ".join(form.errors[field])


@pytest.fixture
def attorney(client, cast):
    client.force_login(cast.attorney)
    return client


def test_a_wrong_header_names_the_column_and_its_closest_fact(attorney, cast, media_root):
    header = HEADER.replace("birth_date", "birthdate")
    message = refused(post(attorney, cast, population_csv(header=header)), "file")
    assert "'birthdate'" in message and "birth_date" in message
    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))


def test_a_missing_person_id_column_is_refused(attorney, cast):
    header = HEADER.replace("person_id", "inmate")
    message = refused(post(attorney, cast, population_csv(header=header)), "file")
    assert "person_id" in message


def test_content_that_is_not_csv_is_refused(attorney, cast):
    message = refused(post(attorney, cast, b"\x00\x01\x02\x03 binary of no known kind\xff\xfe"), "file")
    assert "neither CSV text" in message


def test_a_pdf_is_named_as_a_pdf(attorney, cast):
    # A real PDF whose first lines are plain text: it is named for what it is, not read as CSV.
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    message = refused(post(attorney, cast, pdf, name="population.csv"), "file")
    assert message == "This is a PDF; a population file is CSV or Parquet."


def test_csv_text_under_another_name_is_refused(attorney, cast):
    message = refused(post(attorney, cast, population_csv(), name="population.txt"), "file")
    assert "does not end in .csv" in message


def test_a_file_too_large_is_refused_with_the_limit(attorney, cast, settings):
    settings.MAX_SCREENING_UPLOAD_BYTES = 100
    message = refused(post(attorney, cast, population_csv()), "file")
    assert "the limit is 100 bytes" in message


def test_an_empty_file_is_refused(attorney, cast):
    assert "empty" in refused(post(attorney, cast, b""), "file")


@pytest.mark.parametrize("as_of", ["2026-13-01", "01/06/2026", "", "1899-12-31"])
def test_a_bad_as_of_date_names_the_field(attorney, cast, as_of):
    message = refused(post(attorney, cast, population_csv(), as_of=as_of), "as_of")
    assert "YYYY-MM-DD" in message or "1900-01-01" in message or "required" in message


def test_an_unknown_pathway_is_refused_with_the_closest_ids(attorney, cast):
    message = refused(post(attorney, cast, population_csv(), pathways=["us.pardn"]), "pathways")
    assert "'us.pardn' is not a pathway in the rulebook" in message and "us.pardon" in message


def test_another_teams_id_is_not_a_choice(attorney, cast):
    refused(post(attorney, cast, population_csv(), team=cast.other_team), "team")


def test_a_read_only_member_cannot_open_the_upload_page(client, cast):
    client.force_login(cast.read_only)
    assert client.get(URL).status_code == 403
    assert post(client, cast, population_csv()).status_code == 403
    assert not ScreeningRun.objects.exists()


def test_the_upload_page_has_labelled_fields(attorney):
    html = attorney.get(URL).content.decode()
    for field in ("id_team", "id_file", "id_as_of", "id_pathways"):
        assert f'for="{field}"' in html
    assert 'enctype="multipart/form-data"' in html


def test_the_service_refuses_a_read_only_actor(cast):
    from django.core.exceptions import ValidationError

    from clemency.screenings.services import start_screening

    upload = SimpleUploadedFile("p.csv", population_csv(ROWS[:1]))
    with pytest.raises(ValidationError) as raised:
        start_screening(actor=cast.read_only, team=cast.team, upload=upload, as_of=None)  # type: ignore[arg-type]
    assert set(raised.value.message_dict) == {"team", "as_of"}
    assert not ScreeningRun.objects.exists()


def test_a_large_csv_is_checked_by_its_header_only_and_left_rewound(attorney, cast, settings):
    from clemency.screenings import engine

    rows = [f"Q-{n:07d},1980-01-01,us,federal,,,,,,,,,,,,,," for n in range(60_000)]  # over 1 MB
    content = population_csv(rows)
    assert len(content) > engine.HEADER_BYTES
    upload = SimpleUploadedFile("big.csv", content)
    facts = engine.inspect_population(upload, max_bytes=10 * len(content))
    assert facts.format == "csv" and facts.columns[0] == "person_id" and upload.tell() == 0
    broken = population_csv(rows).replace(b"person_id", b"persons_id", 1)
    with pytest.raises(Exception, match="person_id"):
        engine.inspect_population(SimpleUploadedFile("big.csv", broken), max_bytes=10 * len(content))


def _parquet(frame) -> bytes:
    import io

    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


def test_a_parquet_population_is_accepted(attorney, cast):
    import polars as pl

    good = pl.DataFrame({"person_id": ["A-1", "A-2"], "sentence_type": ["life", None]})
    response = post(attorney, cast, _parquet(good), name="population.parquet")
    run = ScreeningRun.objects.get()
    assert response.status_code == 302 and run.input_format == "parquet" and run.status == "done"
    assert run.rows_total == 2


def test_a_wrongly_typed_parquet_column_is_named(attorney, cast):
    import polars as pl

    wrong = pl.DataFrame({"person_id": ["A-1"], "birth_date": [1.5]})
    message = refused(post(attorney, cast, _parquet(wrong), name="population.parquet"), "file")
    assert "birth_date" in message


def test_parquet_content_under_a_csv_name_is_refused(attorney, cast):
    import polars as pl

    content = _parquet(pl.DataFrame({"person_id": ["A-1"]}))
    assert "does not end in .parquet" in refused(post(attorney, cast, content, name="population.csv"), "file")


def test_a_sample_population_of_fictional_people_can_be_downloaded_and_screened(attorney, cast):
    response = attorney.get("/screenings/sample-population.csv")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    content = response.content
    assert content.startswith(b"person_id,") and content.count(b"\n") == 1001
    upload = post(attorney, cast, content, name="sample.csv")
    run = ScreeningRun.objects.get()
    assert upload.status_code == 302 and run.status == "done" and run.rows_total == 1000
