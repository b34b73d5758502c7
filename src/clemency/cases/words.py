"""Plain words for the rulebook's values: a lawyer reads "Wisconsin", "Yes", "20 years", never `us_wi`.

Built from the rulebook's own fact schema (type, unit, allowed values), so a fact added to the
rulebook is shown sensibly without a change here; the table below only improves some words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from clemency.cases.jurisdictions import STATES
from clemency.law import Outcome
from clemency.law.facts import FACTS, FactSpec

# Better words for some values of the rulebook's enumerations and lists; any other is de-underscored.
VALUE_WORDS: dict[str, str] = {
    "us": "Federal",
    "us_citizen": "U.S. citizen",
    "lawful_permanent_resident": "Lawful permanent resident",
    "dc_superior": "D.C. Superior Court",
    "federal": "Federal court",
    "state": "State court",
    "term": "Term of years",
    "life_without_parole": "Life without parole",
    "none": "No sentence",
    "crack_cocaine": "Crack cocaine (cocaine base)",
    "life_under_25_to_life": "Life, less than 25 to life",
    "life_25_to_life": "25 years to life",
    **{f"us-{code}": name for code, name in STATES.items()},
    "us-dc": "District of Columbia",
}


def value_word(value: str) -> str:
    if value in VALUE_WORDS:
        return VALUE_WORDS[value]
    text = value.replace("_", " ")
    return text[:1].upper() + text[1:]


def plural(count: int, unit: str) -> str:
    """ "1 day", "2 days": the unit agrees with the number (units are written plural in the schema)."""
    singular = unit[:-1] if unit.endswith("s") and count == 1 else unit
    return f"{count:,} {singular}"


def show_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def term_words(days: int) -> str:
    """A term in days as a judgment would say it, when it is a whole number of 365-day years."""
    if days and days % 365 == 0:
        return plural(days // 365, "years")
    return plural(days, "days")


def add_term(start: dt.date, years: int, months: int, days: int) -> dt.date:
    """The day a term of years, months and days ends, counted on the calendar from `start`.

    A month end carries to the last day of a shorter month (31 January + 1 month = 28 or 29 February).
    """
    import calendar

    month_index = start.month - 1 + months
    year = start.year + years + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day) + dt.timedelta(days=days)


def judgment_term(sentence: Any) -> str:
    """A term as the judgment states it ("20 years", "2 years, 6 months"), else in days."""
    parts = [
        (sentence.term_years, "years"),
        (sentence.term_months, "months"),
        (sentence.term_days_part, "days"),
    ]
    stated = [plural(value, unit) for value, unit in parts if value]
    if stated:
        return ", ".join(stated)
    days = sentence.sentence_term_days
    return plural(days, "days") if days is not None else "no term"


def fact_value(name: str, value: Any) -> str:
    """A fact's value in words; "Unknown" for None."""
    spec: FactSpec | None = FACTS.get(name)
    if value is None:
        return "Unknown"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return show_date(value)
    if isinstance(value, str) and spec is not None and spec.type == "date":
        try:
            return show_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, int):
        unit = spec.unit if spec is not None else None
        return plural(value, unit) if unit else f"{value:,}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "None"
        if name == "statutes":
            return "; ".join(str(item) for item in value)
        return ", ".join(value_word(str(item)) for item in value)
    if isinstance(value, str) and spec is not None and spec.type == "enum":
        return value_word(value)
    return str(value)


def fact_label(name: str) -> str:
    """A short label for a fact, from its name: "judgment_final_date" -> "Judgment final date"."""
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def outcome_words(result: Any) -> str:
    """ "Eligible", "Not yet: from 2 June 2027", "Needs review: 2 questions", "Not eligible"."""
    outcome = result.outcome
    if outcome == Outcome.ELIGIBLE:
        return "Eligible"
    if outcome == Outcome.INELIGIBLE:
        return "Not eligible"
    if outcome == Outcome.NOT_YET:
        when = result.eligible_from
        return f"Not yet: from {show_date(when)}" if when is not None else "Not yet"
    count = len(result.missing_facts)
    return f"Needs review: {count} question{'' if count == 1 else 's'}" if count else "Needs review"


OUTCOME_WORDS = {
    "ELIGIBLE": "Eligible",
    "NOT_YET": "Not yet",
    "NEEDS_REVIEW": "Needs review",
    "INELIGIBLE": "Not eligible",
}


def outcome_word(code: Any) -> str:
    """An outcome code of a results file ("NOT_YET") as a word ("Not yet"); anything else unchanged."""
    text = str(getattr(code, "value", code) or "")
    return OUTCOME_WORDS.get(text, text)


def pathway_title(pathway_id: str) -> str:
    """A pathway's title from the rulebook; the id itself if the rulebook has no such pathway."""
    from clemency.law import get_pathway

    try:
        return str(get_pathway(pathway_id).title)
    except KeyError:
        return pathway_id


def count_words(count: int, noun: str) -> str:
    """ "1 pathway", "3 pathways"."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
