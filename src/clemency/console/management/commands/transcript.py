"""`clemency transcript analyze FILE --facts FACTS.yaml [--speakers MAP.yaml]
--format json|html|pdf --out OUT`: a thin wrapper over clemency.interrogation."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clemency.interrogation import (
    FactsError,
    SpeakerMapError,
    TranscriptError,
    analyze,
    render_html,
    render_pdf,
)


def _read(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{what}: no such file: {path}")
    except UnicodeDecodeError:
        raise CommandError(f"{what}: {path} is not UTF-8 text")


class Command(BaseCommand):
    help = "Trace where each fact in an interrogation transcript was first said, and by whom."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        analyze_parser = actions.add_parser("analyze", help="analyse one transcript against a facts file")
        analyze_parser.add_argument("file", help="transcript: police 'NAME: text', Q./A., WebVTT or SRT")
        analyze_parser.add_argument("--facts", required=True, help="facts YAML")
        analyze_parser.add_argument("--speakers", help="speaker map YAML (optional; proposed if absent)")
        analyze_parser.add_argument("--format", choices=["json", "html", "pdf"], default="json")
        analyze_parser.add_argument("--out", required=True, help="output file")

    def handle(self, *args: object, **options: object) -> None:
        transcript = _read(str(options["file"]), "transcript")
        facts = _read(str(options["facts"]), "--facts")
        speakers = _read(str(options["speakers"]), "--speakers") if options.get("speakers") else None
        try:
            report = analyze(transcript, facts, speakers)
        except (TranscriptError, FactsError, SpeakerMapError) as error:
            raise CommandError(str(error))
        out = Path(str(options["out"]))
        fmt = options["format"]
        if fmt == "pdf":
            out.write_bytes(render_pdf(report))
        else:
            out.write_text(render_html(report) if fmt == "html" else report.to_json(), encoding="utf-8")
        flagged = sum(1 for f in report.facts if f.flag == "INTERROGATOR_FIRST")
        self.stdout.write(f"{len(report.facts)} facts, {flagged} first said by an interrogator; wrote {out}")
