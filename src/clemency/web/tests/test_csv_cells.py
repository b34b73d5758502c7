"""One helper neutralises spreadsheet formulas in every CSV the platform writes, the screening
validation report included."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from clemency.csv_cells import SafeWriter, neutralise, neutralise_frame


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\uff1d"])
def test_every_formula_start_is_neutralised(start):
    assert neutralise(f"{start}HYPERLINK(\"http://evil.example\")").startswith("'")
    assert neutralise("plain") == "plain" and neutralise(None) == "" and neutralise(5) == "5"


def test_the_writer_and_the_frame_apply_the_same_rule():
    import polars as pl

    out = io.StringIO()
    SafeWriter(out).writerow(["=1+1", "ok", -3])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1+1", "ok", "'-3"]
    frame = neutralise_frame(pl.DataFrame({"value": ["=cmd|' /C calc'!A0", "fine", None], "row": [1, 2, 3]}))
    assert frame["value"].to_list() == ["'=cmd|' /C calc'!A0", "fine", None]
    assert frame["row"].to_list() == [1, 2, 3]


def test_the_screening_validation_report_neutralises_formulas(tmp_path):
    from clemency.screening.run import screen_file

    path = tmp_path / "people.csv"
    path.write_text("person_id,birth_date,court_system,sentence_type\n"
                    "a,=HYPERLINK(\"http://evil.example\"),federal,life\n"
                    "b,1950-01-01,@SUM(A1),term\n", encoding="utf-8")
    summary = screen_file(path, tmp_path / "out.parquet", dt.date(2025, 7, 1),
                          pathways=["us.compassionate_release.age"])
    rows = list(csv.reader(summary.validation_path.open(encoding="utf-8")))
    values = [row[2] for row in rows[1:]]
    assert values == ["'=HYPERLINK(\"http://evil.example\")", "'@SUM(A1)"]


def test_the_case_and_audit_exports_use_the_same_helper():
    from clemency.audit import export as audit_export
    from clemency.cases import exporting

    assert exporting.neutralise is neutralise and audit_export.neutralise is neutralise
