"""`clemency import people-cases FILE.csv [--team NAME] [--only-valid-rows] [--as USERNAME]`.

The columns are documented in `clemency.cases.importing`. Every row is checked first; nothing is
written unless the whole file is good, or `--only-valid-rows` is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Import people and their cases from a UTF-8 CSV file (columns: see clemency.cases.importing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["people-cases"], help="What the file holds.")
        parser.add_argument("file", type=Path, help="The CSV file.")
        parser.add_argument("--team", help="The team's name (needed when there is more than one team).")
        parser.add_argument(
            "--only-valid-rows",
            action="store_true",
            help="Import the good rows even if some rows have errors.",
        )
        parser.add_argument("--as", dest="username", help="The user recorded as doing the import.")

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.accounts.models import Team, User
        from clemency.cases.importing import import_people_cases

        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        if options["team"]:
            team = Team.objects.filter(name=options["team"]).first()
            if team is None:
                raise CommandError(f"There is no team named {options['team']!r}.")
        else:
            teams = list(Team.objects.all()[:2])
            if len(teams) != 1:
                raise CommandError("Say which team with --team NAME" if teams else "There is no team yet.")
            team = teams[0]
        actor = None
        if options["username"]:
            actor = User.objects.filter(username=options["username"]).first()
            if actor is None:
                raise CommandError(f"There is no user named {options['username']!r}.")

        report = import_people_cases(data, team=team, actor=actor, only_valid_rows=options["only_valid_rows"])
        if report.file_error:
            raise CommandError(report.file_error)
        for cell in report.errors:
            self.stderr.write(f"row {cell.row}, column {cell.column}, value {cell.value!r}: {cell.why}")
        if report.written:
            skipped = f"; skipped rows {', '.join(map(str, report.bad_rows))}" if report.errors else ""
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {report.people_created} people and {report.cases_created} cases "
                    f"into {team}{skipped}."
                )
            )
        else:
            raise CommandError(
                f"Nothing was imported: {len(report.errors)} problem(s) in "
                f"{len(report.bad_rows)} of {report.rows_read} rows. Correct the file or use "
                "--only-valid-rows."
            )
