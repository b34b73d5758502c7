"""One rule for every CSV the platform writes: a cell a spreadsheet would run as a formula is
neutralised with a leading apostrophe (CSV injection, CWE-1236).

A pure module (no Django), so the screening library's validation report and the platform's exports
(cases, audit log) share it. Spreadsheets treat a cell starting with `=`, `+`, `-` or `@` (and their
full-width forms, which some convert) as a formula, and a leading tab, carriage return or line feed
can hide such a start.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_FORMULA_START_PATTERN = "^[=+\\-@\\t\\r\\n\uff1d\uff0b\uff0d\uff20]"


def neutralise(value: Any) -> str:
    """The cell as text, prefixed with an apostrophe if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """`csv.writer` whose every cell goes through `neutralise`."""

    def __init__(self, stream: IO[str], **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def neutralise_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The same rule for a Polars frame about to be written with `write_csv` (text columns only)."""
    import polars as pl

    text_columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not text_columns:
        return frame
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_FORMULA_START_PATTERN))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text_columns
    )
