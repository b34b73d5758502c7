"""Recording a person's answers to the rulebook's questions on a case: checked, atomic, audited.

An answer is checked by the rulebook's own fact schema (`clemency.law.facts.FACTS`), then against the
case's other facts (dates in order, an age that agrees with the dates); a refusal names the fact and
the reason and changes nothing. The answer before stays as history. The case's computed deadlines are
recomputed in the same transaction, since they rest on the facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clemency.audit.services import record_event
from clemency.cases.facts import check_value, convictions_to_facts, encode_value
from clemency.cases.models import Case, FactAnswer, FactSource
from clemency.law.facts import FACTS, FactError, validate_facts


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _checked(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Every answer checked by the schema; all refusals at once, each under its fact's name."""
    errors: dict[str, str] = {}
    checked: dict[str, Any] = {}
    for name, raw in answers.items():
        if name not in FACTS:
            errors[str(name)] = f"{name!r} is not a fact the rulebook knows."
            continue
        try:
            checked[name] = None if raw is None else check_value(name, raw)
        except FactError as error:
            errors[name] = f"{FACTS[name].question} {error.reason}."
    if errors:
        raise ValidationError(errors)
    return checked


def answer_facts(
    case: Case,
    *,
    actor: Any,
    answers: Mapping[str, Any],
    source: str,
    source_detail: str = "",
    answered_at: dt.datetime | None = None,
) -> list[FactAnswer]:
    """Record answers to one or more facts (None is the answer "unknown"), all or none.

    An answer equal to the current one, from the same source, is not recorded again.
    """
    if source not in FactSource.values:
        raise ValidationError(
            {"source": f"{source!r} is not a source: choose one of {', '.join(FactSource.values)}."}
        )
    checked = _checked(answers)
    source_detail = (source_detail or "").strip()[:300]
    when = answered_at or timezone.now()
    recorded: list[FactAnswer] = []
    with transaction.atomic():
        Case.objects.select_for_update().filter(
            pk=case.pk
        ).first()  # one writer of a case's answers at a time
        # A record already inconsistent is not this answer's fault: only a new disagreement refuses it.
        was_consistent = _consistent(case)
        current = {
            a.fact: a for a in FactAnswer.objects.filter(case=case, current=True, fact__in=list(checked))
        }
        for name, value in checked.items():
            stored = encode_value(value)
            before = current.get(name)
            if (
                before is not None
                and before.value == stored
                and before.source == source
                and (before.source_detail == source_detail)
            ):
                continue
            if before is not None:
                FactAnswer.objects.filter(pk=before.pk).update(current=False)
            answer = FactAnswer.objects.create(
                case=case,
                fact=name,
                value=stored,
                source=source,
                source_detail=source_detail,
                author=_user(actor),
                author_name=str(actor) if actor else "system",
                answered_at=when,
                current=True,
            )
            recorded.append(answer)
            record_event(
                "fact.answered",
                actor=actor,
                obj=answer,
                case_id=case.pk,
                team_id=case.team_id,
                before=None if before is None else _snapshot(before),
                after=_snapshot(answer),
            )
        if recorded:
            if was_consistent:
                _check_together(case)
            from clemency.deadlines.computed import sync_computed_deadlines

            sync_computed_deadlines(case, actor=actor)
    return recorded


def answer_fact(
    case: Case, *, actor: Any, fact: str, value: Any, source: str, source_detail: str = ""
) -> FactAnswer | None:
    """Record one answer; returns it, or None when it repeats the current answer."""
    recorded = answer_facts(
        case, actor=actor, answers={fact: value}, source=source, source_detail=source_detail
    )
    return recorded[0] if recorded else None


def _consistent(case: Case) -> bool:
    try:
        validate_facts(convictions_to_facts(case))
    except FactError:
        return False
    return True


def _check_together(case: Case) -> None:
    """The case's facts with the new answers must still make sense together (dates in order...)."""
    try:
        validate_facts(convictions_to_facts(case))
    except FactError as error:
        raise ValidationError(
            {error.fact: f"With this answer the case's facts disagree: {error.reason}."}
        ) from None


def _snapshot(answer: FactAnswer) -> dict[str, Any]:
    return {
        "fact": answer.fact,
        "value": answer.value,
        "source": answer.source,
        "source_detail": answer.source_detail,
        "answered_at": answer.answered_at.isoformat(),
    }
