"""The one place the platform talks to the screening library (`clemency.screening`).

Population files are judged by their content before anything is stored: the size, CSV text or a
Parquet file, then the header through the library's own check (`open_population`), so a wrong header
or a missing `person_id` is refused at upload with the library's message. Results are read back with
Polars, lazily, a page at a time.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from clemency.documents.validation import (
    CHUNK,
    checked_name_and_size,
    is_plain_text,
    upload_chunks,
    upload_sha256,
)

PARQUET_MAGIC = b"PAR1"
HEADER_BYTES = 1024 * 1024  # how much of a CSV the header check copies
FORMATS = {"csv": frozenset({"csv"}), "parquet": frozenset({"parquet", "pq"})}
PERSON_ID = "person_id"


@dataclass(frozen=True)
class PopulationFacts:
    original_name: str
    format: str  # csv or parquet
    size_bytes: int
    sha256: str
    columns: tuple[str, ...]


def _is_parquet(upload: Any, size: int) -> bool:
    if size < 12:
        return False
    upload.seek(0)
    head = upload.read(4)
    upload.seek(size - 4)
    tail = upload.read(4)
    upload.seek(0)
    return bool(head == PARQUET_MAGIC and tail == PARQUET_MAGIC)


def _recognised_other_type(upload: Any) -> str | None:
    """The name of a known non-population format (PDF, Word, Excel, an image...), by its content."""
    import filetype

    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "PDF"
    kind = filetype.guess(head)
    if kind is None:
        return None
    names = {"xlsx": "Excel workbook", "xls": "Excel workbook", "docx": "Word document",
             "doc": "Word document", "zip": "ZIP archive", "gz": "gzip archive"}
    return names.get(kind.extension, kind.extension.upper() + " file")


def _content_format(upload: Any, size: int) -> str:
    if _is_parquet(upload, size):
        return "parquet"
    other = _recognised_other_type(upload)
    if other is not None:
        article = "an" if other[0] in "AEIOU" else "a"
        raise ValidationError({"file": f"This is {article} {other}; a population file is CSV or Parquet."})
    if is_plain_text(upload):
        return "csv"
    raise ValidationError(
        {"file": "The content is neither CSV text (UTF-8) nor a Parquet file: upload .csv or .parquet."}
    )


def inspect_population(upload: Any, *, max_bytes: int) -> PopulationFacts:
    """The facts of a good population file, or a ValidationError on `file` saying what is wrong."""
    original_name, size = checked_name_and_size(upload, max_bytes=max_bytes)
    fmt = _content_format(upload, size)
    extension = original_name.rsplit(".", 1)[-1].lower() if "." in original_name else ""
    if extension not in FORMATS[fmt]:
        raise ValidationError(
            {"file": f"The content is {fmt.upper()} but the name {original_name!r} does not end in "
                     f".{sorted(FORMATS[fmt])[0]}."}
        )
    sha256 = upload_sha256(upload)
    columns = check_header(upload, fmt)
    return PopulationFacts(original_name, fmt, size, sha256, columns)


def check_header(upload: Any, fmt: str) -> tuple[str, ...]:
    """The library's own check of the header (CSV) or schema (Parquet), on a temporary copy."""
    from clemency.screening.inputs import InputError, open_population

    with tempfile.TemporaryDirectory(prefix="clemency-population-") as folder:
        path = Path(folder) / f"population.{fmt}"
        with path.open("wb") as out:
            for index, block in enumerate(upload_chunks(upload)):
                # A CSV's header is its first line; a Parquet schema is in its footer, so all of it.
                if fmt == "csv" and index * CHUNK >= HEADER_BYTES:
                    break
                out.write(block)
        upload.seek(0)
        try:
            population = open_population(path)
        except InputError as error:
            raise ValidationError({"file": _without_path(str(error), path)}) from None
    return tuple(population.columns)


def _without_path(message: str, path: Path) -> str:
    """The library names the file it read; here that is a temporary copy the user never saw."""
    return message.replace(f"{path}: ", "").replace(str(path), "the file")


@contextmanager
def local_path(field_file: Any, suffix: str = "") -> Iterator[Path]:
    """A path on this machine for a stored file: the file itself on local disk, else a copy."""
    try:
        path = field_file.path
    except NotImplementedError:  # remote storage (S3): work on a temporary copy
        path = None
    if path:
        yield Path(path)
        return
    with tempfile.TemporaryDirectory(prefix="clemency-screening-") as folder:
        copy = Path(folder) / f"copy{suffix}"
        with field_file.open("rb") as source, copy.open("wb") as out:
            shutil.copyfileobj(source, out)
        yield copy


@contextmanager
def local_population(run: Any) -> Iterator[Path | None]:
    """The run's population on this machine (a fresh copy from remote storage), for explanations;
    None when the stored file is gone (the explanation then says it is unavailable)."""
    with ExitStack() as stack:
        try:
            path: Path | None = stack.enter_context(
                local_path(run.input_file, suffix=f".{run.input_format}"))
        except (OSError, ValueError):  # ValueError: the run has no stored file
            path = None
        yield path


@dataclass
class ScreenOutcome:
    rows: int | None
    counts: dict[str, dict[str, int]]
    issues_count: int | None
    issues: list[dict[str, Any]] = field(default_factory=list)
    validation_path: Path | None = None  # the whole validation report (CSV: row, column, value, why)


class PopulationRejected(Exception):
    """The library refused the file as a whole (header, person_id): the run fails with this message."""


def screen(
    input_path: Path,
    out_path: Path,
    *,
    as_of: Any,
    pathways: list[str] | None,
    report_path: Path,
    on_progress: Callable[[int, int], None],
    max_issues: int,
) -> ScreenOutcome:
    """Run the library's screen over one file; the counts and validation report for the page."""
    from clemency.screening.inputs import InputError

    try:
        from clemency.screening import screen_file  # type: ignore[attr-defined]
    except ImportError:  # the package does not re-export it
        from clemency.screening.run import screen_file

    try:
        summary = screen_file(
            input_path, out_path, as_of, pathways=pathways or None, engine="polars",
            report_path=report_path, on_progress=on_progress,
        )
    except InputError as error:
        raise PopulationRejected(_without_path(str(error), input_path)) from None
    return _outcome(summary, max_issues)


def _outcome(summary: Any, max_issues: int) -> ScreenOutcome:
    counts = {
        str(pathway): {str(outcome): int(n) for outcome, n in by_outcome.items()}
        for pathway, by_outcome in summary.counts.items()
    }
    validation = Path(summary.validation_path) if summary.validation_path else None
    issues = read_issues(validation, max_issues) if validation is not None and validation.is_file() else []
    return ScreenOutcome(rows=int(summary.rows), counts=counts, issues_count=int(summary.validation_issues),
                         issues=issues, validation_path=validation)


def read_issues(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first rows of a validation report (CSV: row, column, value, why), all as text but the row."""
    import polars as pl

    frame = pl.read_csv(path, infer_schema=False, n_rows=limit)
    return [
        {"row": int(item["row"]), "column": item["column"], "value": item["value"], "why": item["why"]}
        for item in frame.to_dicts()
    ]
