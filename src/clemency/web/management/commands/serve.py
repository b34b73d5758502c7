"""`clemency serve`: the production WSGI server (gunicorn) and one background worker, together."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from clemency.web.jobs import recover_dead_worker_jobs
from clemency.web.supervisor import Supervisor


class Command(BaseCommand):
    help = "Serve the platform with gunicorn and run one background task worker beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
        parser.add_argument("--no-worker", action="store_true", help="Do not start the background worker.")

    def handle(self, *args: Any, **options: Any) -> None:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE",
                                                                        "clemency.web.settings")}
        bind = f"{options['host']}:{options['port']}"
        web = [sys.executable, "-m", "gunicorn", "clemency.web.wsgi:application", "--bind", bind,
               "--workers", str(options["workers"]), "--access-logfile", "-", "--timeout", "120",
               # gunicorn's longest request line (8 KB, not its 4 KB default): a long search reaches the
               # form, which says the limit, instead of gunicorn's bare "Request Line is too large".
               "--limit-request-line", "8190"]
        worker = None
        if not options["no_worker"]:
            def worker(worker_id: str) -> list[str]:
                return [sys.executable, "-m", "clemency.cli", "db_worker", "--interval", "1",
                        "--worker-id", worker_id]

            recover_jobs_of_stopped_serves()
        supervisor = Supervisor(web, worker, env=env, scratch_root=Path(settings.VAR_DIR) / "tmp",
                                on_worker_death=recover_dead_worker_jobs,
                                log=lambda message: self.stderr.write(message))
        self.stdout.write(self.style.SUCCESS(f"Clemency is serving on http://{bind}/"))
        if os.environ.get("CLEMENCY_DEMO_HINT", "1") == "1":
            self.stdout.write(
                "Demo sign-in (demonstration data): demo-staff / clemency-demo-2026\n"
                "  (demo-attorney and demo-admin, same password, are asked to set up an authenticator app"
                " first: MFA is required for attorneys and admins)"
            )
        self.stdout.write("Press Ctrl+C to stop.")

        def stop(signum: int, frame: Any) -> None:
            supervisor.stopping = True

        signal.signal(signal.SIGTERM, stop)
        try:
            supervisor.run()
        except KeyboardInterrupt:
            supervisor.stop()


def recover_jobs_of_stopped_serves() -> None:
    """Jobs left running by the worker of a `clemency serve` that is no longer alive are failed."""
    from django_tasks_db.models import DBTaskResult

    for result in DBTaskResult.objects.filter(status="RUNNING"):
        worker_id = (result.worker_ids or [""])[-1]
        parts = worker_id.split("-")
        if len(parts) != 3 or parts[0] != "serve" or not parts[1].isdigit():
            continue
        try:
            os.kill(int(parts[1]), 0)
            continue  # that serve is still running: its worker's jobs are its own business
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        recover_dead_worker_jobs(worker_id, "The server stopped while this job ran. Nothing was kept; "
                                            "try again.")
