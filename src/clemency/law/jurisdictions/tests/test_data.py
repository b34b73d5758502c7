"""Every jurisdiction's data file: complete, cited, dated, consistent with the pathways built from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clemency.law import all_pathways, evaluate, get_pathway
from clemency.law.facts import JURISDICTIONS
from clemency.law.jurisdictions import all_jurisdictions
from clemency.law.jurisdictions.lint import problems, window_problems
from clemency.law.jurisdictions.schema import DATA_DIR, Condition, Item, JurisdictionError, load

JURISDICTION_DATA = list(all_jurisdictions().values())
CAPITAL = {
    "us-al",
    "us-az",
    "us-fl",
    "us-ga",
    "us-id",
    "us-in",
    "us-la",
    "us-mo",
    "us-ms",
    "us-oh",
    "us-ok",
    "us-sc",
    "us-tn",
    "us-tx",
    "us-ut",
}


def test_one_file_per_jurisdiction() -> None:
    assert list(all_jurisdictions()) == list(JURISDICTIONS)


@pytest.mark.parametrize("data", JURISDICTION_DATA, ids=[j.code for j in JURISDICTION_DATA])
def test_every_item_is_cited_and_dated_and_the_lint_is_clean(data: object) -> None:
    from clemency.law.jurisdictions.schema import Jurisdiction

    assert isinstance(data, Jurisdiction)
    for item in data.items():
        assert item.text and item.citation.strip()
        assert isinstance(item.effective_from, dt.date)
        assert isinstance(item.verified, bool)
        assert item.verified or item.note, f"{data.code}: an unverified item says why ({item.text[:40]})"
    assert problems(data) == []


def test_every_state_and_dc_has_a_pardon_and_a_commutation_pathway_and_capital_where_executions_happen() -> (
    None
):
    ids = {pathway.id for pathway in all_pathways()}
    for data in JURISDICTION_DATA:
        for kind, spec in data.pathways.items():
            assert (spec.handwritten or f"{data.code}.{kind}") in ids
        assert {"pardon", "commutation"} <= set(data.pathways)
    executing = {data.code for data in JURISDICTION_DATA if "capital_clemency" in data.pathways}
    assert CAPITAL | {"us"} <= executing


def _write(tmp_path: Path, text: str, name: str = "us-al.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = (DATA_DIR / "us-vt.yaml").read_text(encoding="utf-8")


def test_a_missing_citation_is_refused_naming_the_field(tmp_path: Path) -> None:
    bad = GOOD.replace("  citation: Vt. Const. ch. II, sec. 20; 28 V.S.A. 453\n", "", 1)
    with pytest.raises(JurisdictionError, match=r"us-vt.yaml: decides: missing field\(s\) \['citation'\]"):
        load(_write(tmp_path, bad, "us-vt.yaml"))


def test_a_bad_role_a_bad_date_and_a_wrong_file_name_are_refused(tmp_path: Path) -> None:
    with pytest.raises(JurisdictionError, match="board.role"):
        load(_write(tmp_path, GOOD.replace("role: advisory", "role: sometimes"), "us-vt.yaml"))
    with pytest.raises(JurisdictionError, match=r"decides.effective_from: must be a date"):
        load(
            _write(
                tmp_path, GOOD.replace("effective_from: 1793-07-09", "effective_from: soon", 1), "us-vt.yaml"
            )
        )
    with pytest.raises(JurisdictionError, match="us-vt must live in us-vt.yaml"):
        load(_write(tmp_path, GOOD, "us-al.yaml"))


def test_a_pathway_with_no_written_rule_must_list_the_questions(tmp_path: Path) -> None:
    start = GOOD.index("    questions:\n", GOOD.index("  pardon:"))
    end = GOOD.index("  commutation:")
    with pytest.raises(JurisdictionError, match="pathways.pardon.questions"):
        load(_write(tmp_path, GOOD[:start] + GOOD[end:], "us-vt.yaml"))


def test_the_window_lint_finds_gaps_and_overlaps() -> None:
    def condition(start: str, end: str | None) -> Condition:
        item = Item(
            "x", "c", dt.date.fromisoformat(start), False, None if end is None else dt.date.fromisoformat(end)
        )
        return Condition("years_after_sentence", item, years=5)

    assert window_problems("w", [condition("2000-01-01", "2010-01-01"), condition("2010-01-01", None)]) == []
    assert (
        "gap"
        in window_problems("w", [condition("2000-01-01", "2010-01-01"), condition("2011-01-01", None)])[0]
    )
    assert (
        "overlap" in window_problems("w", [condition("2000-01-01", None), condition("2011-01-01", None)])[0]
    )


def test_no_written_criteria_is_needs_review_naming_the_authority_the_process_and_the_questions() -> None:
    result = evaluate(get_pathway("us-al.pardon"), {"jurisdiction": "us-al"}, dt.date(2025, 6, 2))
    assert result.outcome.value == "NEEDS_REVIEW"
    assert result.missing_facts == ["authority_accepts_application"]
    explanation = result.criteria[-1].explanation
    assert "Board of Pardons and Paroles" in explanation and "Questions for a lawyer: (1)" in explanation
    assert "three years of permanent parole" in explanation


def test_a_florida_death_row_prisoner_with_an_execution_date_gets_florida_process_and_deadlines() -> None:
    as_of = dt.date(2026, 12, 3)
    facts = {
        "jurisdiction": "us-fl",
        "court_system": "state",
        "sentence_type": "death",
        "custody_start_date": "2004-02-10",
        "execution_date": "2026-12-05",
    }
    open_pathways = {}
    for pathway in all_pathways():
        result = evaluate(pathway, facts, as_of)
        if result.outcome.value != "INELIGIBLE":
            open_pathways[pathway.id] = result
    assert "us-fl.capital_clemency" in open_pathways
    assert not [pid for pid in open_pathways if pid.startswith("us-") and not pid.startswith("us-fl.")]
    capital = open_pathways["us-fl.capital_clemency"]
    assert capital.outcome.value == "NEEDS_REVIEW"
    assert {d.id: d.date for d in capital.deadlines} == {"execution": dt.date(2026, 12, 5)}
    assert "Clemency Board" in capital.pathway.authority
    assert "Commission on Offender Review" in capital.criteria[-1].explanation
