"""The commands: clemency explain, clemency pathways, clemency rulebook."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def explain_json(path: Path, as_of: str, *pathways: str) -> dict[str, Any]:
    extra = [arg for pid in pathways for arg in ("--pathway", pid)]
    return json.loads(run("explain", "--facts", str(path), "--as-of", as_of, "--format", "json", *extra))


def by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {result["pathway"]: result for result in report["results"]}


def test_explain_json_has_the_documented_shape() -> None:
    report = explain_json(EXAMPLES / "ada_quill.json", "2024-06-01", "us.compassionate_release.age")
    assert report["as_of"] == "2024-06-01"
    (result,) = report["results"]
    assert {"pathway", "title", "outcome", "eligible_from", "missing_facts", "criteria", "deadlines"} <= set(
        result
    )
    assert result["outcome"] == "ELIGIBLE"
    assert result["eligible_from"] == "2023-11-01"
    for criterion in result["criteria"]:
        assert set(criterion) == {"id", "value", "citations", "explanation", "bounds_used"}
        assert criterion["citations"]


@pytest.mark.parametrize(
    ("person", "as_of", "pathway", "outcome", "eligible_from", "deadlines"),
    [
        ("ada_quill", "2024-06-01", "us.compassionate_release.age", "ELIGIBLE", "2023-11-01", {}),
        (
            "ada_quill",
            "2024-06-01",
            "us.compassionate_release.exhaustion",
            "ELIGIBLE",
            "2024-05-31",
            {"may_file_motion": "2024-05-31"},
        ),
        ("jo_park", "2024-01-01", "us.marijuana_pardon", "ELIGIBLE", None, {}),
        (
            "kit_moss",
            "2020-07-20",
            "us.death_clemency",
            "ELIGIBLE",
            None,
            {"petition_due": "2020-08-14", "supporting_papers_due": "2020-08-25"},
        ),
        ("rae_lund", "2023-06-01", "us-wi.pardon", "NOT_YET", "2023-09-10", {}),
        (
            "val_cruz",
            "2025-02-01",
            "us-tx.death_commutation",
            "ELIGIBLE",
            None,
            {"application_due": "2025-02-27", "supplements_due": "2025-03-05"},
        ),
    ],
)
def test_demo_people(
    person: str, as_of: str, pathway: str, outcome: str, eligible_from: str | None, deadlines: dict[str, str]
) -> None:
    result = by_id(explain_json(EXAMPLES / f"{person}.json", as_of))[pathway]
    assert result["outcome"] == outcome
    assert result["eligible_from"] == eligible_from
    assert {d["id"]: d["date"] for d in result["deadlines"]} | deadlines == {
        d["id"]: d["date"] for d in result["deadlines"]
    }


def test_explain_proof_shows_facts_read_and_cited_steps() -> None:
    out = run(
        "explain",
        "--facts",
        str(EXAMPLES / "ada_quill.json"),
        "--as-of",
        "2024-06-01",
        "--format",
        "json",
        "--proof",
        "--pathway",
        "us.compassionate_release.age",
    )
    criterion = json.loads(out)["results"][0]["criteria"][2]
    assert criterion["facts_read"] == {"serious_health_deterioration_from_aging": True}
    assert criterion["steps"][0]["citation"] == "USSG 1B1.13(b)(2)(B)"


def test_explain_text_reads_as_a_memo_with_citations() -> None:
    memo = run("explain", "--facts", str(EXAMPLES / "ada_quill.json"), "--as-of", "2024-06-01")
    assert memo.startswith("MEMORANDUM")
    assert "As of: 2024-06-01" in memo
    assert "USSG 1B1.13(b)(2)(B)" in " ".join(memo.split())
    assert "ELIGIBLE     us.compassionate_release.age (from 2023-11-01)" in memo
    assert "Questions that would settle it:" in memo  # other pathways need more facts


def test_needs_review_lists_questions(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    facts = json.loads((EXAMPLES / "ada_quill.json").read_text())
    del facts["serious_health_deterioration_from_aging"]
    path.write_text(json.dumps(facts))
    result = explain_json(path, "2024-06-01", "us.compassionate_release.age")["results"][0]
    assert result["outcome"] == "NEEDS_REVIEW"
    assert result["missing_facts"] == ["serious_health_deterioration_from_aging"]
    assert "aging" in result["questions"][0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"shoe_size": 9}', "fact shoe_size: is not a fact"),
        ('{"sentence_term_days": "ten years"}', "fact sentence_term_days: expected a whole number"),
        (
            '{"custody_start_date": "2020-01-02", "release_date": "2020-01-01"}',
            "fact release_date: 2020-01-01 is before",
        ),
        ('{"birth_date": "1990-02-30"}', "fact birth_date"),
        ("[1, 2]", "must hold one JSON object"),
        ("{not json", "is not valid JSON"),
    ],
)
def test_explain_rejects_bad_facts_naming_them(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "facts.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        run("explain", "--facts", str(path), "--as-of", "2024-06-01")


def test_explain_rejects_bad_dates_pathways_and_missing_as_of() -> None:
    facts = str(EXAMPLES / "ada_quill.json")
    with pytest.raises(CommandError, match="--as-of"):
        run("explain", "--facts", facts, "--as-of", "2024-02-30")
    with pytest.raises(CommandError, match="--as-of: required"):
        run("explain", "--facts", facts)
    with pytest.raises(CommandError, match="unknown pathway 'us.nothing'"):
        run("explain", "--facts", facts, "--as-of", "2024-06-01", "--pathway", "us.nothing")
    with pytest.raises(CommandError, match="no such file"):
        run("explain", "--facts", "/nonexistent/facts.json", "--as-of", "2024-06-01")


def test_explain_from_screening_results(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import datetime as dt

    calls = []

    def facts_for_person(
        path: Path, person_id: str, input_path: Path | None = None
    ) -> tuple[dict[str, Any], dt.date]:
        calls.append((path, person_id))
        assert input_path is None  # no --input given: the recorded input is used
        return json.loads((EXAMPLES / "jo_park.json").read_text()), dt.date(2024, 1, 1)

    module = types.ModuleType("clemency.screening.results")
    module.facts_for_person = facts_for_person  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "clemency.screening.results", module)
    out = run(
        "explain",
        "--from",
        str(tmp_path / "r.parquet"),
        "--person",
        "P-7",
        "--format",
        "json",
        "--pathway",
        "us.marijuana_pardon",
    )
    report = json.loads(out)
    assert report["as_of"] == "2024-01-01"
    assert report["results"][0]["outcome"] == "ELIGIBLE"
    assert calls == [(tmp_path / "r.parquet", "P-7")]
    with pytest.raises(CommandError, match="--person: required"):
        run("explain", "--from", str(tmp_path / "r.parquet"))


def test_explain_from_without_screening_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "clemency.screening.results", None)
    with pytest.raises(CommandError, match="not available"):
        run("explain", "--from", str(tmp_path / "r.parquet"), "--person", "P-7")


def test_pathways_lists_every_pathway_with_citations_and_dates() -> None:
    from clemency.law import all_pathways

    listed = json.loads(run("pathways", "--format", "json"))
    assert [p["id"] for p in listed] == [p.id for p in all_pathways()]
    for entry in listed:
        assert entry["citations"] and entry["effective_from"]
    text = run("pathways")
    assert "us.compassionate_release.age" in text and "USSG 1B1.13(b)(2)" in text


def test_rulebook_writes_one_page_per_pathway(tmp_path: Path) -> None:
    from clemency.law import all_pathways

    out = run("rulebook", "--out", str(tmp_path / "book"))
    assert "Wrote" in out
    for pathway in all_pathways():
        page = (tmp_path / "book" / f"{pathway.id}.html").read_text()
        assert pathway.citations[0].replace("'", "&#39;") in page
        assert "Example cases" in page
    age = (tmp_path / "book" / "us.compassionate_release.age.html").read_text()
    assert "us.compassionate_release.age.min_age_years" in age and "2023-11-01" in age
    assert "Exactly ten years served" in age
    assert (tmp_path / "book" / "states.html").read_text().count("<tr>") == 53


def test_rulebook_refuses_a_file_as_directory(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(CommandError, match="not a directory"):
        run("rulebook", "--out", str(target))


def test_console_script_exits_non_zero_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"warp_factor": 9}')
    script = Path(sys.executable).parent / "clemency"
    done = subprocess.run(
        [str(script), "explain", "--facts", str(path), "--as-of", "2024-06-01"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "warp_factor" in done.stderr
    assert "Traceback" not in done.stderr
