"""The public record that ships with Clemency (files in `data/`, provenance in data/PROVENANCE.md)."""

from __future__ import annotations

import csv
import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clemency.outcomes.models import Source, SourceKind

DATA = Path(__file__).resolve().parent / "data"
REFERENCE = DATA / "reference"
FACTORS = [
    "false_confession",
    "dna",
    "official_misconduct",
    "mistaken_identification",
    "perjury_or_false_accusation",
    "false_or_misleading_forensic_evidence",
    "inadequate_legal_defense",
]


@dataclass(frozen=True)
class ShippedDataset:
    source: str
    table: str
    file_name: str
    title: str
    origin: str
    source_kind: str
    terms: str
    skipped_rows: tuple[str, ...] = ()


SHIPPED = [
    ShippedDataset(
        Source.UCLA_EXECUTIONS,
        "executions",
        "executions_ucla_dpic_1977-2022.csv",
        "Executions 1977-2022 (UCLA Law copy of the DPIC database)",
        "UCLA Law COVID Behind Bars custodial mortality project, Data/Other/Deaths/Executions, derived from "
        "the Death Penalty Information Center's execution database",
        SourceKind.SECONDARY,
        "GPL-3.0",
    ),
    ShippedDataset(
        Source.DPIC_EXECUTIONS,
        "executions",
        "executions_dpic_export_2019-02.csv",
        "Death Penalty Information Center execution database (export of February 2019)",
        "Death Penalty Information Center execution database export, as published in the GitHub repository "
        "9cLUNA/usa-executions (data/execution_database.csv)",
        SourceKind.SECONDARY,
        "DPIC data; repository GPL-3.0",
        (
            "line 1452: no date and no state",
            "line 1467: no date and no state",
            "line 1490: no date and no state",
        ),
    ),
    ShippedDataset(
        Source.NRE_EXONERATIONS,
        "exonerations",
        "exonerations_nre_2024-05.csv",
        "National Registry of Exonerations (public spreadsheet, May 2024)",
        "National Registry of Exonerations public spreadsheet (May 2024), as published in the GitHub "
        "repository alejandroh3005/exoneree-project",
        SourceKind.SECONDARY,
        "NRE public data",
    ),
]


def _yes(text: str) -> bool:
    if text not in ("yes", "no"):
        raise ValueError(f"expected yes or no, found {text!r}")
    return text == "yes"


def read_rows(shipped: ShippedDataset) -> list[dict[str, Any]]:
    """The project's own format: ISO dates, yes/no flags, empty for unknown."""
    rows: list[dict[str, Any]] = []
    with (DATA / shipped.file_name).open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            if shipped.table == "executions":
                rows.append(
                    {
                        "executed_on": datetime.date.fromisoformat(record["executed_on"]),
                        "jurisdiction": record["jurisdiction"],
                        "federal": _yes(record["federal"]),
                    }
                )
            else:
                rows.append(
                    {
                        "exonerated_on": datetime.date.fromisoformat(record["exonerated_on"]),
                        "jurisdiction": record["jurisdiction"],
                        "federal": _yes(record["federal"]),
                        "worst_crime": record["worst_crime"],
                        "crime_year": int(record["crime_year"]) if record["crime_year"] else None,
                        **{name: _yes(record[name]) for name in FACTORS},
                    }
                )
    return rows


def load_shipped(*, actor: Any = None, only_missing: bool = True, audit: bool = True) -> list[Any]:
    """Load each shipped dataset whose source has none yet (or every one, with only_missing=False)."""
    from clemency.outcomes.models import Dataset
    from clemency.outcomes.services import create_dataset

    created = []
    for shipped in SHIPPED:
        if only_missing and Dataset.objects.filter(source=shipped.source).exists():
            continue
        content = (DATA / shipped.file_name).read_bytes()
        facts = {
            "title": shipped.title,
            "origin": shipped.origin,
            "source_kind": shipped.source_kind,
            "terms": shipped.terms,
            "file_name": shipped.file_name,
            "shipped": True,
            "sha256": hashlib.sha256(content).hexdigest(),
        }
        created.append(
            create_dataset(
                actor=actor,
                source=shipped.source,
                table=shipped.table,
                rows=read_rows(shipped),
                facts=facts,
                skipped_rows=list(shipped.skipped_rows),
                audit=audit,
            )
        )
    return created


def load_shipped_after_migrate(sender: Any = None, using: str = "default", **kwargs: Any) -> None:
    """After `migrate` (so a fresh install and each test database start with it), fill an empty public
    record. Not after `flush` (which sends the same signal without a migration plan): emptying a database
    between tests should not cost a reload; a test that needs the record loads it."""
    from django.db import connections

    from clemency.outcomes.models import Dataset

    if "plan" not in kwargs:
        return
    if "outcomes_dataset" not in connections[using].introspection.table_names():
        return
    if not Dataset.objects.using(using).exists():
        load_shipped(audit=False)


def reference_rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
