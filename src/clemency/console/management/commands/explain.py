"""`clemency explain`: why a person does or does not qualify for each relief pathway, with citations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of: {text!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Explain one person's eligibility for relief pathways on a date, with the law's citations."

    def add_arguments(self, parser: CommandParser) -> None:
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--facts", type=Path, help="JSON file of one person's facts, by fact name")
        source.add_argument("--from", dest="results", type=Path, help="screening results (Parquet)")
        parser.add_argument("--person", help="person id in the screening results (with --from)")
        parser.add_argument(
            "--input",
            dest="input_path",
            type=Path,
            help="with --from: the screened population file, when it is no longer where the screen read "
            "it (a copy is checked against the size and SHA-256 recorded in the results)",
        )
        parser.add_argument("--as-of", dest="as_of", help="the date to decide on, YYYY-MM-DD")
        parser.add_argument(
            "--pathway",
            action="append",
            dest="pathways",
            metavar="ID",
            help="pathway id (repeatable); all pathways when omitted",
        )
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument(
            "--proof",
            action="store_true",
            help="with --format json: add each criterion's facts read and cited steps",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.law import FactError
        from clemency.law.render import explain, memo_text, results_json

        facts, as_of = self._load(options)
        try:
            results = explain(facts, as_of, options["pathways"])
        except FactError as error:
            raise CommandError(f"fact {error.fact}: {error.reason}") from None
        except KeyError as error:
            raise CommandError(str(error.args[0])) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(results_json(results, as_of, detail=options["proof"]), indent=2))
        else:
            self.stdout.write(memo_text(results, as_of, facts), ending="")

    def _load(self, options: dict[str, Any]) -> tuple[dict[str, Any], dt.date]:
        as_of = _date(options["as_of"]) if options["as_of"] else None
        if options["results"] is not None:
            if not options["person"]:
                raise CommandError("--person: required with --from RESULTS.parquet")
            try:
                from clemency.screening.results import facts_for_person
            except ImportError:
                raise CommandError(
                    "--from: screening results are not available in this installation "
                    "(clemency.screening.results.facts_for_person is missing)"
                ) from None
            try:
                facts, results_as_of = facts_for_person(
                    options["results"], options["person"], input_path=options["input_path"]
                )
            except (KeyError, LookupError, FileNotFoundError, ValueError) as error:
                raise CommandError(f"--from: {error}") from None
            return dict(facts), as_of or results_as_of
        if as_of is None:
            raise CommandError("--as-of: required (the law is always applied on a stated date)")
        if options["person"]:
            raise CommandError("--person: only with --from RESULTS.parquet")
        if options["input_path"] is not None:
            raise CommandError("--input: only with --from RESULTS.parquet")
        path: Path = options["facts"]
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"--facts: no such file {path}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"--facts: {path} is not valid JSON ({error})") from None
        if not isinstance(raw, dict):
            raise CommandError(f"--facts: {path} must hold one JSON object of fact names and values")
        return raw, as_of
