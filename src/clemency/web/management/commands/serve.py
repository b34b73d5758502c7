"""`clemency serve`: the production WSGI server (gunicorn) and one background worker, together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


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
        children = [subprocess.Popen(web, env=env)]  # noqa: S603 - our own interpreter and module
        if not options["no_worker"]:
            worker = [sys.executable, "-m", "clemency.cli", "db_worker", "--interval", "1"]
            children.append(subprocess.Popen(worker, env=env))  # noqa: S603
        self.stdout.write(self.style.SUCCESS(f"Clemency is serving on http://{bind}/"))
        if os.environ.get("CLEMENCY_DEMO_HINT", "1") == "1":
            self.stdout.write(
                "Demo sign-in (demonstration data): demo-staff / clemency-demo-2026\n"
                "  (demo-attorney and demo-admin, same password, are asked to set up an authenticator app"
                " first: MFA is required for attorneys and admins)"
            )
        self.stdout.write("Press Ctrl+C to stop.")

        def stop(signum: int, frame: Any) -> None:
            for child in children:
                child.terminate()

        signal.signal(signal.SIGTERM, stop)
        try:
            while all(child.poll() is None for child in children):
                try:
                    children[0].wait(timeout=1)
                except subprocess.TimeoutExpired:
                    continue
        except KeyboardInterrupt:
            pass
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
