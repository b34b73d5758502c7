"""`clemency document`: generate a petition, motion or letter for a case from a template (DOCX or PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone


class Command(BaseCommand):
    help = "Generate a document for a case from a template; --list names the templates."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--list", action="store_true", help="name the templates (and, with --case, whether each applies)"
        )
        parser.add_argument("--case", type=int, help="case id")
        parser.add_argument("--template", help="template name (see --list)")
        parser.add_argument("--format", choices=("docx", "pdf"), default="docx")
        parser.add_argument("--variant", choices=("preview", "final"), default="preview")
        parser.add_argument(
            "--redacted", action="store_true", help="a public copy: sensitive fields replaced"
        )
        parser.add_argument("--out", type=Path, help="file to write")
        parser.add_argument(
            "--as",
            dest="as_user",
            metavar="USERNAME",
            help="acting user for the audit trail (default: the system)",
        )
        parser.add_argument(
            "--as-of", dest="as_of", help="date the rulebook is read for, YYYY-MM-DD (default: today)"
        )
        parser.add_argument(
            "--answers", type=Path, metavar="FILE.json",
            help="values for this draft only, by variable path: "
                 "{\"case.recipient.address.one_line\": \"...\"}; "
                 "a --variant final is refused while any printed value is unknown, listing the paths",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency import assembly
        from clemency.drafting import cli, services
        from clemency.drafting.context import case_context

        actor = cli.actor_for(options["as_user"])
        as_of = cli.parse_date(options["as_of"], "--as-of") or timezone.localdate()
        if options["list"]:
            decisions = {}
            if options["case"] is not None:
                case = cli.case_for(options["case"], actor)
                decisions = {
                    s.name: d for s, d in assembly.applicable_templates(case_context(case, as_of=as_of))
                }
            for name, spec in assembly.TEMPLATES.items():
                decision = decisions.get(name)
                verdict = (
                    ""
                    if decision is None
                    else (f"  [{'applies' if decision.applies else 'does not apply'}: {decision.reason}]")
                )
                self.stdout.write(f"{name}  {spec.title}{verdict}")
            return
        missing = [f"--{name}" for name in ("case", "template", "out") if options[name] is None]
        if missing:
            raise CommandError(f"{', '.join(missing)} required (or --list)")
        if options["template"] not in assembly.TEMPLATES:
            known = ", ".join(sorted(assembly.TEMPLATES))
            raise CommandError(f"--template: {options['template']!r} is unknown; known templates: {known}")
        case = cli.case_for(options["case"], actor)
        answers = _answers(options["answers"])
        try:
            document = services.generate_document(
                case,
                actor=actor,
                template=options["template"],
                as_of=as_of,
                variant=options["variant"],
                redacted=options["redacted"],
                output_format=options["format"],
                answers=answers,
            )
        except services.MissingVariables as error:
            raise CommandError(f"--variant final: these values are unknown; record them on the case or "
                               f"give them with --answers: {', '.join(error.paths)}") from None
        except ValidationError as error:
            raise cli.command_error(error) from None
        cli.write_out(options["out"], document.file)
        self.stdout.write(
            f"{options['out']}: {document} ({document.size_bytes} bytes, sha256 {document.sha256})"
        )


def _answers(path: Path | None) -> dict[str, str]:
    import json

    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CommandError(f"--answers: {path} is not a readable JSON file: {error}") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise CommandError(f"--answers: {path} must hold one JSON object of text values by variable path")
    return data
