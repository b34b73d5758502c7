"""The results file: one Parquet row per person, and the metadata to regenerate any row.

The file's key-value metadata `clemency.screening` holds JSON: the as_of date, the pathways with
their criteria in mask-bit order, and a pointer to the input (path, format, list delimiter, size
and modification time). `facts_for_person` re-reads that person's row from the input and
validates it exactly as the screen did, so the scalar evaluator can explain the row; if the input
has changed since, it refuses rather than explain different facts.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq

from clemency.screening.inputs import open_population, validate_batch
from clemency.screening.plan import decode_record
from clemency.screening.schema import PERSON_ID, row_to_facts

METADATA_KEY = "clemency.screening"
FORMAT_VERSION = 1


class ResultsError(ValueError):
    """The results file cannot answer: not a screening result, or its input is gone or changed."""


@dataclass(frozen=True)
class ResultsMetadata:
    as_of: dt.date
    pathways: list[dict[str, Any]]  # {"id", "criteria": [...], "deadlines": [...]}
    input: dict[str, Any]
    rows: int
    engine: str

    def criteria(self, pathway_id: str) -> list[str]:
        for pathway in self.pathways:
            if pathway["id"] == pathway_id:
                return list(pathway["criteria"])
        raise KeyError(f"the results have no pathway {pathway_id!r}")

    def to_json(self) -> str:
        return json.dumps({
            "version": FORMAT_VERSION, "as_of": self.as_of.isoformat(), "pathways": self.pathways,
            "input": self.input, "rows": self.rows, "engine": self.engine,
        })


def input_pointer(path: Path, fmt: str, list_delimiter: str) -> dict[str, Any]:
    stat = path.stat()
    return {"path": str(path.resolve()), "format": fmt, "list_delimiter": list_delimiter,
            "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def read_metadata(path: str | Path) -> ResultsMetadata:
    try:
        raw = pq.read_metadata(path).metadata or {}  # the file's key-value metadata
    except (OSError, ValueError) as error:
        raise ResultsError(f"{path}: cannot be read as Parquet: {error}") from None
    blob = raw.get(METADATA_KEY.encode())
    if blob is None:
        raise ResultsError(f"{path}: not a `clemency screen` results file (no {METADATA_KEY} metadata)")
    data = json.loads(blob)
    return ResultsMetadata(
        as_of=dt.date.fromisoformat(data["as_of"]), pathways=data["pathways"], input=data["input"],
        rows=int(data["rows"]), engine=str(data.get("engine", "polars")),
    )


def facts_for_person(path: str | Path, person_id: str) -> tuple[dict[str, Any], dt.date]:
    """(the person's validated facts, the screen's as_of) for one row of a results file."""
    meta = read_metadata(path)
    source = Path(meta.input["path"])
    if not source.is_file():
        raise ResultsError(f"the screened input {source} is no longer there")
    stat = source.stat()
    if stat.st_size != meta.input["size"] or stat.st_mtime_ns != meta.input["mtime_ns"]:
        raise ResultsError(f"the screened input {source} has changed since the screen; screen it again")
    population = open_population(source, meta.input["list_delimiter"])
    found = (
        population.scan().with_row_index("__row", offset=1)
        .filter(pl.col(PERSON_ID).cast(pl.String) == str(person_id)).collect()
    )
    if found.height == 0:
        raise KeyError(f"person {person_id!r} is not in {source}")
    row = int(found["__row"][0])
    facts, _ = validate_batch(found.drop("__row").head(1), row, meta.input["list_delimiter"])
    return row_to_facts(facts.row(0, named=True)), meta.as_of


def read_row(path: str | Path, person_id: str) -> dict[str, Any]:
    """One person's result row, as a dict of column name to value."""
    found = pl.scan_parquet(path).filter(pl.col(PERSON_ID) == str(person_id)).collect()
    if found.height == 0:
        raise KeyError(f"person {person_id!r} is not in {path}")
    return found.row(0, named=True)


def describe_row(row: dict[str, Any], meta: ResultsMetadata) -> list[dict[str, Any]]:
    """Per pathway: outcome, eligible_from, and the failed and unknown criteria ids of one row."""
    out = []
    for pathway in meta.pathways:
        pid, criteria = pathway["id"], pathway["criteria"]
        failed, unknown = decode_record(row[f"{pid}.criteria"], criteria, pathway["mask_bits"])
        out.append({
            "pathway": pid,
            "outcome": row[f"{pid}.outcome"],
            "eligible_from": row.get(f"{pid}.eligible_from"),
            "failed": failed,
            "unknown": unknown,
        })
    return out
