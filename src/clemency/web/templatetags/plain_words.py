"""Outcomes and pathway ids in words, the same on every page (case pages, screening lists)."""

from __future__ import annotations

import functools
from typing import Any

from django import template

register = template.Library()

OUTCOME_WORDS = {
    "ELIGIBLE": "Eligible",
    "INELIGIBLE": "Not eligible",
    "NEEDS_REVIEW": "Needs review",
    "NOT_YET": "Not yet eligible",
}


@register.filter
def outcome_words(value: Any) -> str:
    """ELIGIBLE -> Eligible, NEEDS_REVIEW -> Needs review; anything else unchanged, empty as a dash."""
    if value is None or value == "":
        return "—"
    text = str(getattr(value, "value", value))
    return OUTCOME_WORDS.get(text, text)


@functools.cache
def _titles() -> dict[str, str]:
    from clemency.law import all_pathways

    return {pathway.id: pathway.title for pathway in all_pathways()}


@register.filter
def pathway_title(pathway_id: Any) -> str:
    """A pathway's title for its id (us.compassionate_release.age -> its title); unknown ids unchanged."""
    text = str(pathway_id or "")
    return _titles().get(text, text)
