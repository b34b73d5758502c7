"""Outside tests the screen runs in the database queue: the upload leaves a queued run, the worker
(`clemency db_worker`, started by `clemency serve`) screens it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from clemency.screenings.models import RunStatus, ScreeningRun
from clemency.screenings.tests.samples import ROWS, population_csv

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_upload_is_queued_and_the_database_worker_screens_it(client, cast, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    client.force_login(cast.attorney)
    client.post("/screenings/new/", {
        "team": cast.team.pk, "as_of": "2026-06-01", "file": SimpleUploadedFile("p.csv", population_csv()),
    })
    run = ScreeningRun.objects.get()
    assert run.status == RunStatus.QUEUED and run.progress == 0
    page = client.get(f"/screenings/{run.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in page and "Queued" in page

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.rows_total == len(ROWS) and run.progress == 100
    assert run.started_at and run.finished_at and run.started_at <= run.finished_at
