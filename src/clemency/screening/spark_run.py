"""`screen_file(..., engine="spark")`: validation as with Polars, evaluation and ranking on Spark.

The input is validated batch by batch (the same code, so the same nulls and the same validation
report) into a temporary Parquet file of facts; Spark reads it, computes every column including
the rank, and writes part files, which are then gathered into the one results file with the same
metadata as the Polars engine writes. On a cluster, pass `spark_master` and put the files on
storage every executor can read.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from clemency.csv_cells import neutralise_frame
from clemency.screening.inputs import REPORT_SCHEMA, PopulationFile, validate_batch
from clemency.screening.plan import OUTCOMES, ScreenPlan, column
from clemency.screening.results import METADATA_KEY, ResultsMetadata, input_pointer
from clemency.screening.schema import to_arrow

if TYPE_CHECKING:
    from clemency.screening.run import Progress, ScreeningSummary


def screen_with_spark(population: PopulationFile, plan: ScreenPlan, out_path: Path, master: str | None,
                      on_progress: Progress | None, batch_rows: int) -> ScreeningSummary:
    from clemency.screening.run import ScreeningSummary, check_unique_ids, validation_path_for
    from clemency.screening.spark_engine import local_session, screen_spark

    total = population.row_count()
    validation = validation_path_for(out_path)
    work = Path(tempfile.mkdtemp(prefix="clemency-spark-", dir=out_path.parent))
    try:
        facts_path, issues, done = work / "facts.parquet", 0, 0
        writer: pq.ParquetWriter | None = None
        with validation.open("w", encoding="utf-8", newline="") as report_file:
            report_file.write(",".join(REPORT_SCHEMA) + "\n")
            for batch in population.batches(batch_rows):
                facts, report = validate_batch(batch, done + 1, population.list_delimiter)
                issues += report.height
                if report.height:
                    neutralise_frame(report).write_csv(report_file, include_header=False)
                table = to_arrow(facts.with_columns(pl.col(pl.Enum).cast(pl.String)))
                if writer is None:
                    writer = pq.ParquetWriter(facts_path, table.schema)
                writer.write_table(table)
                done += batch.height
                if on_progress is not None:
                    on_progress(done // 2, total)  # validation is the first half of the work
        if writer is not None:
            writer.close()
        check_unique_ids(pl.scan_parquet(facts_path).select("person_id").collect().to_series())
        spark = local_session(master or "local[2]")
        result = screen_spark(spark.read.parquet(str(facts_path)), plan)
        result.write.mode("overwrite").parquet(str(work / "results"))
        meta = ResultsMetadata(
            as_of=plan.as_of, pathways=plan.metadata()["pathways"],
            input=input_pointer(population.path, population.format, population.list_delimiter),
            rows=done, engine="spark",
        )
        _gather(work / "results", out_path, meta)
        if on_progress is not None:
            on_progress(total, total)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    counts: dict[str, Counter[str]] = {p.id: Counter() for p in plan.pathways}
    frame = pl.scan_parquet(out_path)
    for p in plan.pathways:
        for outcome, n in frame.select(pl.col(column(p.id, "outcome")).value_counts()).collect().unnest(
                column(p.id, "outcome")).iter_rows():
            counts[p.id][str(outcome)] += int(n)
    return ScreeningSummary(
        input_path=population.path, out_path=out_path, as_of=plan.as_of, engine="spark", rows=done,
        pathways=[p.id for p in plan.pathways],
        counts={pid: {o: c.get(o, 0) for o in OUTCOMES} for pid, c in counts.items()},
        validation_issues=issues, validation_path=validation,
    )


def _gather(directory: Path, out_path: Path, meta: ResultsMetadata) -> None:
    dataset = ds.dataset(str(directory), format="parquet")
    schema = dataset.schema.with_metadata({METADATA_KEY: meta.to_json()})
    with pq.ParquetWriter(out_path, schema, compression="zstd") as writer:
        for batch in dataset.to_batches():
            writer.write_table(pa.Table.from_batches([batch], schema=dataset.schema))
