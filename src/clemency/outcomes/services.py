"""Loading the public record: every load is one service call, atomic, with its audit event."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from clemency.audit.services import record_event
from clemency.outcomes import sources
from clemency.outcomes.models import Dataset, Execution, Exoneration, Source, SourceKind

# What each importable source is, for the dataset record (the file's own name and checksum are added).
SOURCE_FACTS: dict[str, dict[str, str]] = {
    Source.DPIC_EXECUTIONS: {
        "title": "Death Penalty Information Center execution database",
        "origin": "Death Penalty Information Center (deathpenaltyinfo.org), execution database export",
        "source_kind": SourceKind.SECONDARY,
        "terms": "DPIC data",
    },
    Source.NRE_EXONERATIONS: {
        "title": "National Registry of Exonerations",
        "origin": "National Registry of Exonerations (law.umich.edu/special/exoneration), public spreadsheet",
        "source_kind": SourceKind.SECONDARY,
        "terms": "NRE public data",
    },
}
BATCH = 1000


@dataclass
class ImportReport:
    source: str
    file_name: str
    rows_read: int = 0
    bad_cells: list[sources.BadCell] = field(default_factory=list)
    bad_rows: list[int] = field(default_factory=list)
    file_error: str = ""
    encoding: str = "UTF-8"
    dataset: Dataset | None = None

    @property
    def written(self) -> bool:
        return self.dataset is not None


def _save_rows(dataset: Dataset, table: str, rows: Iterable[dict[str, Any]]) -> None:
    if table == "executions":
        Execution.objects.bulk_create(
            (Execution(dataset=dataset, year=row["executed_on"].year, **row) for row in rows),
            batch_size=BATCH,
        )
    else:
        Exoneration.objects.bulk_create(
            (Exoneration(dataset=dataset, year=row["exonerated_on"].year, **row) for row in rows),
            batch_size=BATCH,
        )


def _date_range(rows: list[dict[str, Any]], key: str) -> tuple[datetime.date | None, datetime.date | None]:
    dates = [row[key] for row in rows]
    return (min(dates), max(dates)) if dates else (None, None)


def create_dataset(
    *,
    actor: Any,
    source: str,
    table: str,
    rows: list[dict[str, Any]],
    facts: dict[str, Any],
    skipped_rows: list[str] | None = None,
    audit: bool = True,
) -> Dataset:
    """Write one complete dataset (its record and every row) in one transaction, with its audit event.

    `audit=False` only for the load of the shipped copy that `migrate` makes into an empty database: no
    person acted, and the dataset record itself says what was loaded and when."""
    first, last = _date_range(rows, "executed_on" if table == "executions" else "exonerated_on")
    with transaction.atomic():
        dataset = Dataset.objects.create(
            source=source,
            row_count=len(rows),
            skipped_rows=skipped_rows or [],
            first_date=first,
            last_date=last,
            imported_by=actor if getattr(actor, "is_authenticated", False) else None,
            **facts,
        )
        _save_rows(dataset, table, rows)
        if audit:
            record_event(
                "outcomes.dataset.import",
                actor=actor,
                obj=dataset,
                after={
                    "source": source,
                    "file_name": dataset.file_name,
                    "rows": len(rows),
                    "sha256": dataset.sha256,
                    "skipped_rows": len(skipped_rows or []),
                },
            )
    return dataset


def import_export(
    format_key: str,
    data: bytes,
    *,
    actor: Any,
    file_name: str,
    only_valid_rows: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Read a newer export in its published format; write it only if every cell is good (or, with
    `only_valid_rows`, the good rows, naming the skipped ones in the dataset). Nothing is half-written."""
    source_format = sources.FORMATS[format_key]
    parsed = source_format.reader(data)
    report = ImportReport(
        source=format_key,
        file_name=file_name,
        rows_read=len(parsed.rows),
        bad_cells=parsed.bad_cells,
        bad_rows=sorted(parsed.bad_rows),
        file_error=parsed.file_error,
        encoding=parsed.encoding,
    )
    if parsed.file_error or dry_run or (parsed.bad_cells and not only_valid_rows) or not parsed.rows:
        if not parsed.rows and not parsed.file_error:
            report.file_error = "The file holds no rows that could be read."
        return report
    skipped: dict[int, list[str]] = {}
    for cell in parsed.bad_cells:
        skipped.setdefault(cell.row, []).append(f"{cell.column} {cell.value!r}: {cell.why}")
    facts = {
        **SOURCE_FACTS[format_key],
        "file_name": file_name,
        "encoding": parsed.encoding,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    report.dataset = create_dataset(
        actor=actor,
        source=format_key,
        table=source_format.table,
        rows=parsed.rows,
        facts=facts,
        skipped_rows=[f"line {line}: {'; '.join(whys)}" for line, whys in sorted(skipped.items())],
    )
    return report
