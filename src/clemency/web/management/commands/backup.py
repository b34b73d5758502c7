"""`clemency backup --out FILE`: one snapshot of the database and its files, encrypted, with SHA-256 sums."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clemency.web.backup import BackupError, create_backup
from clemency.web.management.commands._passphrase import backup_passphrase


class Command(BaseCommand):
    help = ("Back up the database and the files its rows reference, from one snapshot, into one archive "
            "encrypted with the passphrase in CLEMENCY_BACKUP_PASSPHRASE (or asked for).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="The archive to write (.tar.gz).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = create_backup(options["out"], passphrase=backup_passphrase(confirm=True),
                                     log=self._log(options))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(
            f"Backed up the database and {len(manifest['entries']) - 1} files to {options['out']}"))

    def _log(self, options: dict[str, Any]) -> Any:
        return (lambda message: self.stderr.write(message)) if options["verbosity"] > 1 else (lambda m: None)
