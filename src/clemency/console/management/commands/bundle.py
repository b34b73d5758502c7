"""`clemency bundle`: a case's uploads, in order, as one PDF with cover sheets, contents and Bates numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Assemble a case's documents into one exhibit bundle (PDF) and write it to --out."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--case", type=int, required=True, help="case id")
        parser.add_argument(
            "--exhibit",
            type=int,
            action="append",
            dest="exhibits",
            metavar="DOCUMENT_ID",
            help="document id, in exhibit order (repeatable); all of the case's documents if omitted",
        )
        parser.add_argument(
            "--public",
            type=int,
            action="append",
            dest="public",
            default=[],
            metavar="DOCUMENT_ID",
            help="a document that may appear in the redacted public copy (repeatable)",
        )
        parser.add_argument("--bates-prefix", dest="bates_prefix", default="", help="e.g. LSC-0117-")
        parser.add_argument(
            "--redacted",
            action="store_true",
            help="a public copy: only documents given with --public are included",
        )
        parser.add_argument("--title", default="Exhibits")
        parser.add_argument("--out", type=Path, required=True, help="PDF file to write")
        parser.add_argument(
            "--as",
            dest="as_user",
            metavar="USERNAME",
            help="acting user for the audit trail (default: the system)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.accounts.access import privileged_filter
        from clemency.documents.models import Document
        from clemency.drafting import cli, services
        from clemency.drafting.models import BundleStatus

        actor = cli.actor_for(options["as_user"])
        case = cli.case_for(options["case"], actor)
        documents = Document.objects.filter(case=case).order_by("uploaded_at", "id")
        if actor is not None:
            documents = documents.filter(privileged_filter(actor))
        by_id = {d.pk: d for d in documents}
        wanted = options["exhibits"] if options["exhibits"] is not None else list(by_id)
        unknown = [str(pk) for pk in [*wanted, *options["public"]] if pk not in by_id]
        if unknown:
            raise CommandError(
                f"--exhibit: no document {', '.join(unknown)} in case {case.pk}"
                + (f" that {actor.username} may read" if actor else "")
            )
        choices = [services.ExhibitChoice(by_id[pk], public=pk in options["public"]) for pk in wanted]
        try:
            bundle = services.request_bundle(
                case,
                actor=actor,
                exhibits=choices,
                bates_prefix=options["bates_prefix"],
                redacted=options["redacted"],
                title=options["title"],
                background=False,
            )
        except ValidationError as error:
            raise cli.command_error(error) from None
        if bundle.status != BundleStatus.DONE:
            raise CommandError(f"bundle {bundle.pk} failed: {bundle.error}")
        for warning in bundle.warnings:
            self.stderr.write(f"warning: {warning}")
        cli.write_out(options["out"], bundle.file)
        self.stdout.write(
            f"{options['out']}: {bundle.page_count} pages, Bates {bundle.bates_range}, "
            f"{bundle.size_bytes} bytes, sha256 {bundle.sha256}"
        )
        for entry in bundle.toc:
            self.stdout.write(
                f"  Exhibit {entry['label']}: {entry['name']} (page {entry['start_page']}, "
                f"{entry['bates_start']}-{entry['bates_end']})"
            )
