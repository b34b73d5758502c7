"""Rebuild the shipped public record from the published files (run by hand, never at run time).

    python -m clemency.outcomes.data.build_shipped /path/to/shared/data

Reads the published exports (see PROVENANCE.md beside this file) with the same readers that
`clemency data import` uses, and writes the project's own format: one CSV per dataset with only the
columns the charts need (no names of executed or exonerated people), and the compiled reference
facts with a `source_kind` column (primary or secondary) read from each row's own source type.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

from clemency.outcomes import sources

HERE = Path(__file__).resolve().parent
EXECUTION_COLUMNS = ["executed_on", "jurisdiction", "federal"]
EXONERATION_COLUMNS = [
    "exonerated_on",
    "jurisdiction",
    "federal",
    "worst_crime",
    "crime_year",
    *[name for _, _, name in sources.NRE_FACTORS],
]
# One name per President: the compiled files spell some two ways ("Gerald Ford", "Gerald R. Ford").
PRESIDENT_NAMES = {"Gerald Ford": "Gerald R. Ford", "Richard Nixon": "Richard M. Nixon"}
# Reference files shipped, and the columns left out (people's names and race are not needed for counts).
REFERENCE = {
    "federal_clemency_by_president.csv": [],
    "federal_clemency_actions_and_proclamations.csv": [],
    "federal_pending_petitions_snapshots.csv": [],
    "dpic_capital_clemency_grants.csv": ["name", "race"],
    "dpic_capital_clemency_by_state.csv": [],
    "executions_recent_by_year.csv": [],
    "death_row_population_2023_2024.csv": [],
    "state_clemency_grants.csv": [],
}


def _write(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _cell(row.get(key)) for key in columns})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _check(parsed: sources.Parsed, name: str) -> None:
    if parsed.file_error:
        raise SystemExit(f"{name}: {parsed.file_error}")
    for cell in parsed.bad_cells:
        print(f"{name}: skipped {cell}", file=sys.stderr)


def source_kind(source_type: str) -> str:
    """`primary (archived DOJ page)` -> primary; anything else the compiler marked is secondary."""
    return (
        "primary" if source_type.strip().lower().startswith(("primary", "mirror of primary")) else "secondary"
    )


def build(shared: Path) -> None:
    public = shared / "public"
    dpic = sources.read_dpic_export((public / "dpic_execution_database_1977-2019-02.csv").read_bytes())
    _check(dpic, "DPIC export")
    _write(HERE / "executions_dpic_export_2019-02.csv", EXECUTION_COLUMNS, dpic.rows)
    state = sources.read_ucla_executions(
        (public / "ucla_dpic_state_executions_1977-2022.csv").read_bytes(), federal=False
    )
    federal = sources.read_ucla_executions(
        (public / "ucla_dpic_federal_executions_2001-2021.csv").read_bytes(), federal=True
    )
    _check(state, "UCLA state")
    _check(federal, "UCLA federal")
    rows = sorted(state.rows + federal.rows, key=lambda row: (row["executed_on"], row["jurisdiction"]))
    _write(HERE / "executions_ucla_dpic_1977-2022.csv", EXECUTION_COLUMNS, rows)
    nre = sources.read_nre_spreadsheet((public / "nre_publicspreadsheet_may2024.csv").read_bytes())
    _check(nre, "NRE")
    _write(HERE / "exonerations_nre_2024-05.csv", EXONERATION_COLUMNS, nre.rows)

    for name, dropped in REFERENCE.items():
        with (shared / "reference" / "outcomes" / name).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            records = list(reader)
            columns = [c for c in reader.fieldnames or [] if c not in dropped]
        if "source_type" in columns:
            columns.insert(columns.index("source_type") + 1, "source_kind")
        for record in records:
            if "president" in record:
                record["president"] = PRESIDENT_NAMES.get(record["president"], record["president"])
            record["source_kind"] = source_kind(record.get("source_type", ""))
        _write(HERE / "reference" / name, columns, records)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
