"""The one function that maps the case record (ORM) to the rulebook's facts (`clemency.law.facts`).

The rulebook never learns about the database: it receives a flat mapping of fact names to values.
A fact the record does not establish is None (unknown), never False or 0; the rulebook then asks
for it. Only what the record states is mapped; nothing is guessed.
"""

from __future__ import annotations

from typing import Any

from clemency.cases.jurisdictions import DC, FEDERAL, court_system
from clemency.cases.models import Case, Conviction
from clemency.people.models import CustodyStatus

# The rulebook names federal "us" and D.C. "us-dc"; states are spelled the same in both (us-wi).
_LAW_JURISDICTION = {FEDERAL: "us", DC: "us-dc"}


def controlling_conviction(case: Case) -> Conviction | None:
    """The conviction the facts describe: the most recently sentenced one (the latest recorded if none is)."""
    convictions = list(case.convictions.select_related("sentence").prefetch_related("charges"))
    if not convictions:
        return None
    return max(
        convictions,
        key=lambda c: (c.sentencing_date is not None, c.sentencing_date or c.created_at.date(), c.pk),
    )


def convictions_to_facts(case: Case, conviction: Conviction | None = None) -> dict[str, Any]:
    """The rulebook's facts for a case: the person, and one conviction (the controlling one by default)."""
    person = case.person
    facts: dict[str, Any] = {
        "birth_date": person.birth_date,
        "on_supervision": _on_supervision(person.custody_status),
    }
    execution = _next_execution_date(case)
    if execution is not None:
        facts["execution_date"] = execution
    conviction = conviction or controlling_conviction(case)
    if conviction is None:
        return facts
    facts.update(
        {
            "jurisdiction": _LAW_JURISDICTION.get(conviction.jurisdiction, conviction.jurisdiction),
            "court_system": court_system(conviction.jurisdiction),
            "offense_date": conviction.offense_date,
            "conviction_date": conviction.conviction_date,
            "sentence_date": conviction.sentencing_date,
            "judgment_final_date": conviction.judgment_final_date,
        }
    )
    charges = list(conviction.charges.all())
    if charges:
        categories = sorted({charge.offense_category for charge in charges})
        facts["statutes"] = [charge.statute for charge in charges]
        facts["offense_categories"] = categories
        # A sex charge settles it; its absence does not (the record may be incomplete), so no False.
        if "sex" in categories:
            facts["sex_offense"] = True
    sentence = getattr(conviction, "sentence", None)
    if sentence is not None:
        facts.update(
            {
                "sentence_type": sentence.sentence_type,
                "sentence_term_days": sentence.sentence_term_days,
                "custody_start_date": sentence.custody_start_date,
                "jail_credit_days": sentence.jail_credit_days,
                "offense_level": sentence.offense_level,
                "criminal_history_points": sentence.criminal_history_points,
            }
        )
    facts.update(_decided_sentence_facts(case))
    return facts


def _decided_sentence_facts(case: Case) -> dict[str, Any]:
    """What the case's current clemency decision says of the sentence (issue 18): a commutation to a
    term replaces the term, and a commutation or a release sets the release date."""
    from clemency.petitions.models import DecisionOutcome, PetitionDecision

    decision = (
        PetitionDecision.objects.filter(petition__case=case, superseded=False)
        .filter(
            outcome__in=[
                DecisionOutcome.COMMUTATION_TIME_SERVED,
                DecisionOutcome.COMMUTATION_TERM,
                DecisionOutcome.MOOT_RELEASED,
            ]
        )
        .order_by("-decided_on", "-id")
        .first()
    )
    if decision is None:
        return {}
    facts: dict[str, Any] = {}
    if decision.new_term_days is not None:
        facts.update({"sentence_type": "term", "sentence_term_days": decision.new_term_days})
    release = decision.new_release_date
    if release is None and decision.outcome == DecisionOutcome.COMMUTATION_TIME_SERVED:
        release = decision.decided_on
    if release is not None:
        facts["release_date"] = release
    return facts


def _next_execution_date(case: Case) -> Any:
    """The execution date set for the case, from the deadlines app's record (the earliest not done)."""
    deadlines = getattr(case, "deadlines", None)
    if deadlines is None:
        return None
    found = deadlines.filter(kind="execution", done=False).order_by("date").first()
    return found.date if found is not None else None


def _on_supervision(status: str) -> bool | None:
    if status in (CustodyStatus.IN_CUSTODY, CustodyStatus.DEATH_ROW, CustodyStatus.DECEASED):
        return False
    if status == CustodyStatus.SUPERVISED_RELEASE:
        return True
    return None  # released (supervision may or may not remain) or unknown
