"""The facts frame: one column per fact of `clemency.law.FACTS`, typed, plus `person_id`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from clemency.law import FACTS

PERSON_ID = "person_id"

_POLARS_TYPES: dict[str, pl.DataType] = {
    "date": pl.Date(),
    "int": pl.Int64(),
    "bool": pl.Boolean(),
    "enum": pl.String(),
    "list": pl.List(pl.String()),
}


def polars_schema() -> dict[str, pl.DataType]:
    """The dtype of every fact column (and person_id) in a validated facts frame."""
    schema: dict[str, pl.DataType] = {PERSON_ID: pl.String()}
    for name, spec in FACTS.items():
        # Enum facts are Polars Enums: comparisons on them are several times faster than on text.
        schema[name] = pl.Enum(list(spec.values or ())) if spec.type == "enum" else _POLARS_TYPES[spec.type]
    return schema


def facts_frame(rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """A typed frame from validated facts mappings (tests and small batches)."""
    schema = polars_schema()
    records = []
    for index, row in enumerate(rows):
        record = {name: _plain(row.get(name)) for name in schema}
        if record[PERSON_ID] is None:
            record[PERSON_ID] = str(index + 1)
        records.append(record)
    return pl.DataFrame(records, schema=schema)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def row_to_facts(row: Mapping[str, Any]) -> dict[str, Any]:
    """A facts mapping (as `validate_facts` accepts it) from one row of a facts frame."""
    facts: dict[str, Any] = {}
    for name in FACTS:
        value = row.get(name)
        if isinstance(value, dt.datetime):
            value = value.date()
        facts[name] = value
    return facts


def to_arrow(frame: pl.DataFrame) -> pa.Table:
    """`frame.to_arrow()` that pyarrow's Parquet writer accepts: Polars may keep values behind a
    null list, which the writer refuses, so null lists are rebuilt in Arrow."""
    lists = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
    if not lists:
        return frame.to_arrow()
    nulls = {name: frame[name].is_null().to_arrow() for name in lists}
    table = frame.with_columns(
        pl.col(name).fill_null(pl.lit([], dtype=frame.schema[name])) for name in lists).to_arrow()
    for name in lists:
        index = table.schema.get_field_index(name)
        column = table.column(index)
        rebuilt = pc.if_else(nulls[name], pa.scalar(None, type=column.type), column)
        table = table.set_column(index, name, rebuilt)
    return table
