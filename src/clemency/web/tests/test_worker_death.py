"""Fault injection: the background worker is killed mid-bundle and mid-screening.

The web server keeps serving, the jobs the worker held are marked failed with the reason, its
temporary folders (LibreOffice's, the screen's) are removed, a new worker starts after a back-off,
and each job's page offers to try again. Runs on SQLite and PostgreSQL (CI runs the suite on both)."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse

from clemency.web import supervisor as supervisor_module
from clemency.web.jobs import recover_dead_worker_jobs
from clemency.web.supervisor import Supervisor

pytestmark = pytest.mark.django_db(transaction=True)

# Stands in for `clemency db_worker`: makes the temporary folders a bundle and a screen make, says so,
# and works until it is killed.
FAKE_WORKER = """
import sys, tempfile, time
tempfile.mkdtemp(prefix="clemency-soffice-")
tempfile.mkdtemp(prefix="clemency-screening-")
print("working", flush=True)
time.sleep(600)
"""
FAKE_WEB = "import time; time.sleep(600)"


def _queued_jobs(cast, settings):
    """A bundle and a screen, queued in the database and claimed by a worker, as if half-done."""
    from clemency.drafting.models import Bundle, BundleStatus
    from clemency.drafting.tasks import assemble_bundle
    from clemency.screenings.models import RunStatus
    from clemency.screenings.tasks import screen_population
    from clemency.screenings.tests.conftest import make_run
    from clemency.web.tests.factories import make_case

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    bundle = Bundle.objects.create(case=make_case(cast.team), status=BundleStatus.RUNNING)
    run = make_run(cast.team, cast.attorney, status=RunStatus.RUNNING)
    results = [assemble_bundle.enqueue(bundle.pk), screen_population.enqueue(run.pk)]
    return bundle, run, results


def _claim(results, worker_id: str) -> None:
    from django_tasks_db.models import DBTaskResult

    for result in results:
        DBTaskResult.objects.get(pk=result.id).claim(worker_id)


def test_killing_the_worker_mid_job_keeps_the_site_up_fails_its_jobs_and_cleans_up(
        cast, settings, tmp_path, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from clemency.drafting.models import BundleStatus
    from clemency.screenings.models import RunStatus

    monkeypatch.setattr(supervisor_module, "FIRST_BACK_OFF_SECONDS", 0.2)
    bundle, run, results = _queued_jobs(cast, settings)
    if True:
        supervisor = Supervisor(
            [sys.executable, "-c", FAKE_WEB],
            lambda worker_id: [sys.executable, "-c", FAKE_WORKER],
            env={"PATH": "/usr/bin:/bin"}, scratch_root=tmp_path / "scratch",
            on_worker_death=recover_dead_worker_jobs, log=lambda message: None)
        supervisor.slot.back_off = 0.2  # type: ignore[union-attr]
        supervisor.start()
        slot = supervisor.slot
        assert slot is not None and slot.process is not None
        first_id = slot.worker_id
        _claim(results, first_id)
        deadline = time.monotonic() + 20
        while len(list(slot.scratch.iterdir())) < 2 and time.monotonic() < deadline:  # type: ignore[union-attr]
            time.sleep(0.05)
        made = sorted(p.name.split("-")[1] for p in slot.scratch.iterdir())  # type: ignore[union-attr]
        assert made == ["screening", "soffice"]
        scratch = slot.scratch
        assert scratch is not None

        slot.process.send_signal(signal.SIGKILL)
        slot.process.wait(10)
        assert supervisor.step() is True  # the web server is still up, so serving goes on
        assert supervisor.web is not None and supervisor.web.poll() is None
        assert not scratch.exists()

        bundle.refresh_from_db()
        run.refresh_from_db()
        assert bundle.status == BundleStatus.FAILED and "killed by signal 9" in bundle.error
        assert run.status == RunStatus.FAILED and "background worker stopped" in run.error_message
        assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"FAILED"}

        deadline = time.monotonic() + 20
        while slot.worker_id == first_id and time.monotonic() < deadline:
            supervisor.step()
            time.sleep(0.05)
        assert slot.worker_id != first_id and slot.process.poll() is None  # started again
        assert slot.back_off == 0.4  # the next quick death waits twice as long
        supervisor.stop()
        assert supervisor.web.poll() is not None


def test_the_site_stops_when_the_web_server_stops(tmp_path):
    supervisor = Supervisor([sys.executable, "-c", "pass"], None, env={"PATH": "/usr/bin:/bin"},
                            scratch_root=tmp_path, log=lambda message: None)
    supervisor.start()
    assert supervisor.web is not None
    supervisor.web.wait(10)
    assert supervisor.step() is False


def test_jobs_of_another_worker_are_left_running(cast, settings):
    from django_tasks_db.models import DBTaskResult

    from clemency.drafting.models import BundleStatus

    bundle, run, results = _queued_jobs(cast, settings)
    _claim(results, "serve-1-1")
    assert recover_dead_worker_jobs("serve-1-2", "gone") == 0
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.RUNNING
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"RUNNING"}


def test_every_failed_job_page_offers_a_retry_that_queues_it_again(client, cast, settings):
    from clemency.audit.models import AuditEvent
    from clemency.drafting.models import BundleStatus
    from clemency.screenings.models import RunStatus

    bundle, run, results = _queued_jobs(cast, settings)
    _claim(results, "serve-1-1")
    recover_dead_worker_jobs("serve-1-1", "The background worker stopped while this job ran.")
    client.force_login(cast.attorney)
    for page, retry in [(reverse("drafting:bundle-detail", args=[bundle.pk]),
                         reverse("drafting:bundle-retry", args=[bundle.pk])),
                        (reverse("screenings:detail", args=[run.pk]),
                         reverse("screenings:retry", args=[run.pk]))]:
        html = client.get(page).content.decode()
        assert "The background worker stopped while this job ran." in html
        assert f'action="{retry}"' in html and "Try again" in html
        assert client.post(retry).status_code == 302
        assert client.post(retry).status_code == 400  # no longer failed
    bundle.refresh_from_db()
    run.refresh_from_db()
    assert bundle.status == BundleStatus.QUEUED and bundle.error == ""
    assert run.status == RunStatus.QUEUED and run.error_message == ""
    assert AuditEvent.objects.filter(action__endswith="_retried").count() == 2
    assert AuditEvent.objects.filter(action__endswith="_failed").count() == 2


def test_a_read_only_member_cannot_retry(client, cast, settings):
    bundle, run, results = _queued_jobs(cast, settings)
    _claim(results, "serve-1-1")
    recover_dead_worker_jobs("serve-1-1", "stopped")
    client.force_login(cast.read_only)
    assert client.post(reverse("drafting:bundle-retry", args=[bundle.pk])).status_code in (403, 404)
    client.force_login(cast.outsider)
    assert client.post(reverse("screenings:retry", args=[run.pk])).status_code == 404


def test_the_worker_gets_its_own_temporary_folder(tmp_path):
    seen = tmp_path / "seen.txt"
    script = f"import tempfile, pathlib; pathlib.Path({str(seen)!r}).write_text(tempfile.gettempdir())"
    supervisor = Supervisor([sys.executable, "-c", FAKE_WEB],
                            lambda worker_id: [sys.executable, "-c", script],
                            env={"PATH": "/usr/bin:/bin"}, scratch_root=tmp_path / "scratch",
                            log=lambda message: None)
    supervisor.start()
    try:
        assert supervisor.slot is not None and supervisor.slot.process is not None
        supervisor.slot.process.wait(20)
        assert Path(seen.read_text()) == tmp_path / "scratch" / supervisor.slot.worker_id
    finally:
        supervisor.stop()
