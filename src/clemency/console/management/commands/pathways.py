"""`clemency pathways`: every relief pathway with its citations and effective dates."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "List every relief pathway in the rulebook with its citations and effective dates."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        from clemency.law import all_pathways
        from clemency.law.render import pathway_summary, pathways_text

        pathways = all_pathways()
        if options["format"] == "json":
            self.stdout.write(json.dumps([pathway_summary(p) for p in pathways], indent=2))
        else:
            self.stdout.write(pathways_text(pathways), ending="")
