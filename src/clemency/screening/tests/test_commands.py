"""`clemency synth` and `clemency screen` on the command line (quiet when not on a terminal)."""

from __future__ import annotations

import io

import polars as pl
import pytest
from django.core.management import CommandError, call_command


def test_synth_then_screen_writes_results_and_a_report(tmp_path):
    people, results, report = tmp_path / "p.parquet", tmp_path / "r.parquet", tmp_path / "r.html"
    out = io.StringIO()
    call_command("synth", people=500, seed=1, out=people, stdout=out)
    assert "500 fictional people" in out.getvalue()
    out = io.StringIO()
    call_command("screen", str(people), as_of="2025-07-01", out=results, report=report, stdout=out)
    text = out.getvalue()
    assert "500 people screened as of 2025-07-01 against" in text and "us.pardon:" in text
    assert pl.read_parquet(results).height == 500 and report.exists()
    assert "\r" not in text  # no progress bar when stdout/stderr is not a terminal


def test_screen_refuses_a_bad_date_a_bad_file_and_an_unknown_pathway(tmp_path):
    people = tmp_path / "p.csv"
    people.write_text("person_id,court_system\na,federal\n", encoding="utf-8")
    out = tmp_path / "r.parquet"
    with pytest.raises(CommandError, match="--as-of: '2025-13-01' is not a date"):
        call_command("screen", str(people), as_of="2025-13-01", out=out)
    with pytest.raises(CommandError, match="unknown pathway 'us.nothing'"):
        call_command("screen", str(people), as_of="2025-07-01", out=out, pathways=["us.nothing"])
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nx\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no person_id column"):
        call_command("screen", str(bad), as_of="2025-07-01", out=out)
    with pytest.raises(CommandError, match="must end in .parquet"):
        call_command("screen", str(people), as_of="2025-07-01", out=tmp_path / "r.csv")


def test_explain_from_results_uses_the_screened_facts(tmp_path):
    people, results = tmp_path / "p.parquet", tmp_path / "r.parquet"
    call_command("synth", people=50, seed=2, out=people, stdout=io.StringIO())
    call_command("screen", str(people), as_of="2025-07-01", out=results, stdout=io.StringIO())
    row = pl.read_parquet(results).sort("rank").row(0, named=True)
    out = io.StringIO()
    call_command("explain", "--from", str(results), "--person", row["person_id"], "--format", "json",
                 "--pathway", "us.pardon", stdout=out)
    assert f'"outcome": "{row["us.pardon.outcome"]}"' in out.getvalue()


def test_explain_from_results_reads_a_moved_copy_of_the_input_and_refuses_another_file(tmp_path):
    people, results = tmp_path / "p.parquet", tmp_path / "r.parquet"
    call_command("synth", people=30, seed=4, out=people, stdout=io.StringIO())
    call_command("screen", str(people), as_of="2025-07-01", out=results, stdout=io.StringIO())
    person = pl.read_parquet(results)["person_id"][0]
    moved = tmp_path / "elsewhere.parquet"
    people.rename(moved)
    with pytest.raises(CommandError, match="no longer there; point to a copy"):  # the input is gone
        call_command("explain", "--from", str(results), "--person", person, stdout=io.StringIO())
    out = io.StringIO()
    call_command("explain", "--from", str(results), "--person", person, "--input", str(moved),
                 "--format", "json", stdout=out)
    assert '"as_of": "2025-07-01"' in out.getvalue()
    other = tmp_path / "other.parquet"
    call_command("synth", people=31, seed=5, out=other, stdout=io.StringIO())
    with pytest.raises(CommandError, match="not the file that was screened"):
        call_command("explain", "--from", str(results), "--person", person, "--input", str(other),
                     stdout=io.StringIO())
    with pytest.raises(CommandError, match="the input copy .* is not a file"):
        call_command("explain", "--from", str(results), "--person", person, "--input", str(tmp_path),
                     stdout=io.StringIO())
    with pytest.raises(CommandError, match="--input: only with --from"):
        call_command("explain", "--facts", str(tmp_path / "f.json"), "--as-of", "2025-07-01",
                     "--input", str(moved), stdout=io.StringIO())
