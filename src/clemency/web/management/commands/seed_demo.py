"""`clemency seed_demo [--if-empty]`: load the demonstration team, users and fictional cases."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Load demonstration data (fictional people); safe to run twice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if the database already holds any case."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.cases.models import Case
        from clemency.web import demo

        if options["if_empty"] and Case.objects.exists():
            self.stdout.write("The database already holds cases: demonstration data not loaded.")
            return
        cases = demo.seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demonstration data ready: {len(cases)} cases in {demo.TEAM_NAME}. "
                f"Sign in as demo-staff / {demo.DEMO_PASSWORD} (attorneys and admins set up MFA first)."
            )
        )
