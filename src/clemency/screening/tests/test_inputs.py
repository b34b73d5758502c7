"""Validation before evaluation: bad cells become unknown with a report row; bad files stop the run."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from clemency.screening.inputs import InputError, open_population, validate_batch


def csv_file(tmp_path, text: str):
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_bad_cell_becomes_unknown_with_its_row_column_value_and_reason():
    raw = pl.DataFrame({
        "person_id": ["a", "b", "c"],
        "birth_date": ["2020-02-30", "1990-1-1", "1980-05-05"],
        "sentence_term_days": ["-3", "12.0", "3650"],
        "on_supervision": ["Yes", "TRUE", ""],
        "court_system": ["federal", "fed", None],
        "offense_categories": ["drug|violent", "drug||sex", "[]"],
    })
    facts, report = validate_batch(raw, 1)
    assert report.rows() == [
        (1, "birth_date", "2020-02-30", "not a real calendar date"),
        (1, "sentence_term_days", "-3", "must be at least 0"),
        (1, "on_supervision", "Yes", "expected true or false"),
        (2, "birth_date", "1990-1-1", "not a date in the form YYYY-MM-DD"),
        (2, "court_system", "fed", "not one of: federal, dc_superior, state"),
        (2, "offense_categories", "drug||sex", "the list has an empty item"),
        (2, "sentence_term_days", "12.0", "not a whole number"),
    ]  # by row, then in the order of the rulebook's facts
    row_a, row_b, row_c = facts.iter_rows(named=True)
    assert row_a["birth_date"] is None and row_a["sentence_term_days"] is None
    assert row_a["on_supervision"] is None  # "Yes" is not coerced to true
    assert row_a["offense_categories"] == ["drug", "violent"]
    assert row_b["on_supervision"] is True and row_b["court_system"] is None
    assert row_c == row_c | {"birth_date": dt.date(1980, 5, 5), "sentence_term_days": 3650,
                             "on_supervision": None, "offense_categories": []}


def test_report_rows_count_from_the_first_row_of_the_batch():
    raw = pl.DataFrame({"person_id": ["x"], "citizenship": ["martian"]})
    _, report = validate_batch(raw, 1_000_001)
    assert report["row"].to_list() == [1_000_001]


def test_an_impossible_order_of_dates_makes_the_later_date_unknown():
    raw = pl.DataFrame({"person_id": ["a"], "custody_start_date": [dt.date(2010, 1, 1)],
                        "release_date": [dt.date(2009, 12, 31)]})
    facts, report = validate_batch(raw, 1)
    assert facts["release_date"].to_list() == [None]
    assert facts["custody_start_date"].to_list() == [dt.date(2010, 1, 1)]
    assert report.rows() == [(1, "release_date", "2009-12-31", "before custody_start_date 2010-01-01")]


def test_age_at_offense_is_derived_and_a_disagreeing_value_is_reported():
    raw = pl.DataFrame({"person_id": ["a", "b"], "birth_date": [dt.date(2000, 2, 29)] * 2,
                        "offense_date": [dt.date(2018, 2, 28)] * 2, "age_at_offense_years": [None, 17]})
    facts, report = validate_batch(raw, 1)
    assert facts["age_at_offense_years"].to_list() == [18, 18]  # 28 Feb counts in a common year
    assert report.rows() == [(2, "age_at_offense_years", "17",
                              "disagrees with birth_date and offense_date, which give 18")]


def test_statutes_are_spelled_one_way_as_the_rulebook_does():
    raw = pl.DataFrame({"person_id": ["a"], "statutes": [["21 USC § 844(a)"]]})
    facts, report = validate_batch(raw, 1)
    assert facts["statutes"].to_list() == [["21 U.S.C. 844(a)"]] and report.height == 0


def test_typed_parquet_columns_are_checked_too(tmp_path):
    raw = pl.DataFrame({"person_id": [1, 2], "sentence_term_days": [100, -1],
                        "offense_categories": [["drug"], ["arson"]]})
    facts, report = validate_batch(raw, 1)
    assert facts["person_id"].to_list() == ["1", "2"]
    assert report.rows() == [(2, "offense_categories", "arson", "an item is not one of: "
                              "drug, violent, sex, weapon, property, fraud, other"),
                             (2, "sentence_term_days", "-1", "must be at least 0")]


def test_a_missing_person_id_column_stops_the_run(tmp_path):
    path = csv_file(tmp_path, "birth_date\n1980-01-01\n")
    with pytest.raises(InputError, match="no person_id column"):
        open_population(path)


def test_an_unknown_column_stops_the_run_and_suggests_the_fact(tmp_path):
    path = csv_file(tmp_path, "person_id,birth_dates\na,1980-01-01\n")
    with pytest.raises(InputError, match="'birth_dates' \\(did you mean 'birth_date'\\?\\)"):
        open_population(path)


def test_an_empty_person_id_stops_the_run_naming_the_row():
    raw = pl.DataFrame({"person_id": ["a", " "]})
    with pytest.raises(InputError, match="row 2: person_id is empty"):
        validate_batch(raw, 1)


def test_a_parquet_column_of_the_wrong_type_stops_the_run(tmp_path):
    path = tmp_path / "people.parquet"
    pl.DataFrame({"person_id": ["a"], "sentence_term_days": [1.5]}).write_parquet(path)
    with pytest.raises(InputError, match="'sentence_term_days': expected int values, found Float64"):
        open_population(path)


def test_a_file_that_is_neither_csv_nor_parquet_is_refused(tmp_path):
    path = tmp_path / "people.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(InputError, match="expected a .csv or .parquet file"):
        open_population(path)


def test_csv_lists_use_the_delimiter_and_an_empty_cell_is_unknown(tmp_path):
    path = csv_file(tmp_path, "person_id,statutes,offense_categories\n"
                              "a,21 U.S.C. 844; 21 U.S.C. 846,drug\nb,,\n")
    population = open_population(path, list_delimiter=";")
    facts, report = validate_batch(next(population.batches(10)), 1, ";")
    assert facts["statutes"].to_list() == [["21 U.S.C. 844", "21 U.S.C. 846"], None]
    assert facts["offense_categories"].to_list() == [["drug"], None]
    assert report.height == 0


def test_category_columns_map_onto_the_rulebook_values_and_unknown_categories_are_reported():
    raw = pl.DataFrame({"person_id": ["a", "b", "c"],
                        "court_system": pl.Series(["federal", "county", None], dtype=pl.Categorical)})
    facts, report = validate_batch(raw, 1)
    assert facts["court_system"].to_list() == ["federal", None, None]
    assert report.rows() == [(2, "court_system", "county", "not one of: federal, dc_superior, state")]


def test_statutes_are_read_as_judgments_write_them_as_the_rulebook_does():
    raw = pl.DataFrame({
        "person_id": ["a", "b", "c"],
        "statutes": [["21 U.S.C. 841(a)(1), (b)(1)(A)", "18 USC s. 924(c)"], ["21 U.S.C. eight forty one"],
                     ["Cal. Penal Code 667.5(c)"]],
    })
    facts, _ = validate_batch(raw, 1)
    assert facts["statutes"].to_list() == [
        ["21 U.S.C. 841(a)(1)", "21 U.S.C. 841(b)(1)(A)", "18 U.S.C. 924(c)"],
        None,  # a citation that cannot be read: unknown, and asked for
        ["Cal. Penal Code 667.5(c)"],
    ]
