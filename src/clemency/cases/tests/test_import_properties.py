"""Whatever bytes arrive, the importer answers with a report and never raises; export cells stay inert."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clemency.cases.exporting import FORMULA_STARTS, neutralise
from clemency.cases.importing import COLUMNS, validate_file

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@given(st.binary(max_size=400))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.django_db
def test_any_bytes_give_a_report_not_an_exception(cast, data):
    report = validate_file(data, team=cast.team)
    assert report.file_error or report.rows_read >= 1


@given(st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=5))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.django_db
def test_any_rows_under_a_good_header_are_checked_cell_by_cell(cast, rows):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["given_name", "family_name", "birth_date"])
    writer.writerows(rows)
    report = validate_file(out.getvalue().encode(), team=cast.team)
    assert (
        report.file_error is None or "no rows" in report.file_error or "not readable CSV" in report.file_error
    )
    for error in report.errors:
        assert error.column in COLUMNS or error.column == "(whole row)"
        assert error.why


@given(st.text(max_size=30))
def test_a_neutralised_cell_never_starts_a_formula(text):
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_STARTS) or cell.startswith("'")
    assert cell.removeprefix("'") == text or cell == text
