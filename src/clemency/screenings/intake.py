"""From a screening candidate's facts to the record of a person, a case and a conviction.

Only what the facts state is carried over; nothing is guessed. What the record has no field for (or
cannot hold without a guess, such as which category each of several statutes belongs to) goes into
the case summary, so it is not lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from clemency.cases.jurisdictions import DC, FEDERAL, JURISDICTION_CODES
from clemency.cases.models import OffenseCategory, SentenceType

# The rulebook's jurisdiction codes (us, us-dc, us-wi) in the record's spelling (federal, dc, us-wi).
_RECORD_JURISDICTION = {"us": FEDERAL, "us-dc": DC}
_SENTENCE_TYPES = frozenset(SentenceType.values)  # the rulebook's "none" has no record equivalent
_LIFE_OR_DEATH = frozenset({SentenceType.LIFE, SentenceType.LIFE_WITHOUT_PAROLE, SentenceType.DEATH})


@dataclass
class CandidateRecord:
    person: dict[str, Any]
    conviction: dict[str, Any] | None
    sentence: dict[str, Any] | None
    charges: list[dict[str, Any]]
    execution_date: dt.date | None
    not_recorded: list[str] = field(default_factory=list)  # "name: value" the record has no field for


def record_from_facts(facts: dict[str, Any]) -> CandidateRecord:
    """The person, conviction, sentence and charges that the candidate's facts establish."""
    used: set[str] = set()

    def take(name: str) -> Any:
        used.add(name)
        return facts.get(name)

    person: dict[str, Any] = {}
    if take("birth_date") is not None:
        person["birth_date"] = facts["birth_date"]
    if take("on_supervision") is True:
        person["custody_status"] = "supervised_release"
    conviction = _conviction(facts, take)
    sentence = _sentence(facts, take, conviction) if conviction is not None else None
    charges = _charges(facts, take) if conviction is not None else []
    execution = take("execution_date")
    # Derived by the rulebook from the dates, so not "lost" when left out.
    used.add("age_at_offense_years")
    rest = [f"{name}: {_show(value)}" for name, value in facts.items()
            if name not in used and value is not None]
    return CandidateRecord(person, conviction, sentence, charges, execution, rest)


def _conviction(facts: dict[str, Any], take: Any) -> dict[str, Any] | None:
    jurisdiction = _RECORD_JURISDICTION.get(take("jurisdiction") or "", facts.get("jurisdiction"))
    if jurisdiction not in JURISDICTION_CODES:
        return None  # the record requires a jurisdiction; without one the facts go to the summary
    found = {"jurisdiction": jurisdiction}
    for record_name, fact_name in (
        ("offense_date", "offense_date"),
        ("conviction_date", "conviction_date"),
        ("sentencing_date", "sentence_date"),
        ("judgment_final_date", "judgment_final_date"),
    ):
        if take(fact_name) is not None:
            found[record_name] = facts[fact_name]
    take("court_system")  # follows from the jurisdiction in the record
    return found


def _sentence(facts: dict[str, Any], take: Any, conviction: dict[str, Any]) -> dict[str, Any] | None:
    sentence_type = facts.get("sentence_type")
    if sentence_type not in _SENTENCE_TYPES:
        return None
    take("sentence_type")
    found: dict[str, Any] = {"sentence_type": sentence_type}
    names = ["custody_start_date", "jail_credit_days"]
    if sentence_type not in _LIFE_OR_DEATH:
        names.append("sentence_term_days")
    if conviction["jurisdiction"] == FEDERAL:  # guideline figures are federal only in the record
        names += ["offense_level", "criminal_history_points"]
    for name in names:
        if take(name) is not None:
            found[name] = facts[name]
    return found


def _charges(facts: dict[str, Any], take: Any) -> list[dict[str, Any]]:
    statutes: list[str] = list(facts.get("statutes") or ())
    categories: list[str] = list(facts.get("offense_categories") or ())
    # Each charge needs its category: only one category for all the statutes says which.
    if not statutes or len(categories) != 1 or categories[0] not in OffenseCategory.values:
        return []
    take("statutes")
    take("offense_categories")
    return [{"statute": statute, "offense_category": categories[0]} for statute in statutes]


def _show(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value) or "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
