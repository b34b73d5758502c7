"""Weekend and holiday moves of filing deadlines, and the YAML cases that pin them at their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from clemency.law import evaluate, get_pathway
from clemency.law.cases import _facts
from clemency.law.jurisdictions import business_day_deadlines, deadline_rules
from clemency.law.jurisdictions.business_days import is_business_day, observed_holidays, roll
from clemency.law.jurisdictions.schema import DATA_DIR

D = dt.date


def test_federal_holidays_with_the_observed_shift() -> None:
    assert {
        D(2025, 7, 4),
        D(2025, 11, 27),
        D(2025, 1, 20),
        D(2025, 5, 26),
        D(2025, 6, 19),
    } <= observed_holidays(2025)
    assert D(2020, 6, 19) not in observed_holidays(2020)  # Juneteenth from 2021
    assert D(2021, 12, 31) in observed_holidays(2021)  # 1 January 2022 was a Saturday
    assert D(2023, 1, 2) in observed_holidays(2023)  # 1 January 2023 was a Sunday
    assert is_business_day(D(2025, 7, 7), "us-tx") and not is_business_day(D(2025, 7, 5), "us-tx")


@pytest.mark.parametrize(
    ("day", "rule", "expected"),
    [
        (D(2025, 3, 1), "next", D(2025, 3, 3)),  # Saturday -> Monday
        (D(2025, 3, 1), "previous", D(2025, 2, 28)),  # Saturday -> Friday
        (D(2025, 7, 4), "next", D(2025, 7, 7)),  # Independence Day (Friday) -> Monday
        (D(2025, 11, 27), "previous", D(2025, 11, 26)),  # Thanksgiving -> Wednesday
        (D(2025, 3, 1), "none", D(2025, 3, 1)),
        (D(2025, 3, 4), "next", D(2025, 3, 4)),  # a Tuesday stays
        (None, "next", None),  # unknown stays unknown
    ],
)
def test_roll(day: dt.date | None, rule: str, expected: dt.date | None) -> None:
    assert roll(day, rule, "us-tx") == expected


def test_every_stated_rule_belongs_to_a_pathway_deadline() -> None:
    assert ("us-tx.death_commutation", "application_due") in deadline_rules()
    assert ("us-ut.capital_clemency", "petition_due") in deadline_rules()
    for pathway_id, deadline_id in deadline_rules():
        assert deadline_id in {deadline.id for deadline in get_pathway(pathway_id).deadlines}


def _cases_with_business_days() -> list[tuple[str, dict[str, object], dict[str, object]]]:
    found = []
    for path in sorted(DATA_DIR.glob("*.cases.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in data["cases"]:
            if "business_day_deadlines" in raw:
                found.append((raw["name"], raw, _facts(data.get("people") or {}, raw)))
    return found


CASES = _cases_with_business_days()


def test_there_are_weekend_and_holiday_cases() -> None:
    names = " ".join(name for name, _, _ in CASES)
    assert "Saturday" in names and "Independence Day" in names


@pytest.mark.parametrize(("name", "raw", "facts"), CASES, ids=[name for name, _, _ in CASES])
def test_business_day_deadline_cases(name: str, raw: dict[str, object], facts: dict[str, object]) -> None:
    pathway_id = str(raw["pathway"])
    result = evaluate(get_pathway(pathway_id), facts, raw["as_of"])  # type: ignore[arg-type]
    dates = {deadline.id: deadline.date for deadline in result.deadlines}
    moved = business_day_deadlines(pathway_id, dates)
    expected = raw["business_day_deadlines"]
    assert isinstance(expected, dict)
    for deadline_id, day in expected.items():
        assert moved[deadline_id] == day, (name, deadline_id, dates)
