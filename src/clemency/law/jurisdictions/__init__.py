"""Every jurisdiction's clemency process as cited data, and the one builder that makes its pathways.

`data/<code>.yaml` (schema: `schema.py`) -> `builder.build_pathway` -> `pathways.PATHWAYS`, registered
in `clemency.law.registry`. The state profiles (`clemency.law.states.profiles`) read the same files.
Weekend and holiday moves of filing deadlines: `business_day_deadlines`.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from clemency.law.jurisdictions.builder import BuiltDeadline, build_all
from clemency.law.jurisdictions.business_days import roll
from clemency.law.jurisdictions.schema import Jurisdiction, JurisdictionError, all_jurisdictions
from clemency.law.pathway import Pathway

__all__ = [
    "Jurisdiction",
    "JurisdictionError",
    "all_jurisdictions",
    "business_day_deadlines",
    "deadline_rules",
]


@cache
def built() -> tuple[tuple[Pathway, ...], dict[tuple[str, str], BuiltDeadline]]:
    pathways, rules = build_all()
    return tuple(pathways), {(rule.pathway_id, rule.rule.id): rule for rule in rules}


def deadline_rules() -> dict[tuple[str, str], BuiltDeadline]:
    """Every deadline a data file states a weekend and holiday rule for, by (pathway id, deadline id)."""
    return built()[1]


def business_day_deadlines(pathway_id: str, dates: dict[str, dt.date | None]) -> dict[str, dt.date | None]:
    """The calendar deadlines of one evaluation (`{deadline id: date}`) moved as each rule says when
    the day is a weekend or holiday; deadlines without a stated rule stay as they are."""
    rules = deadline_rules()
    moved: dict[str, dt.date | None] = {}
    for deadline_id, day in dates.items():
        built = rules.get((pathway_id, deadline_id))
        moved[deadline_id] = (
            day if built is None else roll(day, built.rule.if_not_business_day, built.jurisdiction)
        )
    return moved
