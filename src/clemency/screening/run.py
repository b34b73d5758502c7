"""`screen_file`: a population file in, a ranked results file (and reports) out.

The Polars engine reads the input in batches (bounded memory, and a progress callback), validates
each batch, evaluates every pathway, and appends the batch's results to a temporary Parquet file.
The rank needs the whole population, so it is computed last from one small key per person, and
the final file is written from the temporary one with the rank and the metadata added.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from clemency.csv_cells import neutralise_frame
from clemency.screening import polars_engine
from clemency.screening.inputs import (
    DEFAULT_LIST_DELIMITER,
    REPORT_SCHEMA,
    InputError,
    PopulationFile,
    open_population,
    validate_batch,
)
from clemency.screening.missing import MissingFacts
from clemency.screening.plan import OUTCOME_CODE, OUTCOMES, ScreenPlan, column, make_plan
from clemency.screening.results import METADATA_KEY, ResultsMetadata, file_sha256, input_pointer

Progress = Callable[[int, int], None]
BATCH_ROWS = 1_000_000
# Progress moves in tenths of a file of up to ten batches, rather than jumping from 0 to 100 for
# any file under a million rows; batches never go below PROGRESS_MIN_ROWS (each costs a little).
PROGRESS_STEPS = 10
PROGRESS_MIN_ROWS = 10_000


@dataclass
class ScreeningSummary:
    """What a screen found, for the command line, the HTML report and the platform."""

    input_path: Path
    out_path: Path
    as_of: dt.date
    engine: str
    rows: int
    pathways: list[str]
    counts: dict[str, dict[str, int]]  # pathway -> outcome -> people
    validation_issues: int
    validation_path: Path
    report_path: Path | None = None
    missing_facts: list[tuple[str, int]] = field(default_factory=list)  # (fact, NEEDS_REVIEW rows)
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": str(self.input_path), "out": str(self.out_path), "as_of": self.as_of.isoformat(),
            "engine": self.engine, "rows": self.rows, "pathways": self.pathways, "counts": self.counts,
            "validation_issues": self.validation_issues, "validation_report": str(self.validation_path),
            "report": str(self.report_path) if self.report_path else None,
            "missing_facts": [{"fact": f, "rows": n} for f, n in self.missing_facts],
            "seconds": self.seconds,
        }


def validation_path_for(out_path: Path) -> Path:
    return out_path.with_name(out_path.stem + ".validation.csv")


def screen_file(
    input_path: str | Path,
    out_path: str | Path,
    as_of: dt.date,
    pathways: Sequence[str] | None = None,
    engine: str = "polars",
    report_path: str | Path | None = None,
    on_progress: Progress | None = None,
    *,
    list_delimiter: str = DEFAULT_LIST_DELIMITER,
    batch_rows: int = BATCH_ROWS,
    spark_master: str | None = None,
) -> ScreeningSummary:
    """Screen every person in `input_path` on `as_of`; write `out_path` (Parquet) and reports."""
    if engine not in ("polars", "spark"):
        raise ValueError(f"engine: expected polars or spark, got {engine!r}")
    started = time.perf_counter()
    input_path, out_path = Path(input_path), Path(out_path)
    population = open_population(input_path, list_delimiter)
    plan = make_plan(as_of, pathways)
    if engine == "spark":
        from clemency.screening.spark_run import screen_with_spark

        summary = screen_with_spark(population, plan, out_path, spark_master, on_progress, batch_rows)
    else:
        summary = _screen_with_polars(population, plan, out_path, on_progress, batch_rows,
                                      want_missing=report_path is not None)
    summary.seconds["total"] = time.perf_counter() - started
    if report_path is not None:
        from clemency.screening.report import write_report

        summary.report_path = Path(report_path)
        write_report(summary, summary.report_path)
    return summary


def _screen_with_polars(
    population: PopulationFile, plan: ScreenPlan, out_path: Path, on_progress: Progress | None,
    batch_rows: int, want_missing: bool,
) -> ScreeningSummary:
    total = population.row_count()
    batch_rows = min(batch_rows, max(PROGRESS_MIN_ROWS, -(-total // PROGRESS_STEPS)))
    validation = validation_path_for(out_path)
    tally = _Tally(plan)
    missing = MissingFacts(plan) if want_missing else None
    results: list[pl.DataFrame] = []
    keys: list[pl.Series] = []
    issues = 0
    seconds: dict[str, float] = defaultdict(float)
    done = 0
    # The input's content hash (for `facts_for_person`) is computed beside the screen: hashlib
    # releases the GIL, so on a second core it costs no wall time. Likewise batch N is evaluated
    # on the `evaluator` thread while this one validates batch N + 1 and a reader thread decodes
    # batch N + 2: validation is mostly single-threaded, and each step has serial stretches, so
    # with fewer steps side by side a core would idle through them.
    pending: tuple[Future[pl.DataFrame], pl.DataFrame | None] | None = None

    def finish(evaluation: Future[pl.DataFrame], batch_facts: pl.DataFrame | None) -> None:
        nonlocal done
        tick = time.perf_counter()
        result = evaluation.result()
        seconds["evaluate_wait"] += time.perf_counter() - tick
        tick = time.perf_counter()
        keys.append(rank_key(result, plan.as_of))
        tally.add(result)
        if missing is not None and batch_facts is not None:
            missing.add(batch_facts, result)
        # The results stay in memory (about 170 bytes a person) so the file is written once.
        results.append(result)
        done += result.height
        seconds["tally"] += time.perf_counter() - tick
        if on_progress is not None:
            on_progress(done, total)

    with ThreadPoolExecutor(max_workers=1) as hasher, ThreadPoolExecutor(max_workers=1) as evaluator, \
            validation.open("w", encoding="utf-8", newline="") as report_file:
        sha256 = hasher.submit(file_sha256, population.path)
        # Compiled on the evaluator thread (first in its queue) while the first batch is read.
        compiled = evaluator.submit(polars_engine.CompiledScreen, plan)
        report_file.write(",".join(REPORT_SCHEMA) + "\n")
        first_row = 1
        for batch in _prefetched(population.batches(batch_rows)):
            tick = time.perf_counter()
            facts, report = validate_batch(batch, first_row, population.list_delimiter)
            first_row += batch.height
            del batch
            if report.height:
                issues += report.height
                neutralise_frame(report).write_csv(report_file, include_header=False)
            seconds["validate"] += time.perf_counter() - tick
            evaluation = evaluator.submit(_evaluate, compiled, facts, seconds)
            if pending is not None:
                finish(*pending)
            pending = (evaluation, facts if missing is not None else None)
            del facts
        if pending is not None:
            finish(*pending)
            pending = None
        tick = time.perf_counter()
        pointer = input_pointer(population.path, population.format, population.list_delimiter,
                                sha256=sha256.result())
        seconds["hash_wait"] += time.perf_counter() - tick
    if not results:  # an empty file: still a valid, empty result
        empty = validate_batch(population.scan().head(0).collect(), 1)[0]
        results.append(polars_engine.screen_lazy(empty.lazy(), plan).collect())
    meta = ResultsMetadata(
        as_of=plan.as_of, pathways=plan.metadata()["pathways"], input=pointer, rows=done, engine="polars",
    )
    _rank_and_write(results, keys, out_path, meta, seconds)
    return ScreeningSummary(
        input_path=population.path, out_path=out_path, as_of=plan.as_of, engine="polars", rows=done,
        pathways=[p.id for p in plan.pathways], counts=tally.counts(),
        validation_issues=issues, validation_path=validation,
        missing_facts=missing.top() if missing is not None else [],
        seconds=dict(seconds),
    )


def _prefetched(batches: Iterator[pl.DataFrame]) -> Iterator[pl.DataFrame]:
    """The same batches in the same order, the next one read on a thread of its own while the
    caller works on this one. Measured on 10M people: 0.3 s less wall time in the benchmark's
    conditions (0.9 s straight after another screen), with the peak memory no higher once the
    criteria records were narrowed; an error reading a batch is raised to the caller when it
    asks for that batch."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader") as reader:
        upcoming = reader.submit(next, batches, None)
        while True:
            batch = upcoming.result()
            if batch is None:
                return
            upcoming = reader.submit(next, batches, None)
            yield batch
            del batch  # not held while the next one is awaited: two batches in flight, not three


def _rank_and_write(results: list[pl.DataFrame], keys: list[pl.Series], out_path: Path,
                    meta: ResultsMetadata, seconds: dict[str, float]) -> None:
    """Rank everyone, check the ids are unique, write the file. The rank's sort and the ids'
    uniqueness check both release the GIL, so they run side by side on the two cores."""
    tick = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as ranker:
        ranked = ranker.submit(polars_engine.rank_from_keys,
                               pl.concat(keys) if keys else pl.Series([], dtype=pl.UInt64))
        frame = pl.concat(results, rechunk=False)
        results.clear()
        check_unique_ids(frame["person_id"])
        rank = ranked.result()
    seconds["rank"] += time.perf_counter() - tick
    tick = time.perf_counter()
    write_results(frame.with_columns(rank=pl.Series(rank, dtype=pl.UInt32)), out_path, meta)
    seconds["write"] += time.perf_counter() - tick


def _evaluate(compiled: Future[polars_engine.CompiledScreen], facts: pl.DataFrame,
              seconds: dict[str, float]) -> pl.DataFrame:
    tick = time.perf_counter()
    result = compiled.result().lazy(facts.lazy()).collect()
    seconds["evaluate"] += time.perf_counter() - tick  # only this thread writes this key
    return result


def rank_key(result: pl.DataFrame, as_of: dt.date) -> pl.Series:
    return result.select(polars_engine.rank_key_expr(as_of)).to_series()


class _Tally:
    """People per pathway and outcome: one `select` of sums per batch (every pathway at once)."""

    def __init__(self, plan: ScreenPlan) -> None:
        self.cells = [(p.id, outcome) for p in plan.pathways for outcome in OUTCOMES]
        self.exprs = [
            (pl.col(column(pid, "outcome")).to_physical() == OUTCOME_CODE[outcome]).sum()
            .alias(f"{pid}|{outcome}") for pid, outcome in self.cells
        ]
        self.totals = [0] * len(self.cells)

    def add(self, result: pl.DataFrame) -> None:
        for index, count in enumerate(result.select(self.exprs).row(0)):
            self.totals[index] += int(count)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for (pid, outcome), count in zip(self.cells, self.totals, strict=True):
            out.setdefault(pid, {})[outcome] = count
        return out


def check_unique_ids(ids: pl.Series) -> None:
    """Every person_id once: a row of results must name one person."""
    hashes = ids.hash()
    if hashes.n_unique() == len(hashes):
        return
    dupes = ids.filter(ids.is_duplicated()).unique(maintain_order=True).head(5).to_list()
    if dupes:  # equal hashes of different ids are possible, if rare: only real repeats stop the run
        raise InputError(f"person_id must be unique; repeated: {', '.join(map(str, dupes))}")


def write_results(frame: pl.DataFrame, out_path: Path, meta: ResultsMetadata) -> None:
    """Write the results file (via a temporary name, so a reader never sees half a file)."""
    tmp = out_path.with_name(out_path.name + ".writing")
    # LZ4 without column statistics: the cheapest codec to write (about 0.4 CPU-s per million
    # people, against 0.67 for zstd level 1 with statistics); readers filter by scanning anyway.
    frame.write_parquet(tmp, compression="lz4", statistics=False, metadata={METADATA_KEY: meta.to_json()})
    tmp.replace(out_path)
