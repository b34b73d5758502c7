"""`clemency rulebook --out DIR`: the rulebook as static HTML, one page per pathway."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Write the rulebook as static HTML pages (law, criteria, citations, parameters, cases)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True, help="directory to write the pages into")

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.law.render import build_rulebook

        out: Path = options["out"]
        if out.exists() and not out.is_dir():
            raise CommandError(f"--out: {out} exists and is not a directory")
        try:
            written = build_rulebook(out)
        except OSError as error:
            raise CommandError(f"--out: cannot write to {out} ({error.strerror})") from None
        self.stdout.write(f"Wrote {len(written)} pages to {out}")
