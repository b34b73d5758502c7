"""The visible case list as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from clemency.cases.models import Case
from clemency.csv_cells import FORMULA_STARTS, neutralise  # noqa: F401 - one rule for every CSV

EXPORT_COLUMNS = [
    "case_id",
    "case_title",
    "status",
    "priority",
    "source",
    "team",
    "given_name",
    "family_name",
    "bop_register_number",
    "state_doc_number",
    "facility",
    "jurisdictions",
    "docket_numbers",
    "updated_at",
]


def export_cases(cases: Iterable[Case]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for case in cases:
        convictions = list(case.convictions.all())
        person = case.person
        row = [
            case.pk,
            case.title,
            case.status,
            case.priority,
            case.source,
            case.team.name,
            person.given_name,
            person.family_name,
            person.bop_register_number,
            person.state_doc_number,
            person.facility,
            ";".join(c.jurisdiction for c in convictions),
            ";".join(c.docket_number for c in convictions),
            case.updated_at.isoformat(timespec="seconds"),
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
