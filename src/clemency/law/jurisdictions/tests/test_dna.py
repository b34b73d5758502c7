"""Post-conviction DNA testing pathways: one for the federal system, every state and D.C., from cited data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clemency.law import Outcome, all_pathways, evaluate, get_pathway
from clemency.law.facts import FACTS, JURISDICTIONS
from clemency.law.jurisdictions.dna import all_dna_laws, load
from clemency.law.jurisdictions.schema import JurisdictionError


def test_every_jurisdiction_has_a_dna_testing_pathway() -> None:
    ids = {pathway.id for pathway in all_pathways()}
    missing = [code for code in JURISDICTIONS if f"{code}.dna_testing" not in ids]
    assert missing == []
    assert len(JURISDICTIONS) == 52


def test_texas_keeps_its_handwritten_pathway_and_is_not_duplicated() -> None:
    assert all_dna_laws()["us-tx"].handwritten == "us-tx.dna_testing"
    pathway = get_pathway("us-tx.dna_testing")
    assert pathway.module != "clemency.law.jurisdictions.dna"
    assert [p.id for p in all_pathways()].count("us-tx.dna_testing") == 1


def test_every_fact_the_dna_pathways_read_has_a_question() -> None:
    for law in all_dna_laws().values():
        if law.handwritten:
            continue
        for name in get_pathway(f"{law.code}.dna_testing").needed_facts:
            assert FACTS[name].question.endswith("?"), name


def test_an_unverified_state_names_its_statute_and_questions() -> None:
    result = evaluate(
        get_pathway("us-la.dna_testing"),
        {"jurisdiction": "us-la", "sentence_type": "life"},
        dt.date(2026, 6, 1),
    )
    assert result.outcome is Outcome.NEEDS_REVIEW
    text = " ".join(c.explanation for c in result.criteria)
    assert "La. Code Crim. Proc. art. 926.1" in text
    assert "Questions for a lawyer: (1)" in text
    assert get_pathway("us-la.dna_testing").verified is False


def test_federal_timeliness_presumption_uses_the_later_date() -> None:
    pathway = get_pathway("us.dna_testing")
    facts = {"jurisdiction": "us", "conviction_date": dt.date(2008, 1, 2)}
    values = {c.id: c.value for c in evaluate(pathway, facts, dt.date(2009, 10, 30)).criteria}
    # 36 months after conviction is 2011-01-02, later than 2009-10-30: still timely on 2009-10-30.
    assert values["federal_timeliness"] is True
    late = {c.id: c.value for c in evaluate(pathway, facts, dt.date(2011, 1, 3)).criteria}
    assert late["federal_timeliness"] is None  # presumed untimely; rebuttal not yet known


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "us-ca.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = """jurisdiction: us-ca
name: California
effective_from: 2001-01-01
statute: {text: A statute., citation: Cal. Penal Code 1405, effective_from: 2001-01-01, verified: true}
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "criteria: [{rule: telepathy, text: x, citation: y, effective_from: 2001-01-01, verified: true}]",
            "criteria[0].rule",
        ),
        (
            "criteria: [{rule: in_custody, text: x, effective_from: 2001-01-01, verified: true}]",
            "criteria[0]: missing field(s) ['citation']",
        ),
        (
            "response: {days: 0, title: t, text: x, citation: y, effective_from: 2001-01-01, verified: true}",
            "response.days",
        ),
        ("questions: []", "criteria: a pathway needs written criteria or a lawyer's questions"),
    ],
)
def test_a_malformed_file_names_the_field(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(JurisdictionError, match="us-ca.yaml") as raised:
        load(_write(tmp_path, BASE + extra + "\n"))
    assert message in str(raised.value)
