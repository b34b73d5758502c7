"""`clemency restore FILE`: check every sum, then migrate, load the data and put the files back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clemency.web.backup import BackupError, restore_backup
from clemency.web.management.commands._passphrase import backup_passphrase


class Command(BaseCommand):
    help = ("Restore a backup made by `clemency backup` into an empty installation. Every SHA-256 sum is "
            "checked before anything is written.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--replace", action="store_true",
                            help="Erase the data and files this installation holds, then restore.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["archive"].is_file():
            raise CommandError(f"{options['archive']}: no such file")
        log = (lambda message: self.stderr.write(message)) if options["verbosity"] > 1 else (lambda m: None)
        try:
            report = restore_backup(options["archive"], passphrase=backup_passphrase(confirm=False),
                                    replace=options["replace"], log=log)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(
            f"Restored {report.objects} records and {report.files} files from {options['archive']}"))
