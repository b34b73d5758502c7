"""The screening records of the generated permission tests' world (web/tests/permission_registry.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def screening_objects(cast: Any, marker: str) -> dict[str, Any]:
    """A finished run on the cast's team (screened for real), its title carrying the marker."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from clemency.screenings.services import start_screening
    from clemency.screenings.tests.samples import population_csv

    run = start_screening(
        actor=cast.attorney, team=cast.team, as_of=dt.date(2026, 6, 1), title=f"Screening {marker}",
        upload=SimpleUploadedFile("population.csv", population_csv()),
    )
    assert run.status == "done", run.error_message
    return {"screening_run": run}
