"""Dated parameters: every threshold of the law, kept in YAML beside the pathways that use it.

Each `parameters.yaml` under `clemency/law/` maps a parameter name to:

    us.compassionate_release.age.min_age_years:
      title: Minimum age for the age reason
      unit: years
      values:
        - from: 2023-11-01        # effective_from, inclusive
          to: null                # effective_to, exclusive; null = still in force
          value: 65
          citation: USSG 1B1.13(b)(2) (Amendment 814, effective 2023-11-01)
          verified: true

`value(name, as_of)` returns the value in force on as_of, or raises `ParameterNotInForce`;
`resolve(name, as_of)` returns None instead (the evaluator turns that into NEEDS_REVIEW).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LAW_DIR = Path(__file__).resolve().parent


class ParameterNotInForce(LookupError):
    def __init__(self, name: str, as_of: dt.date) -> None:
        super().__init__(f"no value of {name} is in force on {as_of.isoformat()}")
        self.name = name
        self.as_of = as_of


@dataclass(frozen=True)
class DatedValue:
    value: Any
    effective_from: dt.date
    effective_to: dt.date | None
    citation: str
    verified: bool
    note: str = ""

    def covers(self, as_of: dt.date) -> bool:
        return self.effective_from <= as_of and (self.effective_to is None or as_of < self.effective_to)


@dataclass(frozen=True)
class Parameter:
    name: str
    title: str
    unit: str | None
    values: tuple[DatedValue, ...]
    source_file: str

    def value_on(self, as_of: dt.date) -> DatedValue | None:
        for dated in self.values:
            if dated.covers(as_of):
                return dated
        return None


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _load_file(path: Path) -> dict[str, Parameter]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, Parameter] = {}
    for name, body in raw.items():
        values = tuple(
            DatedValue(
                value=_freeze(item["value"]),
                effective_from=item["from"],
                effective_to=item.get("to"),
                citation=str(item.get("citation") or ""),
                verified=bool(item.get("verified", False)),
                note=str(item.get("note") or ""),
            )
            for item in body.get("values", [])
        )
        out[name] = Parameter(
            name=name,
            title=str(body.get("title") or ""),
            unit=body.get("unit"),
            values=tuple(sorted(values, key=lambda v: v.effective_from)),
            source_file=str(path.relative_to(LAW_DIR)),
        )
    return out


@cache
def all_parameters() -> dict[str, Parameter]:
    found: dict[str, Parameter] = {}
    for path in sorted(LAW_DIR.rglob("parameters.yaml")):
        for name, parameter in _load_file(path).items():
            if name in found:
                raise ValueError(f"parameter {name} is defined twice ({path})")
            found[name] = parameter
    return found


def get_parameter(name: str) -> Parameter:
    try:
        return all_parameters()[name]
    except KeyError:
        raise KeyError(f"unknown parameter {name}") from None


def value(name: str, as_of: dt.date) -> Any:
    dated = get_parameter(name).value_on(as_of)
    if dated is None:
        raise ParameterNotInForce(name, as_of)
    return dated.value


def resolve(name: str, as_of: dt.date) -> Any | None:
    dated = get_parameter(name).value_on(as_of)
    return None if dated is None else dated.value


def resolve_all(names: list[str], as_of: dt.date) -> dict[str, Any | None]:
    """Every named parameter's value on as_of (None where no value is in force): the constants a
    batch compiler substitutes for `Param` nodes."""
    return {name: resolve(name, as_of) for name in names}
