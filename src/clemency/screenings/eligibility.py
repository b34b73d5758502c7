"""Live eligibility for one case, and the check that a pathway id names a pathway of the rulebook.

The rulebook never reads today's date: the caller (a view or template tag) passes `as_of`. The case's
record becomes facts through `clemency.cases.facts`, the one mapping from the ORM to the rulebook.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from clemency.law import (
    FactError,
    Outcome,
    Pathway,
    Result,
    all_pathways,
    evaluate,
    get_pathway,
    validate_facts,
)

# Most useful first: what can be done now, then what opens later, then what needs answers.
OUTCOME_ORDER = {Outcome.ELIGIBLE: 0, Outcome.NOT_YET: 1, Outcome.NEEDS_REVIEW: 2, Outcome.INELIGIBLE: 3}

# Federal courts review state judgments too: a state prisoner's federal habeas petition belongs with
# the state's pathways, not with a federal prisoner's.
FOR_STATE_PRISONERS = frozenset({"us.habeas_2254"})
FEDERAL_JURISDICTIONS = frozenset({"us", "us-dc"})  # D.C. Code offenses: presidential clemency


def known_pathway(pathway_id: str) -> bool:
    return pathway_id in _pathway_ids()


def _pathway_ids() -> list[str]:
    return [pathway.id for pathway in all_pathways()]


def closest_pathways(pathway_id: str, count: int = 3) -> list[str]:
    """Known ids that look most like `pathway_id`, the same jurisdiction's first (us-tn.* for us-tn.x)."""
    jurisdiction = pathway_id.split(".", 1)[0]

    def score(candidate: str) -> float:
        similar = difflib.SequenceMatcher(None, pathway_id, candidate).ratio()
        return similar + (0.5 if candidate.split(".", 1)[0] == jurisdiction else 0.0)

    ranked = sorted(_pathway_ids(), key=lambda candidate: (-score(candidate), candidate))
    return [candidate for candidate in ranked if score(candidate) >= 0.5][:count]


def unknown_pathway_message(pathway_id: str) -> str:
    close = closest_pathways(pathway_id)
    hint = f" Closest known: {', '.join(close)}." if close else ""
    return f"{pathway_id!r} is not a pathway in the rulebook.{hint}"


def check_pathway_id(pathway_id: str) -> None:
    """Raise a ValidationError (with the closest known ids) unless the rulebook has this pathway."""
    if not known_pathway(pathway_id):
        raise ValidationError(unknown_pathway_message(pathway_id), code="unknown_pathway")


def clean_pathway_field(form: Any) -> str:
    """A form's `clean_pathway`: an id of the right shape must also name a pathway of the rulebook.

    A badly shaped id is left to the model's shape validator, so the user sees one message, not two.
    """
    from clemency.petitions.models import validate_pathway

    value = str(form.cleaned_data.get("pathway") or "").strip()
    try:
        validate_pathway(value)
    except ValidationError:
        return value
    check_pathway_id(value)
    return value


def relevant_pathways(jurisdiction: str | None) -> list[Pathway]:
    """The pathways for a conviction in `jurisdiction` (the rulebook's code: us, us-dc, us-wi)."""
    if not jurisdiction:
        return []
    if jurisdiction in FEDERAL_JURISDICTIONS:
        return [p for p in all_pathways() if p.jurisdiction == "us" and p.id not in FOR_STATE_PRISONERS]
    return [p for p in all_pathways() if p.jurisdiction == jurisdiction or p.id in FOR_STATE_PRISONERS]


@dataclass
class CaseEligibility:
    as_of: dt.date
    jurisdiction: str | None
    results: list[Result] = field(default_factory=list)
    unknown_requested: list[str] = field(default_factory=list)  # messages for ids not in the rulebook
    requested: list[str] = field(default_factory=list)  # known ids asked for beyond the jurisdiction's
    fact_error: str = ""

    @property
    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for result in self.results:
            found[result.outcome.value] = found.get(result.outcome.value, 0) + 1
        return found


def evaluate_facts(
    raw_facts: dict[str, Any], *, as_of: dt.date, pathway_ids: Iterable[str] = ()
) -> CaseEligibility:
    """Evaluate facts against the pathways of their jurisdiction plus `pathway_ids`, best first."""
    jurisdiction = raw_facts.get("jurisdiction")
    eligibility = CaseEligibility(as_of=as_of, jurisdiction=jurisdiction)
    pathways = {p.id: p for p in relevant_pathways(jurisdiction)}
    for pathway_id in _unique(pathway_ids):
        if known_pathway(pathway_id):
            pathways.setdefault(pathway_id, get_pathway(pathway_id))
            eligibility.requested.append(pathway_id)
        else:
            eligibility.unknown_requested.append(unknown_pathway_message(pathway_id))
    try:
        facts = validate_facts(raw_facts)
    except FactError as error:
        eligibility.fact_error = (
            f"The record gives {error.fact} a value the rulebook cannot use: {error.reason}"
        )
        return eligibility
    results = [evaluate(pathway, facts, as_of, validated=True) for pathway in pathways.values()]
    eligibility.results = sorted(results, key=lambda r: (OUTCOME_ORDER[r.outcome], r.pathway.id))
    return eligibility


def case_eligibility(case: Any, *, as_of: dt.date, pathway_ids: Iterable[str] = ()) -> CaseEligibility:
    """The case's live eligibility on `as_of` (passed by the view: the law never reads today)."""
    from clemency.cases.facts import convictions_to_facts

    return evaluate_facts(convictions_to_facts(case), as_of=as_of, pathway_ids=pathway_ids)


def case_pathway_choices(case: Any, current: str = "") -> list[Any]:
    """The petition form's pathway choices: the case's jurisdictions' pathways by title, then the rest.

    Grouped (an optgroup per part) so the case's own come first; the id stays visible beside the title.
    """
    from clemency.cases.facts import law_jurisdiction

    jurisdictions = (
        {law_jurisdiction(code) for code in case.convictions.values_list("jurisdiction", flat=True)}
        if case is not None and case.pk
        else set()
    )
    mine: dict[str, Pathway] = {}
    for jurisdiction in sorted(jurisdictions):
        for pathway in relevant_pathways(jurisdiction):
            mine.setdefault(pathway.id, pathway)

    def label(pathway: Pathway) -> str:
        return f"{pathway.title} ({pathway.id})"

    rest = [p for p in sorted(all_pathways(), key=lambda p: p.title) if p.id not in mine]
    choices: list[Any] = [("", "— choose a pathway —")]
    if mine:
        choices.append(
            (
                "This case's jurisdictions",
                [(p.id, label(p)) for p in sorted(mine.values(), key=lambda p: p.title)],
            )
        )
        choices.append(("Other jurisdictions", [(p.id, label(p)) for p in rest]))
    else:
        choices += [(p.id, label(p)) for p in rest]
    if current and not known_pathway(current):
        choices.append((current, f"{current} (not in the rulebook)"))  # shown, so the error can name it
    return choices


def petition_initial(pathway_id: str) -> dict[str, str]:
    """A new petition started from the eligibility panel: its pathway, title and deciding authority."""
    if not pathway_id or not known_pathway(pathway_id):
        return {}
    pathway = get_pathway(pathway_id)
    return {
        "pathway": pathway.id,
        "title": pathway.title[:200],
        "deciding_authority": pathway.authority[:200],
    }


def pathway_choices() -> list[tuple[str, str]]:
    return [(p.id, f"{p.id}: {p.title}") for p in sorted(all_pathways(), key=lambda p: p.id)]


def _unique(values: Iterable[str]) -> Sequence[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
