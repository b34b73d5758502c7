"""`clemency screen`: screen a population file against the rulebook; a ranked Parquet file out."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of: {text!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Screen everyone in a CSV or Parquet file for every relief pathway; write ranked results."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", type=Path, help="CSV or Parquet: person_id plus facts by name")
        parser.add_argument("--as-of", dest="as_of", required=True, help="the date to decide on, YYYY-MM-DD")
        parser.add_argument("--out", type=Path, required=True, help="results file to write (.parquet)")
        parser.add_argument("--pathways", nargs="+", metavar="ID", help="pathway ids; all when omitted")
        parser.add_argument("--engine", choices=("polars", "spark"), default="polars")
        parser.add_argument("--spark-master", dest="spark_master", help="Spark master URL (default local[2])")
        parser.add_argument("--report", type=Path, help="also write an HTML report here")
        parser.add_argument("--list-delimiter", dest="list_delimiter", default="|",
                            help='separator of list facts in CSV cells (default "|")')

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.screening.inputs import InputError
        from clemency.screening.run import screen_file

        as_of = _date(options["as_of"])
        out: Path = options["out"]
        if out.suffix.lower() != ".parquet":
            raise CommandError("--out: the results file must end in .parquet")
        if options["spark_master"] and options["engine"] != "spark":
            raise CommandError("--spark-master: only with --engine spark")
        progress, close = self._progress()
        try:
            summary = screen_file(
                options["input"], out, as_of, pathways=options["pathways"], engine=options["engine"],
                report_path=options["report"], on_progress=progress,
                list_delimiter=options["list_delimiter"], spark_master=options["spark_master"],
            )
        except InputError as error:
            raise CommandError(f"{options['input']}: {error}") from None
        except KeyError as error:  # an unknown pathway id
            raise CommandError(f"--pathways: {error.args[0]}") from None
        finally:
            close()
        self.stdout.write(
            f"{summary.rows:,} people screened as of {as_of.isoformat()} against "
            f"{len(summary.pathways)} pathways in {summary.seconds.get('total', 0):.1f} s"
            f" -> {summary.out_path}"
        )
        if summary.validation_issues:
            self.stdout.write(
                f"{summary.validation_issues:,} bad cells made unknown: see {summary.validation_path}")
        for pathway, counts in summary.counts.items():
            found = ", ".join(f"{n:,} {outcome}" for outcome, n in counts.items() if n)
            self.stdout.write(f"  {pathway}: {found}")
        if summary.report_path:
            self.stdout.write(f"report: {summary.report_path}")

    def _progress(self) -> tuple[Any, Any]:
        """A tqdm bar on a terminal; nothing when output is piped or logged."""
        if not sys.stderr.isatty():
            return None, lambda: None
        from tqdm import tqdm

        bar = tqdm(total=0, unit="people", unit_scale=True, desc="screening", file=sys.stderr)

        def update(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        return update, bar.close
