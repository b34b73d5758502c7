"""Read a population file (CSV or Parquet) and validate it against the rulebook's facts.

Two kinds of problem, treated differently:
- The file as a whole is wrong (unknown column, no `person_id`, a column of the wrong type, an
  empty or duplicated `person_id`): `InputError` stops the run with a message naming the column.
- One cell is wrong (an impossible date, an unknown category, a negative term): the cell becomes
  null (unknown) and the validation report gets a row: (row, column, value, why). Rows count from
  1 at the first data row. Nothing is coerced: "Yes" is not "true", " 12" is not 12.

CSV cells are text: dates are YYYY-MM-DD, booleans true/false (any case), lists are items joined
by `list_delimiter` ("|" by default; `[]` is an empty list), an empty cell is unknown.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import polars as pl

from clemency.law import FACTS
from clemency.law import tree as t
from clemency.law.facts import DATE_ORDER, parse_statute
from clemency.screening.polars_compiler import PolarsCompiler
from clemency.screening.schema import PERSON_ID, polars_schema

DEFAULT_LIST_DELIMITER = "|"
REPORT_SCHEMA = {"row": pl.UInt64, "column": pl.String, "value": pl.String, "why": pl.String}
_ROW = "__row"


class InputError(ValueError):
    """The file cannot be screened as it is; nothing was evaluated."""


@dataclass(frozen=True)
class PopulationFile:
    path: Path
    format: str  # "csv" or "parquet"
    columns: tuple[str, ...]
    list_delimiter: str = DEFAULT_LIST_DELIMITER

    def scan(self) -> pl.LazyFrame:
        if self.format == "csv":
            return pl.scan_csv(self.path, infer_schema=False)  # an empty cell is null: unknown
        return pl.scan_parquet(self.path)

    def row_count(self) -> int:
        return int(self.scan().select(pl.len()).collect().item())

    def batches(self, rows: int) -> Iterator[pl.DataFrame]:
        if self.format == "parquet":
            # One batch at a time, read when asked for: `collect_batches` decodes the whole file
            # ahead of a slower consumer (measured: 1.5 GB of decoded input held for 10M people,
            # and a quarter of the screen's page faults). A slice of a Parquet scan reads only the
            # row groups it covers.
            total = self.row_count()
            for start in range(0, total, rows):
                yield self.scan().slice(start, rows).collect()
            return
        # A CSV slice would re-read the file from its start; the streaming reader runs ahead.
        yield from self.scan().collect_batches(chunk_size=rows)


def open_population(path: str | Path, list_delimiter: str = DEFAULT_LIST_DELIMITER) -> PopulationFile:
    """Check the file's header (and, for Parquet, its column types) before anything is read."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet", ".pq"):
        raise InputError(f"{path}: expected a .csv or .parquet file")
    fmt = "csv" if suffix == ".csv" else "parquet"
    try:
        scan = pl.scan_csv(path, infer_schema=False) if fmt == "csv" else pl.scan_parquet(path)
        schema = scan.collect_schema()
    except (pl.exceptions.PolarsError, OSError) as error:
        raise InputError(f"{path}: cannot be read as {fmt.upper()}: {error}") from None
    check_header(list(schema.names()))
    if fmt == "parquet":
        for name, dtype in schema.items():
            _check_dtype(name, dtype)
    return PopulationFile(path, fmt, tuple(schema.names()), list_delimiter)


def check_header(columns: list[str]) -> None:
    if PERSON_ID not in columns:
        raise InputError(f"the file has no {PERSON_ID} column; every row needs one (columns found: "
                         f"{', '.join(columns[:8])}{', ...' if len(columns) > 8 else ''})")
    seen: set[str] = set()
    for name in columns:
        if name in seen:
            raise InputError(f"column {name!r} appears twice in the header")
        seen.add(name)
    unknown = [name for name in columns if name != PERSON_ID and name not in FACTS]
    if unknown:
        hints = []
        for name in unknown:
            close = difflib.get_close_matches(name, list(FACTS), n=1)
            hints.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise InputError("unknown columns, not facts of the rulebook: " + ", ".join(hints))


_ACCEPTED = {
    "date": (pl.Date, pl.String),
    "int": (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64, pl.String),
    "bool": (pl.Boolean, pl.String),
    "enum": (pl.String, pl.Categorical, pl.Enum),
    "list": (pl.List, pl.String),
}


def _check_dtype(name: str, dtype: pl.DataType) -> None:
    if name == PERSON_ID:
        if not (dtype == pl.String or dtype.is_integer()):
            raise InputError(f"{PERSON_ID}: expected text or whole numbers, found {dtype}")
        return
    spec = FACTS[name]
    if dtype == pl.Null:
        return
    if not any(dtype == accepted or dtype.base_type() == accepted for accepted in _ACCEPTED[spec.type]):
        raise InputError(f"column {name!r}: expected {spec.type} values, found {dtype}")
    if spec.type == "list" and isinstance(dtype, pl.List) and dtype.inner not in (pl.String, pl.Categorical):
        raise InputError(f"column {name!r}: expected a list of text, found {dtype}")


# ---- cells --------------------------------------------------------------------------------------
# Each column is checked on its own, and a column is only rewritten when it holds a bad cell: a
# typed Parquet column that is clean (the usual case) costs one cheap comparison.

_MIN_DATE = dt.date(1, 1, 1)
_MAX_DATE = dt.date(9999, 12, 31)


def _blank(raw: pl.Expr) -> pl.Expr:
    """An empty cell: unknown. (A cell of spaces is not empty; it is reported as a bad value.)"""
    return raw.is_null() | (raw.str.len_bytes() == 0)


def _value(name: str) -> pl.Expr:
    """The parsed value of a column, computed in a first pass so the checks do not parse again."""
    return pl.col(f"__value:{name}")


class Parsed(NamedTuple):
    """How one column is read: its value, a cheap test of whether a cell is bad (None: no cell
    can be), and why, worked out only for columns where some cell is bad. A reason built for
    every column of every batch would allocate a text column each time: most of the screen's
    page faults, for reports that are nearly always empty."""

    value: pl.Expr
    bad: pl.Expr | None
    why: pl.Expr


_NEVER = pl.lit(None, dtype=pl.String)


def _checked_text(value: pl.Expr, why: pl.Expr) -> Parsed:
    return Parsed(value, why.is_not_null(), why)


def _parse(name: str, dtype: pl.DataType, delimiter: str) -> Parsed:
    """How to read one column; the reason reads the parsed value through `_value(name)`."""
    spec = FACTS[name]
    raw, parsed_value = pl.col(name), _value(name)
    text = dtype == pl.String
    if spec.type == "date":
        if not text:
            outside = (raw < _MIN_DATE) | (raw > _MAX_DATE)
            why = pl.when(outside).then(pl.lit("outside the calendar (years 1 to 9999)"))
            return Parsed(raw, outside, why)
        shaped = raw.str.contains(r"^\d{4}-\d{2}-\d{2}$")
        parsed = raw.str.to_date("%Y-%m-%d", strict=False)
        reason: pl.Expr = (pl.when(_blank(raw)).then(None)
               .when(~shaped).then(pl.lit("not a date in the form YYYY-MM-DD"))
               .when(parsed_value.is_null()).then(pl.lit("not a real calendar date")))
        return _checked_text(pl.when(shaped).then(parsed), reason)
    if spec.type == "int":
        return _parse_int(spec.minimum, raw, parsed_value, text)
    if spec.type == "bool":
        if not text:
            return Parsed(raw, None, _NEVER)
        lowered = raw.str.to_lowercase()
        flag: pl.Expr = pl.when(lowered == "true").then(True).when(lowered == "false").then(False)
        return _checked_text(flag, pl.when(_blank(raw)).then(None).when(parsed_value.is_null()).then(
            pl.lit("expected true or false")))
    if spec.type == "enum":
        values = list(spec.values or ())
        not_one_of = pl.lit(f"not one of: {', '.join(values)}")
        if isinstance(dtype, (pl.Enum, pl.Categorical)):
            # Categories map straight onto the rulebook's Enum, without materialising any text.
            unknown = raw.is_not_null() & parsed_value.is_null()
            return Parsed(raw.cast(pl.Enum(values), strict=False), unknown, pl.when(unknown).then(not_one_of))
        as_text = raw.cast(pl.String)
        category = as_text.cast(pl.Enum(values), strict=False)
        return _checked_text(category, pl.when(_blank(as_text)).then(None).when(parsed_value.is_null())
                             .then(not_one_of))
    if text:
        stripped = raw.str.strip_chars()
        items: pl.Expr = (pl.when(stripped == "[]").then(pl.lit([], dtype=pl.List(pl.String)))
                 .otherwise(stripped.str.split(delimiter).list.eval(pl.element().str.strip_chars())))
        return Parsed(pl.when(~_blank(raw)).then(items), None, _NEVER)  # items checked below
    return Parsed(raw.cast(pl.List(pl.String)), None, _NEVER)


def _parse_int(minimum: int | None, raw: pl.Expr, parsed_value: pl.Expr, text: bool) -> Parsed:
    why: pl.Expr
    value: pl.Expr
    if text:
        value = pl.when(raw.str.contains(r"^[+-]?\d{1,18}$")).then(raw.cast(pl.Int64, strict=False))
        why = pl.when(_blank(raw)).then(None).when(parsed_value.is_null()).then(pl.lit("not a whole number"))
        bad = why.is_not_null()
    else:
        value = raw.cast(pl.Int64, strict=False)
        too_large = raw.is_not_null() & parsed_value.is_null()
        why, bad = pl.when(too_large).then(pl.lit("too large a number")), too_large
    if minimum is not None:
        below = parsed_value < minimum
        why = why.when(below).then(pl.lit(f"must be at least {minimum}"))
        bad = bad | below
    return Parsed(value, bad, why)


def _list_items(items: pl.Series) -> pl.Series:
    """Every item of every list in the column, without copying them: the list array's own values
    through Arrow. They may include items left under rows that are null, so this is a superset,
    good for "is any item bad?" (the rows are then checked exactly) and for distinct spellings.
    `explode` would copy every item of every batch (measured: 73,000 fewer page faults for 10M)."""
    import pyarrow as pa

    lists = items.to_arrow(compat_level=pl.CompatLevel.newest())
    if isinstance(lists, pa.ChunkedArray):
        values: pa.Array | pa.ChunkedArray = pa.chunked_array(
            [chunk.values for chunk in lists.chunks], type=lists.type.value_type)
    else:
        values = lists.values
    flat = pl.from_arrow(values)
    assert isinstance(flat, pl.Series)
    return flat


def _bad_items(name: str, items: pl.Series) -> pl.Series | None:
    """Per row, why a list cell is bad (None when the whole column is clean, the usual case)."""
    spec = FACTS[name]
    flat = _list_items(items)
    bad = flat.is_null() | (flat == "")
    if spec.values is not None:
        bad = bad | ~flat.is_in(list(spec.values))
    if not bad.any():
        return None
    frame = pl.DataFrame({"items": items})
    empty = pl.element().is_null() | (pl.element() == "")
    has_empty = pl.col("items").list.eval(empty).list.any()
    why: pl.Expr = pl.when(has_empty).then(pl.lit("the list has an empty item"))
    if spec.values is not None:
        unknown = pl.col("items").list.eval(~pl.element().is_in(list(spec.values))).list.any()
        why = pl.when(has_empty).then(pl.lit("the list has an empty item")).when(unknown).then(
            pl.lit(f"an item is not one of: {', '.join(spec.values)}"))
    return frame.select(why.alias("why")).to_series()


_SECTIONS_JOIN = "\x1f"
_UNREADABLE = "\x00unreadable"


def _canonical_statutes(frame: pl.DataFrame) -> pl.DataFrame:
    """Read every statute as `validate_facts` does (`parse_statute`, once per distinct spelling):
    one entry may name several sections; a list with an entry that cannot be read is unknown."""
    flat = _list_items(frame["statutes"])
    mapping = {}
    for text in flat.unique().to_list():
        if text is None:
            continue
        sections = parse_statute(text)
        joined = _UNREADABLE if sections is None else _SECTIONS_JOIN.join(sections)
        if joined != text:
            mapping[text] = joined
    if not mapping:
        return frame
    spelled = pl.col("statutes").list.eval(pl.element().replace(mapping).str.split(_SECTIONS_JOIN).explode())
    unreadable = spelled.list.contains(_UNREADABLE)
    return frame.with_columns(pl.when(unreadable).then(None).otherwise(spelled).alias("statutes"))


def validate_batch(batch: pl.DataFrame, first_row: int, delimiter: str = DEFAULT_LIST_DELIMITER,
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(facts frame with every fact column, validation report rows) for one batch of raw rows."""
    ids = batch[PERSON_ID]
    if ids.dtype != pl.String:
        ids = ids.cast(pl.String)
    empty = ids.is_null() | (ids.str.strip_chars() == "")
    if empty.any():
        row = first_row + int(empty.arg_true()[0])
        raise InputError(f"row {row}: {PERSON_ID} is empty; every row needs one")
    present = [name for name in FACTS if name in batch.columns]
    raw_schema = batch.schema  # built anew on each access: once, not once per column
    parsed = {name: _parse(name, raw_schema[name], delimiter) for name in present}
    staged = batch.lazy().with_columns(
        rule.value.alias(f"__value:{name}") for name, rule in parsed.items()).collect()
    # First one flag per column (is any cell bad?), then reasons for the flagged columns only.
    bad_cells = {name: rule.bad for name, rule in parsed.items() if rule.bad is not None}
    flags = (staged.select(*(bad.any().alias(name) for name, bad in bad_cells.items())).row(0)
             if bad_cells else ())
    flagged = [name for name, flag in zip(bad_cells, flags, strict=True) if flag]
    whys = staged.select(*(parsed[name].why.alias(name) for name in flagged)) if flagged else None
    checked = staged.select(*(_value(name).alias(name) for name in parsed))
    del staged
    reasons: dict[str, pl.Series] = {name: whys[name] for name in flagged} if whys is not None else {}
    for name in present:
        if FACTS[name].type == "list":
            items_why = _bad_items(name, checked[name])
            if items_why is not None:
                reasons[name] = items_why
    reasons = {name: reasons[name] for name in present if name in reasons}  # the columns' order
    report = [_report_rows(batch, name, why, first_row) for name, why in reasons.items()]
    fixes = [pl.when(pl.lit(why).is_null()).then(pl.col(name)).alias(name) for name, why in reasons.items()]
    checked = checked.select(present).with_columns(fixes) if fixes else checked.select(present)
    schema = polars_schema()
    facts = checked.select(
        *(pl.col(name).cast(schema[name]) for name in present),
        *(pl.lit(None, dtype=dtype).alias(name) for name, dtype in schema.items()
          if name not in checked.columns and name != PERSON_ID),
    ).with_columns(ids.alias(PERSON_ID)).with_row_index(_ROW, offset=first_row)
    facts = _canonical_statutes(facts)
    facts, order_report = _date_order(facts)
    facts, age_report = _age_at_offense(facts)
    all_reports = [r for r in (*report, order_report, age_report) if r.height]
    combined = pl.concat(all_reports) if all_reports else pl.DataFrame(schema=REPORT_SCHEMA)
    return facts.select(list(schema)), combined.sort("row", maintain_order=True)


def _report_rows(raw: pl.DataFrame, name: str, why: pl.Series, first_row: int) -> pl.DataFrame:
    bad = why.is_not_null()
    original = raw[name].filter(bad)
    if isinstance(original.dtype, pl.List):
        original = original.cast(pl.List(pl.String)).list.join(DEFAULT_LIST_DELIMITER)
    rows = pl.int_range(first_row, first_row + len(why), eager=True).filter(bad)
    return pl.DataFrame({
        "row": rows.cast(pl.UInt64),
        "column": [name] * len(rows),
        "value": original.cast(pl.String),
        "why": why.filter(bad),
    }, schema=REPORT_SCHEMA)


def _date_order(facts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A later date before its earlier one (release before custody) is impossible: make it unknown."""
    reports = []
    checks = facts.select(*((pl.col(later) < pl.col(earlier)).any().alias(f"{earlier}>{later}")
                            for earlier, later in DATE_ORDER)).row(0)
    for (earlier, later), any_wrong in zip(DATE_ORDER, checks, strict=True):
        if not any_wrong:
            continue  # re-checked below after earlier fixes, which can only remove violations
        wrong = pl.col(later) < pl.col(earlier)
        bad = facts.filter(wrong)
        if bad.height:
            reports.append(bad.select(
                pl.col(_ROW).cast(pl.UInt64).alias("row"), pl.lit(later).alias("column"),
                pl.col(later).cast(pl.String).alias("value"),
                pl.format(f"before {earlier} {{}}", pl.col(earlier).cast(pl.String)).alias("why"),
            ))
            facts = facts.with_columns(pl.when(wrong).then(None).otherwise(pl.col(later)).alias(later))
    report = pl.concat(reports) if reports else pl.DataFrame(schema=REPORT_SCHEMA)
    return facts, report


@functools.cache
def _age_expression() -> tuple[PolarsCompiler, pl.Expr]:
    """The rulebook's AgeOn(birth_date, offense_date), compiled once for every batch."""
    # AgeOn reads no as_of, so any date will do for the compiler.
    age = t.AgeOn(t.Fact("birth_date"), t.Fact("offense_date"))
    compiler = PolarsCompiler(dt.date(2000, 1, 1))
    return compiler, compiler.compile(age).alias("__derived_age")


def _age_at_offense(facts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Derive age_at_offense_years from the dates as `validate_facts` does; report a disagreeing value."""
    compiler, derived_age = _age_expression()
    facts = compiler.apply(facts, [derived_age])
    derived = pl.col("__derived_age")
    given = pl.col("age_at_offense_years")
    disagree = given.is_not_null() & derived.is_not_null() & (given != derived)
    bad = facts.filter(disagree)
    report = bad.select(
        pl.col(_ROW).cast(pl.UInt64).alias("row"), pl.lit("age_at_offense_years").alias("column"),
        given.cast(pl.String).alias("value"),
        pl.format("disagrees with birth_date and offense_date, which give {}", derived).alias("why"),
    ) if bad.height else pl.DataFrame(schema=REPORT_SCHEMA)
    return facts.with_columns(pl.when(derived.is_not_null()).then(derived).otherwise(given).alias(
        "age_at_offense_years")).drop("__derived_age"), report
