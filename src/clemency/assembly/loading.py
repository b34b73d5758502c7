"""Build a `CaseContext` from plain JSON-like data, and read the rulebook's explanation.

`context_from_dict` lets scripts, fixtures and the platform hand over a case as JSON: dates as
ISO strings, nested records as objects. Bad input is refused with the field's dotted path and the
reason; an unknown key is an error, never silently dropped.

`explanation_from_results` reads the rulebook's `Result.to_dict()` shape (pathway, title, outcome,
criteria with value/citations/explanation, deadlines, questions, reasons) without importing
`clemency.law`, so this package stays independent of the rulebook's internals.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from clemency.assembly.context import (
    CaseContext,
    CriterionResult,
    Deadline,
    Explanation,
    PathwayResult,
    unwrap_hint,
)
from clemency.assembly.errors import AssemblyError

T = TypeVar("T")


class ContextError(AssemblyError, ValueError):
    """Case data that cannot become a context; the message names the field."""


def context_from_dict(data: Mapping[str, Any]) -> CaseContext:
    return _build(CaseContext, data, "")


def _build(cls: type[T], data: Any, path: str) -> T:
    if not isinstance(data, Mapping):
        raise ContextError(f"{path or 'context'}: expected an object, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ContextError(f"{_join(path, unknown[0])}: unknown field (known: {', '.join(sorted(fields))})")
    values = {}
    for name, f in fields.items():
        where = _join(path, name)
        if name not in data:
            no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if no_default:
                raise ContextError(f"{where}: required")
            continue
        values[name] = _value(hints[name], data[name], where)
    return cls(**values)


def _value(hint: Any, value: Any, path: str) -> Any:
    inner, is_list = unwrap_hint(hint)
    optional = type(None) in typing.get_args(hint)
    if value is None:
        if optional:
            return None
        raise ContextError(f"{path}: may not be null")
    if is_list:
        if not isinstance(value, list):
            raise ContextError(f"{path}: expected a list, got {type(value).__name__}")
        return [_value(inner, item, f"{path}[{index}]") for index, item in enumerate(value)]
    if dataclasses.is_dataclass(inner):
        return _build(typing.cast(type, inner), value, path)
    if inner is date:
        if isinstance(value, date):
            return value
        try:
            return (
                date.fromisoformat(value)
                if isinstance(value, str)
                else _bad(path, "a date (YYYY-MM-DD)", value)
            )
        except ValueError:
            return _bad(path, "a date (YYYY-MM-DD)", value)
    if inner is bool:
        return value if isinstance(value, bool) else _bad(path, "true or false", value)
    if inner is int:
        return (
            value
            if isinstance(value, int) and not isinstance(value, bool)
            else _bad(path, "a whole number", value)
        )
    if inner is str:
        return value if isinstance(value, str) else _bad(path, "text", value)
    return value


def _bad(path: str, expected: str, value: Any) -> Any:
    raise ContextError(f"{path}: expected {expected}, got {value!r}")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def explanation_from_results(results: Iterable[Mapping[str, Any]], as_of: date | None = None) -> Explanation:
    """The rulebook's results (each `Result.to_dict()`) as an `Explanation` for templates."""
    return Explanation(as_of=as_of, pathways=[_pathway(result) for result in results])


def _pathway(result: Mapping[str, Any]) -> PathwayResult:
    pathway_id = str(result["pathway"])
    met: list[CriterionResult] = []
    unmet: list[CriterionResult] = []
    citations: list[str] = []
    for criterion in result.get("criteria", []):
        cited = list(criterion.get("citations") or [])
        citations.extend(c for c in cited if c not in citations)
        entry = CriterionResult(
            label=_label(str(criterion["id"])),
            citation="; ".join(cited) or None,
            sentence=criterion.get("explanation"),
            criterion_id=str(criterion["id"]),
        )
        # value None (unknown) is neither met nor unmet: it surfaces through the questions
        if criterion.get("value") is True:
            met.append(entry)
        elif criterion.get("value") is False:
            unmet.append(entry)
    return PathwayResult(
        pathway_id=pathway_id,
        outcome=str(result["outcome"]),
        title=result.get("title"),
        jurisdiction=pathway_id.split(".", 1)[0],
        eligible_from=_date(result.get("eligible_from")),
        criteria_met=met,
        criteria_unmet=unmet,
        questions=list(result.get("questions") or []),
        citations=citations,
        sentences=list(result.get("reasons") or []),
        deadlines=[
            Deadline(
                label=d.get("title") or d["id"], due_date=_date(d.get("date")), citation=d.get("citation")
            )
            for d in result.get("deadlines", [])
        ],
    )


def _label(criterion_id: str) -> str:
    words = criterion_id.rsplit(".", 1)[-1].replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
