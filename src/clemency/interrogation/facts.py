"""The lawyer's facts file: what each fact says and the words that express it.

```yaml
- id: shot_in_head
  statement: The victim was shot in the head.
  public: false
  public_since: 2006-03-02      # optional: when it was first reported publicly
  true: true                    # true, false, or null when the evidence is unknown
  cues: ["shot | shoot + head"] # "+" joins parts that must all appear; "|" separates alternatives
  exclusions: ["shakes head"]   # phrases of other senses, ignored wherever they appear
  hints: ["head"]               # optional: words that point at the fact without stating it
```
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from .safe_yaml import YAMLLimitError, describe_yaml_error, load_yaml, quoted
from .text import stems

_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")


class FactsError(ValueError):
    pass


@dataclass(frozen=True)
class Cue:
    """One cue: every part must appear; each part is one of several phrases (as word stems)."""

    text: str
    parts: tuple[tuple[tuple[str, ...], ...], ...]


@dataclass
class Fact:
    id: str
    statement: str
    public: bool
    public_since: dt.date | None
    true: bool | None
    cues: list[Cue]
    exclusions: list[Cue] = field(default_factory=list)
    hints: list[Cue] = field(default_factory=list)


def parse_cue(text: str, where: str) -> Cue:
    parts = []
    for part in text.split("+"):
        alternatives = tuple(tuple(stems(a)) for a in part.split("|") if stems(a))
        if not alternatives:
            raise FactsError(f"{where}: {quoted(text)} has an empty part (check '+' and '|')")
        parts.append(alternatives)
    return Cue(text.strip(), tuple(parts))


def _cue_list(item: dict, key: str, where: str, required: bool) -> list[Cue]:
    value = item.get(key)
    if value is None:
        if required:
            raise FactsError(f"{where}.{key}: required, a list of words or phrases")
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise FactsError(f"{where}.{key}: expected a list of non-empty phrases")
    if required and not value:
        raise FactsError(f"{where}.{key}: needs at least one cue")
    return [parse_cue(v, f"{where}.{key}") for v in value]


def _tri(item: dict, where: str) -> bool | None:
    # YAML 1.1 reads the key `true` itself as the boolean True.
    if "true" in item:
        value = item["true"]
    elif True in item:
        value = item[True]
    else:
        return None
    if value is not None and not isinstance(value, bool):
        raise FactsError(f"{where}.true: must be true, false or null (unknown), got {quoted(value)}")
    return value


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise FactsError(f"{where}.public_since: expected a date YYYY-MM-DD, got {quoted(value)}")


def load_facts(text: str) -> list[Fact]:
    try:
        data = load_yaml(text)
    except YAMLLimitError as exc:
        raise FactsError(f"facts: {exc}") from None
    except yaml.YAMLError as exc:
        raise FactsError(f"facts: not valid YAML ({describe_yaml_error(exc)})") from None
    if isinstance(data, dict) and "facts" in data:
        data = data["facts"]
    if data is None or data == []:
        raise FactsError("facts: the file lists no facts (expected a non-empty list of facts)")
    if not isinstance(data, list):
        got = {"str": "plain text", "dict": "a mapping without a 'facts' list"}.get(
            type(data).__name__, quoted(data)
        )
        raise FactsError(f"facts: expected a non-empty list of facts, got {got}")
    facts: list[Fact] = []
    seen: set[str] = set()
    for n, item in enumerate(data):
        where = f"facts[{n}]"
        if not isinstance(item, dict):
            raise FactsError(f"{where}: expected a mapping with id, statement, public, cues")
        fact_id = item.get("id")
        if not isinstance(fact_id, str) or not _ID.match(fact_id):
            raise FactsError(f"{where}.id: required, lower-case letters, digits, '_', '-' or '.'")
        if fact_id in seen:
            raise FactsError(f"{where}.id: {quoted(fact_id)} is used twice")
        seen.add(fact_id)
        where = f"facts[{fact_id}]"
        statement = item.get("statement")
        if not isinstance(statement, str) or not statement.strip():
            raise FactsError(f"{where}.statement: required, the fact in one sentence")
        public = item.get("public")
        if not isinstance(public, bool):
            raise FactsError(f"{where}.public: required, true or false")
        facts.append(
            Fact(
                id=fact_id,
                statement=statement.strip(),
                public=public,
                public_since=_date(item.get("public_since"), where),
                true=_tri(item, where),
                cues=_cue_list(item, "cues", where, required=True),
                exclusions=_cue_list(item, "exclusions", where, required=False),
                hints=_cue_list(item, "hints", where, required=False),
            )
        )
    return facts
