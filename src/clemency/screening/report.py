"""The HTML report of a screen (Jinja2, no JavaScript): counts, charts, questions, the top of the list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
from jinja2 import Environment, PackageLoader, select_autoescape

from clemency.law import FACTS
from clemency.screening.charts import bar_list, outcome_bars
from clemency.screening.plan import OUTCOMES, column
from clemency.screening.results import describe_row, read_metadata

if TYPE_CHECKING:
    from clemency.screening.run import ScreeningSummary

TOP_ROWS = 50


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("clemency.screening", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def top_rows(results_path: Path, limit: int = TOP_ROWS) -> list[dict[str, Any]]:
    """The first `limit` people by rank, each with what they are eligible for and what is missing."""
    meta = read_metadata(results_path)
    frame = pl.scan_parquet(results_path).filter(pl.col("rank") <= limit).sort("rank").collect()
    rows = []
    for row in frame.iter_rows(named=True):
        described = describe_row(row, meta)
        rows.append({
            "rank": row["rank"],
            "person_id": row["person_id"],
            "next_execution_date": row["next_execution_date"],
            "earliest_deadline": row["earliest_deadline"],
            "earliest_deadline_id": row["earliest_deadline_id"],
            "best_outcome": row["best_outcome"],
            "days_in_custody": row["days_in_custody"],
            "eligible": [d["pathway"] for d in described if d["outcome"] == "ELIGIBLE"],
            "not_yet": [(d["pathway"], d["eligible_from"]) for d in described if d["outcome"] == "NOT_YET"],
            "review": [d["pathway"] for d in described if d["outcome"] == "NEEDS_REVIEW"],
        })
    return rows


def render_report(summary: ScreeningSummary) -> str:
    missing = [(fact, n, FACTS[fact].question if fact in FACTS else "") for fact, n in summary.missing_facts]
    return _environment().get_template("report.html").render(
        summary=summary,
        outcomes=OUTCOMES,
        outcome_chart=outcome_bars(summary.counts),
        missing=missing,
        missing_chart=bar_list([(fact, n) for fact, n, _ in missing[:10]],
                               "Missing facts that hold up the most NEEDS_REVIEW answers", "answers"),
        top=top_rows(summary.out_path),
        column=column,
    )


def write_report(summary: ScreeningSummary, path: Path) -> Path:
    path.write_text(render_report(summary), encoding="utf-8")
    return path
