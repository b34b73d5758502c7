"""The JSON of a case's facts and eligibility for the API (the same shape `clemency explain` prints)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from rest_framework.exceptions import ValidationError

from clemency.cases.facts import CaseFact, case_facts, convictions_to_facts, encode_value
from clemency.cases.models import Case
from clemency.law import FactError
from clemency.law.render import explain, results_json
from clemency.screenings.eligibility import known_pathway, unknown_pathway_message

MAX_PATHWAYS = 50


def _as_of(raw: str | None) -> dt.date:
    if not raw:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(raw) if len(raw) == 10 else _bad_date(raw)
    except ValueError:
        return _bad_date(raw)


def _bad_date(raw: str) -> dt.date:
    raise ValidationError({"as_of": f"{raw!r} is not a real date in the form YYYY-MM-DD."})


def eligibility_json(case: Case, params: Any) -> dict[str, Any]:
    as_of = _as_of(params.get("as_of"))
    pathways = [p.strip() for p in params.getlist("pathway") if p.strip()][:MAX_PATHWAYS]
    unknown = [unknown_pathway_message(p) for p in pathways if not known_pathway(p)]
    if unknown:
        raise ValidationError({"pathway": unknown})
    try:
        results = explain(convictions_to_facts(case), as_of, pathways or None)
    except FactError as error:
        raise ValidationError(
            {error.fact: f"The case's record gives a value the rulebook cannot use: {error.reason}"}
        )
    proof = str(params.get("proof", "")).lower() in ("1", "true", "yes")
    return results_json(results, as_of, detail=proof)


def _fact_json(fact: CaseFact) -> dict[str, Any]:
    answer = fact.answer
    return {
        "value": encode_value(fact.value),
        "origin": fact.origin,
        "derived_value": encode_value(fact.derived.value) if fact.derived is not None else None,
        "derived_from": fact.derived.source if fact.derived is not None else "",
        "answer_source": answer.source if answer is not None else "",
        "answer_source_detail": answer.source_detail if answer is not None else "",
        "answered_by": answer.author_name if answer is not None else "",
        "answered_at": answer.answered_at.isoformat() if answer is not None else None,
    }


def facts_json(case: Case) -> dict[str, Any]:
    return {"case": case.pk, "facts": {name: _fact_json(fact) for name, fact in case_facts(case).items()}}
