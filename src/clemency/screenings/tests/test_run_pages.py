"""Run pages: progress while it runs (htmx and a plain link), failures, the list, and access."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clemency.audit.models import AuditEvent
from clemency.screenings import engine
from clemency.screenings.models import RunStatus, ScreeningRun
from clemency.screenings.tests.conftest import make_run
from clemency.screenings.tests.samples import population_csv

pytestmark = pytest.mark.django_db


def test_a_running_run_polls_every_two_seconds_and_offers_a_plain_refresh_link(client, cast):
    run = make_run(cast.team, cast.attorney, status=RunStatus.RUNNING, progress=40, rows_done=4,
                   rows_total=10)
    client.force_login(cast.student)
    html = client.get(f"/screenings/{run.pk}/").content.decode()
    assert f'hx-get="/screenings/{run.pk}/status/"' in html and 'hx-trigger="every 2s"' in html
    assert 'value="40"' in html and "4 of 10 people" in html
    assert f'<a href="/screenings/{run.pk}/">Refresh</a>' in html
    fragment = client.get(f"/screenings/{run.pk}/status/", HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in fragment and 'hx-trigger="every 2s"' in fragment.content.decode()


def test_the_status_fragment_reloads_the_page_when_the_run_ends(client, cast):
    run = make_run(cast.team, status=RunStatus.FAILED, error_message="row 3: person_id is empty")
    client.force_login(cast.attorney)
    fragment = client.get(f"/screenings/{run.pk}/status/", HTTP_HX_REQUEST="true")
    assert fragment["HX-Refresh"] == "true"
    body = fragment.content.decode()
    assert "hx-get" not in body and "row 3: person_id is empty" in body


def test_a_queued_run_has_no_candidates_report_or_results_yet(client, cast):
    run = make_run(cast.team)
    client.force_login(cast.attorney)
    for url in ("candidates/", "candidates/1/", "report/", "results.parquet", "validation.csv"):
        assert client.get(f"/screenings/{run.pk}/{url}").status_code == 404


def test_hidden_runs_are_404_everywhere(client, cast):
    run = make_run(cast.team, status=RunStatus.DONE)
    client.force_login(cast.outsider)
    pages = ("", "status/", "candidates/", "candidates/1/", "report/", "results.parquet", "validation.csv")
    for url in pages:
        assert client.get(f"/screenings/{run.pk}/{url}").status_code == 404
    assert client.post(f"/screenings/{run.pk}/candidates/1/case/", {"given_name": "A", "family_name": "B"}
                       ).status_code == 404
    assert str(run) not in client.get("/screenings/").content.decode()
    assert client.get(f"/api/screenings/{run.pk}/").status_code == 404
    assert client.get(f"/api/screenings/{run.pk}/candidates/").status_code == 404
    assert client.get(f"/api/screenings/{run.pk}/candidates/1/").status_code == 404
    assert client.get("/api/screenings/").json()["count"] == 0


def test_the_list_shows_the_teams_runs_with_filters(client, cast):
    make_run(cast.team, title="Federal drug lifers", status=RunStatus.DONE)
    make_run(cast.team, title="Texas death row", status=RunStatus.FAILED)
    make_run(cast.other_team, title="Someone else's")
    client.force_login(cast.read_only)
    html = client.get("/screenings/").content.decode()
    assert "Federal drug lifers" in html and "Texas death row" in html and "Someone else" not in html
    assert "Screen a population" not in html  # read-only: no upload button
    filtered = client.get("/screenings/?status=failed").content.decode()
    assert "Texas death row" in filtered and "Federal drug lifers" not in filtered
    assert 'href="/screenings/"' in html  # the nav link "Screening"


def _upload(client, cast):
    return client.post("/screenings/new/", {
        "team": cast.team.pk, "as_of": "2026-06-01", "file": SimpleUploadedFile("p.csv", population_csv()),
    })


def test_a_file_the_library_rejects_fails_the_run_with_its_message(client, cast, monkeypatch):
    def reject(*args, **kwargs):
        raise engine.PopulationRejected("row 7: person_id is empty; every row needs one")

    monkeypatch.setattr(engine, "screen", reject)
    client.force_login(cast.staff)
    response = _upload(client, cast)
    run = ScreeningRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/screenings/{run.pk}/"
    assert run.status == RunStatus.FAILED
    assert run.error_message == "row 7: person_id is empty; every row needs one"
    assert not run.result_file
    page = client.get(f"/screenings/{run.pk}/").content.decode()
    assert "row 7: person_id is empty" in page and "Browse the" not in page
    actions = list(AuditEvent.objects.filter(object_id=str(run.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["screening.run_failed", "screening.run_started", "screening.uploaded"]


def test_an_unexpected_error_fails_the_run_and_is_logged(client, cast, monkeypatch, caplog):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(engine, "screen", boom)
    client.force_login(cast.attorney)
    _upload(client, cast)
    run = ScreeningRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert run.error_message == "The screen failed unexpectedly (RuntimeError: disk full)."
    assert "screening run" in caplog.text


def test_a_run_is_screened_once_even_if_the_task_is_delivered_twice(cast):
    from clemency.screenings.services import execute_run

    run = make_run(cast.team, status=RunStatus.DONE)
    assert execute_run(run.pk) is None
    assert execute_run(run.pk + 1000) is None
