"""Filing deadlines moved off weekends and holidays where the data's rule says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clemency.law.evaluate import evaluate_node
from clemency.law.jurisdictions import deadline_rules
from clemency.law.jurisdictions.builder import build_pathway
from clemency.law.jurisdictions.schema import DATA_DIR, load
from clemency.law.registry import get_pathway
from clemency.law.tree import NextBusinessDay


def test_every_stated_rule_belongs_to_a_pathway_deadline() -> None:
    assert ("us-tx.death_commutation", "application_due") in deadline_rules()
    assert ("us-ut.capital_clemency", "petition_due") in deadline_rules()
    for pathway_id, deadline_id in deadline_rules():
        assert deadline_id in {deadline.id for deadline in get_pathway(pathway_id).deadlines}


def _utah_moving_to_the_next_business_day(tmp_path: Path) -> Path:
    text = (DATA_DIR / "us-ut.yaml").read_text(encoding="utf-8")
    assert "if_not_business_day: none" in text
    path = tmp_path / "us-ut.yaml"
    path.write_text(text.replace("if_not_business_day: none", "if_not_business_day: next"), encoding="utf-8")
    return path


def test_a_rule_that_moves_weekends_and_holidays_builds_a_next_business_day_node(tmp_path: Path) -> None:
    data = load(_utah_moving_to_the_next_business_day(tmp_path))
    pathway = build_pathway(data, data.pathways["capital_clemency"])
    deadline = pathway.deadlines[0]
    assert deadline.id == "petition_due"
    assert any(
        isinstance(node, NextBusinessDay) and node.calendar == "US-UT" for node in deadline.node.walk()
    )
    execution = dt.date(2025, 12, 30)

    def due(warrant: dt.date) -> object:
        facts = {"execution_warrant_date": warrant, "execution_date": execution}
        return evaluate_node(deadline.node, facts, warrant)[0]

    assert due(dt.date(2025, 9, 3)) == dt.date(2025, 9, 10)  # a Wednesday stays
    assert due(dt.date(2025, 9, 6)) == dt.date(2025, 9, 15)  # Saturday the 13th -> Monday
    assert due(dt.date(2025, 11, 20)) == dt.date(2025, 11, 28)  # Thanksgiving -> Friday


def test_the_published_utah_rule_counts_calendar_days_and_never_reaches_the_execution() -> None:
    deadline = get_pathway("us-ut.capital_clemency").deadlines[0]
    assert not any(isinstance(node, NextBusinessDay) for node in deadline.node.walk())
    facts = {"execution_warrant_date": dt.date(2025, 9, 6), "execution_date": dt.date(2025, 10, 16)}
    assert evaluate_node(deadline.node, facts, dt.date(2025, 9, 6))[0] == dt.date(2025, 9, 13)  # a Saturday
    facts["execution_date"] = dt.date(2025, 9, 10)
    assert evaluate_node(deadline.node, facts, dt.date(2025, 9, 6))[0] == dt.date(2025, 9, 9)
