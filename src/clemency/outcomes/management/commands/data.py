"""`clemency data import KIND FILE [--only-valid-rows] [--dry-run] [--as USERNAME]`, and
`clemency data import --shipped` (the copy that ships with Clemency, where a source has none yet).

KIND is the published format: `dpic-executions` (the Death Penalty Information Center's execution
database export) or `nre-exonerations` (the National Registry of Exonerations' public spreadsheet).
Every bad cell is reported (line, column, value, why). Nothing is written unless every cell is good,
or `--only-valid-rows` is given (the skipped rows are then recorded with the dataset). The pages draw
the newest load of each source.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clemency.outcomes.sources import FORMATS


class Command(BaseCommand):
    help = "Load public-record data: a newer export in its published format, or the shipped copy."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="import")
        load = commands.add_parser("import", help="Load an export of a public source.")
        load.add_argument("kind", nargs="?", choices=sorted(FORMATS), help="The published format of FILE.")
        load.add_argument("file", nargs="?", type=Path, help="The exported file (CSV).")
        load.add_argument("--shipped", action="store_true", help="Load the copy that ships with Clemency.")
        load.add_argument(
            "--only-valid-rows", action="store_true", help="Load the good rows even if some are bad."
        )
        load.add_argument("--dry-run", action="store_true", help="Check the file and report; write nothing.")
        load.add_argument("--as", dest="username", help="The user recorded as doing the import.")

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.accounts.models import User
        from clemency.outcomes.services import import_export
        from clemency.outcomes.shipped import load_shipped

        actor = None
        if options["username"]:
            actor = User.objects.filter(username=options["username"]).first()
            if actor is None:
                raise CommandError(f"There is no user named {options['username']!r}.")
        if options["shipped"]:
            if options["kind"] or options["file"]:
                raise CommandError("Give either --shipped or a kind and a file, not both.")
            created = load_shipped(actor=actor)
            for dataset in created:
                self.stdout.write(f"Loaded {dataset}.")
            if not created:
                self.stdout.write("Every source already has data; nothing loaded.")
            return
        if not options["kind"] or not options["file"]:
            raise CommandError(
                "Say what to load: KIND FILE (kinds: " + ", ".join(sorted(FORMATS)) + "), or --shipped."
            )
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        report = import_export(
            options["kind"],
            data,
            actor=actor,
            file_name=path.name,
            only_valid_rows=options["only_valid_rows"],
            dry_run=options["dry_run"],
        )
        if report.file_error:
            raise CommandError(report.file_error)
        for cell in report.bad_cells:
            self.stderr.write(str(cell))
        summary = f"{report.rows_read:,} good rows read ({report.encoding})"
        if report.bad_cells:
            summary += f"; {len(report.bad_cells):,} bad cells in {len(report.bad_rows):,} rows"
        if report.written:
            self.stdout.write(f"{summary}. Loaded {report.dataset}.")
        elif options["dry_run"]:
            self.stdout.write(f"{summary}. Dry run: nothing written.")
        else:
            raise CommandError(
                f"{summary}. Nothing written: correct the cells above or give --only-valid-rows."
            )
