"""`{% case_eligibility case as eligibility %}`: the case page's live eligibility, as of today.

Today's date is read here, in the web layer, and passed to the rulebook as `as_of`. Pathways the
user asks for (`?pathway=ID`, repeatable) are evaluated as well as the case's own jurisdiction's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone

from clemency.screenings.eligibility import CaseEligibility, case_eligibility, pathway_choices

register = template.Library()

MAX_REQUESTED = 10  # a page of explanations, not the whole rulebook at once by URL


def today() -> dt.date:
    """The as-of date of the live panel (a function, so tests can fix it)."""
    return timezone.localdate()


@register.simple_tag(takes_context=True)
def case_eligibility_for(context: Any, case: Any) -> CaseEligibility:
    request = context.get("request")
    requested = request.GET.getlist("pathway")[:MAX_REQUESTED] if request is not None else []
    return case_eligibility(case, as_of=today(), pathway_ids=requested)


@register.simple_tag
def all_pathway_choices() -> list[tuple[str, str]]:
    return pathway_choices()
