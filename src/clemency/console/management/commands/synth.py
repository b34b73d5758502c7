"""`clemency synth`: a synthetic population of fictional people, for demos and benchmarks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Write a synthetic prison population (fictional people, published mixes) as Parquet or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, required=True, help="how many people")
        parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same people)")
        parser.add_argument("--out", type=Path, required=True, help="file to write (.parquet or .csv)")
        parser.add_argument("--as-of", dest="as_of",
                            help="date the facts are current on (default 2025-07-01)")

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.screening.synth import DEFAULT_REFERENCE_DATE, write_population

        if options["people"] < 1:
            raise CommandError("--people: must be at least 1")
        try:
            reference = (dt.date.fromisoformat(options["as_of"]) if options["as_of"]
                         else DEFAULT_REFERENCE_DATE)
        except ValueError:
            raise CommandError(
                f"--as-of: {options['as_of']!r} is not a date in the form YYYY-MM-DD") from None
        out: Path = options["out"]
        if out.suffix.lower() not in (".parquet", ".csv"):
            raise CommandError("--out: write a .parquet or a .csv file")
        write_population(out, options["people"], options["seed"], reference)
        self.stdout.write(f"{options['people']:,} fictional people -> {out}")
