"""Every jurisdiction's clemency process as cited data, and the one builder that makes its pathways.

`data/<code>.yaml` (schema: `schema.py`) -> `builder.build_pathway` -> `pathways.PATHWAYS`, registered
in `clemency.law.registry`. The state profiles (`clemency.law.states.profiles`) read the same files.
Weekend and holiday moves of filing deadlines: the `NextBusinessDay` node (clemency.law.business_days).
"""

from __future__ import annotations

from functools import cache

from clemency.law.jurisdictions.builder import BuiltDeadline, build_all
from clemency.law.jurisdictions.schema import Jurisdiction, JurisdictionError, all_jurisdictions
from clemency.law.pathway import Pathway

__all__ = [
    "Jurisdiction",
    "JurisdictionError",
    "all_jurisdictions",
    "deadline_rules",
]


@cache
def built() -> tuple[tuple[Pathway, ...], dict[tuple[str, str], BuiltDeadline]]:
    pathways, rules = build_all()
    return tuple(pathways), {(rule.pathway_id, rule.rule.id): rule for rule in rules}


def deadline_rules() -> dict[tuple[str, str], BuiltDeadline]:
    """Every deadline a data file states a weekend and holiday rule for, by (pathway id, deadline id)."""
    return built()[1]
