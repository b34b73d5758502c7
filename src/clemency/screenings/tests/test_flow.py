"""Upload, screen (ImmediateBackend in tests), browse candidates, explain one, open a case from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clemency.audit.models import AuditEvent
from clemency.screenings.candidates import candidate_page
from clemency.screenings.engine import local_path
from clemency.screenings.models import CandidateCase, RunStatus, ScreeningRun
from clemency.screenings.tests.samples import ROWS, population_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(client, cast):
    client.force_login(cast.attorney)
    response = client.post("/screenings/new/", {
        "team": cast.team.pk, "as_of": "2026-06-01", "title": "Fictional population",
        "file": SimpleUploadedFile("population.csv", population_csv()),
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    return ScreeningRun.objects.get()


def rank_of(run, person_id):
    with local_path(run.result_file) as path:
        return candidate_page(path, q=person_id).rows[0]["rank"]


def test_the_population_is_screened_with_counts_and_a_validation_report(client, run):
    assert run.status == RunStatus.DONE and run.progress == 100
    assert run.rows_total == len(ROWS)
    assert run.counts and all(sum(by_outcome.values()) == len(ROWS) for by_outcome in run.counts.values())
    assert run.counts["us.death_clemency"]["ELIGIBLE"] >= 1
    assert any(issue["column"] == "birth_date" and issue["row"] == 5 for issue in run.issues)
    assert run.result_file and run.report_file
    html = client.get(f"/screenings/{run.pk}/").content.decode()
    assert "People per pathway and outcome" in html and "us.death_clemency" in html
    assert "1970-13-40" in html and "hx-get" not in html
    assert f"/screenings/{run.pk}/candidates/?pathway=us.death_clemency&amp;outcome=ELIGIBLE" in html
    report = client.get(f"/screenings/{run.pk}/report/")
    assert report.status_code == 200 and "sandbox" in report["Content-Security-Policy"]
    actions = set(AuditEvent.objects.filter(object_id=str(run.pk)).values_list("action", flat=True))
    assert {"screening.uploaded", "screening.run_started", "screening.run_finished"} <= actions


def test_candidates_are_ranked_and_filtered(client, run):
    html = client.get(f"/screenings/{run.pk}/candidates/").content.decode()
    assert f"{len(ROWS)} candidates match" in html
    assert html.index("P-002") < html.index("P-006")  # an execution date ranks first
    one = client.get(f"/screenings/{run.pk}/candidates/?q=p-002").content.decode()
    assert "1 candidate matches" in one and "P-001" not in one
    second = client.get(f"/screenings/{run.pk}/candidates/?page=2").content.decode()
    assert 'name="page"' not in second  # a new filter starts again at page 1
    death = client.get(f"/screenings/{run.pk}/candidates/?pathway=us.death_clemency&outcome=ELIGIBLE")
    text = death.content.decode()
    assert "P-002" in text and "P-001" not in text and "P-003" not in text


@pytest.mark.parametrize("query", ["outcome=MAYBE", "pathway=us.nowhere", "page=0", "page=x"])
def test_bad_candidate_filters_are_named_not_500(client, run, query):
    response = client.get(f"/screenings/{run.pk}/candidates/?{query}")
    assert response.status_code == 200
    assert response.context["page"] is None and response.context["filter"].errors
    assert 'role="alert"' in response.content.decode()


def test_candidates_are_paginated_from_the_results_file(run):
    with local_path(run.result_file) as path:
        first = candidate_page(path, per_page=4)
        second = candidate_page(path, per_page=4, page=2)
    assert (first.total, first.pages, second.number) == (len(ROWS), 2, 2)
    assert [row["rank"] for row in first.rows + second.rows] == list(range(1, len(ROWS) + 1))


def test_a_candidates_explanation_is_regenerated_and_agrees_with_the_row(client, run):
    response = client.get(f"/screenings/{run.pk}/candidates/{rank_of(run, 'P-002')}/")
    assert response.status_code == 200
    explanation = response.context["explanation"]
    assert explanation.agrees and explanation.as_of == dt.date(2026, 6, 1)
    html = response.content.decode()
    assert "agrees with the screening row on every pathway" in html
    assert "28 C.F.R. 1.10" in html and "Create person and case from this candidate" in html
    assert client.get(f"/screenings/{run.pk}/candidates/999/").status_code == 404


def test_every_candidate_agrees_with_its_row(client, run):
    for rank in range(1, len(ROWS) + 1):
        assert client.get(f"/screenings/{run.pk}/candidates/{rank}/").context["explanation"].agrees


def test_a_person_and_case_are_created_from_a_candidate_in_one_step(client, cast, run):
    from clemency.cases.models import Case

    rank = rank_of(run, "P-002")
    response = client.post(f"/screenings/{run.pk}/candidates/{rank}/case/",
                           {"given_name": "Corin", "family_name": "Fictional"})
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    assert case.source == "screening" and case.team == cast.team and "P-002" in case.title
    assert str(case.person) == "Corin Fictional" and case.person.birth_date == dt.date(1975, 2, 11)
    conviction = case.convictions.get()
    assert conviction.jurisdiction == "federal" and conviction.sentencing_date == dt.date(2000, 6, 9)
    assert conviction.sentence.sentence_type == "death"
    charges = [(c.statute, c.offense_category) for c in conviction.charges.all()]
    assert charges == [("18 U.S.C. 1111", "violent")]
    assert case.deadlines.get().date == dt.date(2026, 9, 15)
    assert AuditEvent.objects.filter(action="screening.candidate_case_created", case_id=case.pk).exists()
    assert CandidateCase.objects.get().case == case
    # Its case page shows the same pathway as eligible, from the record now.
    assert "us.death_clemency" in client.get(f"/cases/{case.pk}/").content.decode()
    again = client.post(f"/screenings/{run.pk}/candidates/{rank}/case/",
                        {"given_name": "Corin", "family_name": "Fictional"})
    assert again.status_code == 400 and "already has a case" in again.content.decode()
    assert Case.objects.count() == 1
    listing = client.get(f"/screenings/{run.pk}/candidates/?q=P-002").content.decode()
    assert f'href="/cases/{case.pk}/"' in listing


def test_a_missing_name_is_named_and_nothing_is_created(client, run):
    from clemency.people.models import Person

    response = client.post(f"/screenings/{run.pk}/candidates/1/case/", {"given_name": "", "family_name": "X"})
    assert response.status_code == 400 and "given_name" in response.context["form"].errors
    assert not Person.objects.exists()


def test_a_read_only_member_may_read_candidates_but_not_create_a_case(client, cast, run):
    from clemency.people.models import Person

    client.force_login(cast.read_only)
    page = client.get(f"/screenings/{run.pk}/candidates/1/")
    assert page.status_code == 200 and "Create person and case" not in page.content.decode()
    name = {"given_name": "A", "family_name": "B"}
    response = client.post(f"/screenings/{run.pk}/candidates/1/case/", name)
    assert response.status_code == 403 and not Person.objects.exists()


def test_the_api_lists_runs_candidates_and_explanations(client, cast, run):
    runs = client.get("/api/screenings/").json()
    assert runs["count"] == 1 and runs["results"][0]["status"] == "done"
    assert client.get(f"/api/screenings/{run.pk}/").json()["rows_total"] == len(ROWS)
    page = client.get(f"/api/screenings/{run.pk}/candidates/?q=P-00&page=1").json()
    assert page["count"] == len(ROWS) and page["results"][0]["rank"] == 1
    assert "us.death_clemency" in page["results"][0]["outcomes"]
    assert client.get(f"/api/screenings/{run.pk}/candidates/?outcome=MAYBE").status_code == 400
    rank = rank_of(run, "P-002")
    explained = client.get(f"/api/screenings/{run.pk}/candidates/{rank}/").json()
    assert explained["person_id"] == "P-002" and explained["agrees_with_row"] is True
    death = next(r for r in explained["results"] if r["pathway"] == "us.death_clemency")
    assert death["outcome"] == "ELIGIBLE"
    client.force_login(cast.outsider)
    assert client.get(f"/api/screenings/{run.pk}/candidates/").status_code == 404


@pytest.mark.parametrize("rows, message", [
    ([ROWS[0], ROWS[0]], "person_id must be unique"),
    ([ROWS[0], "," + ROWS[1].split(",", 1)[1]], "person_id is empty"),
])
def test_a_file_the_library_refuses_while_screening_fails_the_run_with_its_message(
    client, cast, rows, message
):
    client.force_login(cast.attorney)
    upload = SimpleUploadedFile("p.csv", population_csv(rows))
    client.post("/screenings/new/", {"team": cast.team.pk, "as_of": "2026-06-01", "file": upload})
    run = ScreeningRun.objects.get()
    assert run.status == RunStatus.FAILED and message in run.error_message
    assert "/tmp" not in run.error_message and "population" not in run.error_message.split(":")[0]
    assert message in client.get(f"/screenings/{run.pk}/").content.decode()
    assert client.get(f"/screenings/{run.pk}/candidates/").status_code == 404


def test_a_record_the_case_services_refuse_creates_nothing_and_names_the_field(client, cast):
    from clemency.cases.models import Case
    from clemency.people.models import Person

    future = ROWS[3].replace("2009-08-03", "2099-08-03").replace("2009-10-05", "2099-10-05")
    client.force_login(cast.attorney)
    upload = SimpleUploadedFile("p.csv", population_csv([future]))
    client.post("/screenings/new/", {"team": cast.team.pk, "as_of": "2026-06-01", "file": upload})
    run = ScreeningRun.objects.get()
    name = {"given_name": "N", "family_name": "F"}
    response = client.post(f"/screenings/{run.pk}/candidates/1/case/", name)
    assert response.status_code == 400
    errors = response.context["form"].non_field_errors()
    assert any(e.startswith("conviction_date: ") and "in the future" in e for e in errors), errors
    assert not Person.objects.exists() and not Case.objects.exists() and not CandidateCase.objects.exists()


def test_an_explanation_reads_the_stored_population_when_the_screened_path_is_gone(client, cast):
    """As after a restore, or with remote storage: the screen read a copy that no longer exists."""
    from clemency.screening.results import read_metadata
    from clemency.screenings.tests.world import screening_objects

    run = screening_objects(cast, "restored")["screening_run"]
    with local_path(run.result_file) as path:
        recorded = read_metadata(path).input["path"]
    assert recorded != run.input_file.path and not Path(recorded).exists()
    client.force_login(cast.attorney)
    response = client.get(f"/screenings/{run.pk}/candidates/1/")
    assert response.status_code == 200 and response.context["explanation"].agrees
    run.input_file.storage.delete(run.input_file.name)  # the stored copy gone too: said, not a 500
    assert client.get(f"/screenings/{run.pk}/candidates/1/").status_code == 409
