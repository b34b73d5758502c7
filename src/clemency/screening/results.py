"""The results file: one Parquet row per person, and the metadata to regenerate any row.

The file's key-value metadata `clemency.screening` holds JSON: the as_of date, the pathways with
their criteria in mask-bit order, and a pointer to the input (path, format, list delimiter, size
and SHA-256 of its bytes). `facts_for_person` re-reads that person's row from the input (or from a
copy of it the caller names, e.g. a fresh local copy out of object storage) and validates it
exactly as the screen did, so the scalar evaluator can explain the row; if the file is not the one
screened (another size or content hash), it refuses rather than explain different facts. The
modification time is recorded for information only: a copy has a new one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes (hashlib releases the GIL, so a thread can overlap it)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def input_pointer(path: Path, fmt: str, list_delimiter: str, sha256: str | None = None) -> dict[str, Any]:
    """What identifies the screened input: its size and content hash (computed here if not given)."""
    stat = path.stat()
    return {"path": str(path.resolve()), "format": fmt, "list_delimiter": list_delimiter,
            "size": stat.st_size, "sha256": sha256 or file_sha256(path), "mtime_ns": stat.st_mtime_ns}


def _check_same_input(source: Path, recorded: dict[str, Any], overridden: bool) -> None:
    """Refuse a file that is not the one screened: another size, or another content hash."""
    if not source.is_file():
        if overridden:
            raise ResultsError(f"the input copy {source} is not a file")
        raise ResultsError(f"the screened input {source} is no longer there; "
                           "point to a copy of it (--input on the command line)")
    stat = source.stat()
    changed = f"the input {source} is not the file that was screened (its {{}} differs); screen it again"
    if stat.st_size != recorded["size"]:
        raise ResultsError(changed.format("size"))
    if "sha256" in recorded:
        if file_sha256(source) != recorded["sha256"]:
            raise ResultsError(changed.format("content hash"))
    elif overridden or stat.st_mtime_ns != recorded["mtime_ns"]:
        # Results written before content hashes: only the original file, unmodified, will do.
        raise ResultsError(changed.format("modification time" if not overridden else "content hash"))


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


def facts_for_person(path: str | Path, person_id: str, input_path: str | Path | None = None,
                     ) -> tuple[dict[str, Any], dt.date]:
    """(the person's validated facts, the screen's as_of) for one row of a results file.

    `input_path` overrides the recorded input path: a copy of the screened file (same size and
    content hash) elsewhere, e.g. fetched from object storage or restored from a backup."""
    meta = read_metadata(path)
    source = Path(input_path) if input_path is not None else Path(meta.input["path"])
    _check_same_input(source, meta.input, overridden=input_path is not None)
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
