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
from clemency.cases.facts import CaseFact, case_facts, check_value, encode_value, facts_from
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
        # One writer of a case's answers at a time.
        Case.objects.select_for_update().filter(pk=case.pk).first()
        before_facts = case_facts(case)
        current = {name: fact.answer for name, fact in before_facts.items() if fact.answer is not None}
        replaced: list[FactAnswer] = []
        for name, value in checked.items():
            stored = encode_value(value)
            before = current.get(name)
            if before is not None and (before.value, before.source, before.source_detail) == (
                stored,
                source,
                source_detail,
            ):
                continue  # the same answer from the same source is not a new answer
            if before is not None:
                replaced.append(before)
            recorded.append(
                FactAnswer(
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
            )
        if recorded:
            # Checked in memory before anything is written: with the new answers, the case's facts must
            # still make sense together. A record already inconsistent is not this answer's fault.
            after_facts = dict(before_facts)
            for answer in recorded:
                old = before_facts[answer.fact]
                after_facts[answer.fact] = CaseFact(old.spec, old.derived, answer)
            if _consistent(before_facts):
                _check_together(after_facts)
        if replaced:
            FactAnswer.objects.filter(pk__in=[a.pk for a in replaced]).update(current=False)
        if recorded:
            FactAnswer.objects.bulk_create(recorded)
            # One event for the change, naming every fact with its answer before and after.
            record_event(
                "fact.answered",
                actor=actor,
                obj=case,
                case_id=case.pk,
                team_id=case.team_id,
                before={a.fact: _snapshot(a) for a in replaced} or None,
                after={a.fact: _snapshot(a) for a in recorded},
            )
        if recorded:
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


def _consistent(facts: dict[str, CaseFact]) -> bool:
    try:
        validate_facts(facts_from(facts))
    except FactError:
        return False
    return True


def _check_together(facts: dict[str, CaseFact]) -> None:
    """The case's facts with the new answers must still make sense together (dates in order...)."""
    try:
        validate_facts(facts_from(facts))
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
