"""The screening records of the generated permission tests' world (web/tests/permission_registry.py).

The world is built for every one of those tests, so the population is screened once per test
process (for real, by the library) and each world gets a finished run holding copies of its files.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from pathlib import Path
from typing import Any

AS_OF = dt.date(2026, 6, 1)


@functools.cache
def _screened() -> dict[str, Any]:
    from clemency.screenings import engine
    from clemency.screenings.tests.samples import population_csv

    with tempfile.TemporaryDirectory(prefix="clemency-world-") as folder:
        source = Path(folder) / "population.csv"
        source.write_bytes(population_csv())
        out, report = Path(folder) / "results.parquet", Path(folder) / "report.html"
        outcome = engine.screen(source, out, as_of=AS_OF, pathways=None, report_path=report,
                                on_progress=lambda done, total: None, max_issues=200)
        assert outcome.validation_path is not None
        return {
            "input": source.read_bytes(), "results": out.read_bytes(), "report": report.read_bytes(),
            "validation": outcome.validation_path.read_bytes(), "rows": outcome.rows,
            "counts": outcome.counts, "issues": outcome.issues, "issues_count": outcome.issues_count,
        }


def screening_objects(cast: Any, marker: str) -> dict[str, Any]:
    """A finished run on the cast's team, its title carrying the marker."""
    from django.core.files.base import ContentFile

    from clemency.screenings.models import RunStatus, ScreeningRun

    screened = _screened()
    run = ScreeningRun(
        team=cast.team, title=f"Screening {marker}", original_name="population.csv", input_format="csv",
        size_bytes=len(screened["input"]), sha256="0" * 64, as_of=AS_OF, status=RunStatus.DONE, progress=100,
        rows_total=screened["rows"], rows_done=screened["rows"], counts=screened["counts"],
        issues=screened["issues"], issues_count=screened["issues_count"], created_by=cast.attorney,
    )
    for field, key, name in (("input_file", "input", "population.csv"),
                             ("result_file", "results", "results.parquet"),
                             ("report_file", "report", "report.html"),
                             ("validation_file", "validation", "validation.csv")):
        getattr(run, field).save(name, ContentFile(screened[key]), save=False)
    run.save()
    return {"screening_run": run}
