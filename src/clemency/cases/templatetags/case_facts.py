"""Template words for facts and outcomes (see `clemency.cases.words`), and the answer forms of a case."""

from __future__ import annotations

from typing import Any

from django import template

from clemency.cases import words
from clemency.cases.forms_facts import FactAnswerForm

register = template.Library()


@register.filter
def fact_label(name: str) -> str:
    return words.fact_label(name)


@register.filter
def fact_value(value: Any, name: str) -> str:
    return words.fact_value(name, value)


@register.filter
def outcome_words(result: Any) -> str:
    return words.outcome_words(result)


@register.filter
def distinct(items: Any) -> list[Any]:
    """Each item once, in order: no citation repeated in one line."""
    return list(dict.fromkeys(items or ()))


@register.filter
def outcome_word(code: Any) -> str:
    return words.outcome_word(code)


@register.filter
def pathway_title(pathway_id: str) -> str:
    return words.pathway_title(pathway_id)


@register.filter
def criterion_label(criterion_id: str) -> str:
    return words.fact_label(criterion_id)


@register.filter
def count_words(count: int, noun: str) -> str:
    return words.count_words(count, noun)


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag
def answer_form(case: Any, fact: str, pathway_id: str = "") -> FactAnswerForm | None:
    """An empty answer form for one question of the case's eligibility panel."""
    from clemency.law.facts import FACTS

    if fact not in FACTS:
        return None
    # One question may be asked by several pathways: the ids on the page carry the pathway, the names
    # (what is posted) do not.
    where = pathway_id.replace(".", "-")
    return FactAnswerForm(fact=fact, prefix=f"fact-{fact}", auto_id=f"id_{where}_%s" if where else "id_%s")
