"""screen_file end to end: the results file, its metadata, the reports, and regenerated explanations."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import polars as pl
import pytest

from clemency.law import all_pathways, evaluate, get_pathway, validate_facts
from clemency.screening.inputs import InputError
from clemency.screening.results import ResultsError, describe_row, facts_for_person, read_metadata, read_row
from clemency.screening.run import _prefetched, screen_file
from clemency.screening.synth import write_population

AS_OF = dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    work = tmp_path_factory.mktemp("screen")
    population = write_population(work / "people.parquet", 3_000, seed=11)
    summary = screen_file(population, work / "results.parquet", AS_OF, report_path=work / "report.html",
                          batch_rows=1_000)
    return summary


def test_every_person_gets_a_row_with_every_pathway_and_a_distinct_rank(screened):
    frame = pl.read_parquet(screened.out_path)
    assert frame.height == screened.rows == 3_000
    assert frame["person_id"].n_unique() == 3_000
    assert sorted(frame["rank"].to_list()) == list(range(1, 3_001))
    for pathway in all_pathways():
        assert frame[f"{pathway.id}.outcome"].null_count() == 0
    assert sum(screened.counts["us.pardon"].values()) == 3_000


def test_ranks_follow_the_keys_across_batches(screened):
    frame = pl.read_parquet(screened.out_path).sort("rank")
    executions = frame["next_execution_date"].to_list()
    known = [d for d in executions if d is not None]
    assert known == sorted(known) and executions[: len(known)] == known  # executions first, soonest first


def test_the_explanation_regenerated_from_the_input_says_what_the_row_says(screened):
    meta = read_metadata(screened.out_path)
    ids = pl.read_parquet(screened.out_path, columns=["person_id"])["person_id"].to_list()
    for person in random.Random(4).sample(ids, 40):
        facts, as_of = facts_for_person(screened.out_path, person)
        assert as_of == AS_OF
        checked = validate_facts(facts)  # what `clemency explain --from` does
        row = read_row(screened.out_path, person)
        for described in describe_row(row, meta):
            result = evaluate(get_pathway(described["pathway"]), checked, as_of, validated=True)
            assert described["outcome"] == result.outcome.value
            assert described["eligible_from"] == result.eligible_from
            assert described["failed"] == [c.id for c in result.criteria if c.value is False]
            assert described["unknown"] == [c.id for c in result.criteria if c.value is None]


def test_the_html_report_has_the_counts_the_questions_and_the_top_of_the_list(screened):
    html = screened.report_path.read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "<script" not in html
    pardon = screened.counts["us.pardon"]
    assert "<th scope=\"row\">us.pardon</th>" in html
    assert f'{pardon["INELIGIBLE"]:,}' in html
    assert screened.missing_facts and screened.missing_facts[0][0] in html
    top = pl.read_parquet(screened.out_path).sort("rank")["person_id"][0]
    assert f"<code>{top}</code>" in html


def test_the_validation_report_lists_bad_cells_and_the_screen_goes_on(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("person_id,birth_date,court_system,sentence_type\n"
                    "a,1950-13-01,federal,life\nb,1950-01-01,county,term\n", encoding="utf-8")
    summary = screen_file(path, tmp_path / "out.parquet", AS_OF, pathways=["us.compassionate_release.age"])
    assert summary.validation_issues == 2
    lines = summary.validation_path.read_text(encoding="utf-8").splitlines()
    assert lines == ["row,column,value,why", "1,birth_date,1950-13-01,not a real calendar date",
                     "2,court_system,county,\"not one of: federal, dc_superior, state\""]
    frame = pl.read_parquet(summary.out_path)
    assert frame.columns[:2] == ["person_id", "us.compassionate_release.age.outcome"]
    assert frame["us.compassionate_release.age.outcome"].to_list() == ["NEEDS_REVIEW", "NEEDS_REVIEW"]


def test_a_repeated_person_id_stops_the_run(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("person_id,court_system\na,federal\nb,state\na,state\n", encoding="utf-8")
    with pytest.raises(InputError, match="person_id must be unique; repeated: a"):
        screen_file(path, tmp_path / "out.parquet", AS_OF)
    assert not (tmp_path / "out.parquet").exists()


def test_progress_is_reported_per_batch(tmp_path):
    population = write_population(tmp_path / "p.parquet", 250, seed=1)
    seen = []
    screen_file(population, tmp_path / "out.parquet", AS_OF, on_progress=lambda d, t: seen.append((d, t)),
                batch_rows=100)
    assert seen == [(100, 250), (200, 250), (250, 250)]


def test_a_file_under_a_million_rows_still_reports_progress_in_steps(tmp_path):
    population = write_population(tmp_path / "p.parquet", 30_000, seed=1)
    seen = []
    screen_file(population, tmp_path / "out.parquet", AS_OF, on_progress=lambda d, t: seen.append((d, t)))
    assert seen == [(10_000, 30_000), (20_000, 30_000), (30_000, 30_000)]


def test_an_explanation_is_refused_once_the_input_has_changed(tmp_path):
    population = write_population(tmp_path / "p.parquet", 20, seed=2)
    summary = screen_file(population, tmp_path / "out.parquet", AS_OF)
    write_population(population, 21, seed=3)
    with pytest.raises(ResultsError, match="not the file that was screened"):
        facts_for_person(summary.out_path, "000000001")


def test_a_copy_of_the_input_elsewhere_explains_the_row_and_a_new_mtime_does_not_matter(tmp_path):
    population = write_population(tmp_path / "p.parquet", 30, seed=2)
    summary = screen_file(population, tmp_path / "out.parquet", AS_OF)
    expected = facts_for_person(summary.out_path, "000000007")
    copy = tmp_path / "restored" / "population.parquet"
    copy.parent.mkdir()
    copy.write_bytes(population.read_bytes())  # a fresh copy: a new path and a new mtime
    population.unlink()
    with pytest.raises(ResultsError, match="no longer there"):
        facts_for_person(summary.out_path, "000000007")
    assert facts_for_person(summary.out_path, "000000007", input_path=copy) == expected
    assert read_metadata(summary.out_path).input["sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest()


def test_a_copy_of_the_same_size_but_other_bytes_is_refused(tmp_path):
    population = write_population(tmp_path / "p.csv", 30, seed=2)
    summary = screen_file(population, tmp_path / "out.parquet", AS_OF)
    text = population.read_bytes()
    forged = tmp_path / "forged.csv"
    forged.write_bytes(text.replace(b"000000007", b"000000070", 1))  # same size, other content
    assert forged.stat().st_size == population.stat().st_size
    with pytest.raises(ResultsError, match="content hash"):
        facts_for_person(summary.out_path, "000000007", input_path=forged)


def test_an_unknown_person_is_a_key_error(screened):
    with pytest.raises(KeyError, match="nobody"):
        facts_for_person(screened.out_path, "nobody")


def test_a_file_that_is_not_a_screen_result_is_refused(tmp_path):
    path = tmp_path / "other.parquet"
    pl.DataFrame({"a": [1]}).write_parquet(path)
    with pytest.raises(ResultsError, match="not a `clemency screen` results file"):
        read_metadata(path)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
def test_the_spark_engine_writes_the_same_results(tmp_path, spark):
    population = write_population(tmp_path / "p.parquet", 300, seed=5)
    by_polars = screen_file(population, tmp_path / "polars.parquet", AS_OF)
    by_spark = screen_file(population, tmp_path / "spark.parquet", AS_OF, engine="spark")
    assert by_spark.counts == by_polars.counts
    left = pl.read_parquet(by_polars.out_path).sort("person_id")
    right = pl.read_parquet(by_spark.out_path).sort("person_id").select(left.columns)
    for name in left.columns:
        assert left[name].cast(pl.String).to_list() == right[name].cast(pl.String).to_list(), name
    assert read_metadata(by_spark.out_path).engine == "spark"
    person = left["person_id"][0]
    assert facts_for_person(by_spark.out_path, person) == facts_for_person(by_polars.out_path, person)


def test_prefetched_batches_come_in_order_and_a_read_error_reaches_the_caller():
    def batches():
        yield pl.DataFrame({"n": [1]})
        yield pl.DataFrame({"n": [2]})
        raise OSError("the disk went away")

    seen = []
    with pytest.raises(OSError, match="the disk went away"):
        for batch in _prefetched(batches()):
            seen.append(batch["n"][0])
    assert seen == [1, 2]


def test_prefetching_stops_when_the_caller_stops():
    read = []

    def batches():
        for n in range(10):
            read.append(n)
            yield pl.DataFrame({"n": [n]})

    for batch in _prefetched(batches()):
        if batch["n"][0] == 2:
            break
    assert read == [0, 1, 2, 3]  # the batch being worked on and one ahead, no more
