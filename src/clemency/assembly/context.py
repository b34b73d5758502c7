"""The case context: every variable a document template may use, as typed dataclasses.

The platform maps its models to a `CaseContext`; the rulebook's explanation arrives as plain data
(`Explanation`), so this package never imports `clemency.law`. A missing fact is `None` and renders
as a visible placeholder, never as a guess.

Variable names are dotted paths (`person.full_name`, `case.jurisdiction`); an item of a list is
written with `[]` (`convictions[].charges[].statute`). Fields marked sensitive are replaced in the
redacted public copy.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, ClassVar

from clemency.assembly import redaction
from clemency.assembly.redaction import REDACTED, Protected, Redactor


def _sensitive(default: Any = None) -> Any:
    return field(default=default, metadata={"sensitive": True})


def _sensitive_list() -> Any:
    return field(default_factory=list, metadata={"sensitive": True})


@dataclass(frozen=True)
class Address:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None

    DERIVED: ClassVar[tuple[str, ...]] = ("one_line",)

    @property
    def one_line(self) -> str | None:
        parts = [self.street, self.city, " ".join(p for p in (self.state, self.postal_code) if p)]
        text = ", ".join(p for p in parts if p)
        return text or None


@dataclass(frozen=True)
class Person:
    given_name: str
    family_name: str
    middle_name: str | None = None
    other_names: list[str] = field(default_factory=list)
    birth_date: date | None = _sensitive()
    birth_place: str | None = _sensitive()
    citizenship: str | None = None
    bop_register_number: str | None = _sensitive()
    doc_number: str | None = _sensitive()
    facility: str | None = None
    address: Address | None = _sensitive()
    email: str | None = _sensitive()
    phone: str | None = _sensitive()
    in_custody: bool | None = None
    projected_release_date: date | None = None
    programs: list[str] = field(default_factory=list)
    disciplinary_record: str | None = None
    medical_conditions: list[str] = field(default_factory=list)
    release_plan: str | None = None
    statement: str | None = None

    DERIVED: ClassVar[tuple[str, ...]] = ("full_name",)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.middle_name, self.family_name) if p)


@dataclass(frozen=True)
class Charge:
    description: str
    statute: str | None = None
    counts: int | None = None


@dataclass(frozen=True)
class Sentence:
    # kind: "imprisonment", "life", "death", "probation" or "fine"
    kind: str | None = None
    imposed: str | None = None  # as written in the judgment, e.g. "240 months' imprisonment"
    term_days: int | None = None
    supervised_release_days: int | None = None
    fine_dollars: int | None = None
    restitution_dollars: int | None = None
    execution_date: date | None = None


@dataclass(frozen=True)
class Conviction:
    court: str | None = None
    county: str | None = None
    docket_number: str | None = None
    offense_date: date | None = None
    sentence_date: date | None = None
    disposition: str | None = None  # "convicted", "charged, not convicted"
    plea: str | None = None  # "guilty plea", "jury trial", "bench trial"
    charges: list[Charge] = field(default_factory=list)
    sentence: Sentence = field(default_factory=Sentence)
    offense_summary: str | None = None
    victim_names: list[str] = _sensitive_list()
    appeal_history: list[str] = field(default_factory=list)
    post_conviction_history: list[str] = field(default_factory=list)
    legal_issues: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Recipient:
    """Whoever a letter is addressed to: a governor, a board, a possible supporter."""

    name: str | None = None
    title: str | None = None
    organization: str | None = None
    address: Address | None = None
    salutation: str | None = None


@dataclass(frozen=True)
class Case:
    reference: str
    jurisdiction: str  # "us", "us-wi", "us-tx", ...
    prepared_on: date
    pathway_id: str | None = None
    relief_sought: str | None = None
    reasons: str | None = None
    prior_clemency_petitions: list[str] = field(default_factory=list)
    detainers: str | None = None
    recipient: Recipient | None = None


@dataclass(frozen=True)
class Lawyer:
    name: str
    bar_number: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Team:
    organization: str | None = None
    address: Address | None = None
    lawyers: list[Lawyer] = field(default_factory=list)
    phone: str | None = None
    email: str | None = None
    # The team's own signature block, line by line; empty means the lead lawyer's name is printed.
    signature: list[str] = field(default_factory=list)
    # The letterhead's logo, PNG or JPEG bytes; printed at the top of letters when present.
    logo: bytes | None = None

    DERIVED: ClassVar[tuple[str, ...]] = ("lead",)

    @property
    def lead(self) -> Lawyer | None:
        return self.lawyers[0] if self.lawyers else None


@dataclass(frozen=True)
class CriterionResult:
    label: str
    citation: str | None = None
    sentence: str | None = None
    criterion_id: str | None = None


@dataclass(frozen=True)
class Deadline:
    label: str
    due_date: date | None = None
    citation: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class PathwayResult:
    pathway_id: str
    outcome: str  # ELIGIBLE, INELIGIBLE, NEEDS_REVIEW, NOT_YET
    title: str | None = None
    jurisdiction: str | None = None
    authority: str | None = None
    eligible_from: date | None = None
    criteria_met: list[CriterionResult] = field(default_factory=list)
    criteria_unmet: list[CriterionResult] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)


@dataclass(frozen=True)
class Explanation:
    as_of: date | None = None
    pathways: list[PathwayResult] = field(default_factory=list)


@dataclass(frozen=True)
class CaseContext:
    person: Person
    case: Case
    convictions: list[Conviction] = field(default_factory=list)
    team: Team = field(default_factory=Team)
    explanation: Explanation = field(default_factory=Explanation)

    DERIVED: ClassVar[tuple[str, ...]] = ("execution_date", "texas_clemency_deadlines")

    def pathway(self, prefix: str) -> PathwayResult | None:
        """The first rulebook result whose pathway id starts with `prefix`, or None."""
        for result in self.explanation.pathways:
            if result.pathway_id == prefix or result.pathway_id.startswith(prefix + "."):
                return result
        return None

    @property
    def execution_date(self) -> date | None:
        dates = [c.sentence.execution_date for c in self.convictions if c.sentence.execution_date]
        return min(dates) if dates else None

    @property
    def texas_clemency_deadlines(self) -> list[Deadline]:
        if self.execution_date is None:
            return []
        return texas_death_clemency_deadlines(self.execution_date)


def texas_death_clemency_deadlines(execution_date: date) -> list[Deadline]:
    """Filing deadlines for a Texas death-sentence commutation, counted back from the execution date.

    37 Tex. Admin. Code § 143.57(b): the application must be delivered "not later than the
    twenty-first calendar day before the day the execution is scheduled"; § 143.57(c): supplemental
    material not later than the fifteenth calendar day before. If that day is a weekend or a state
    holiday, the deadline moves to the next business day. We roll weekends forward; Texas state
    holidays are not modelled, so each deadline says to check them (verified: partially - text of
    § 143.57 read from a secondary copy of the TAC, not the Texas Register).
    """
    citation_b = "37 Tex. Admin. Code § 143.57(b)"
    citation_c = "37 Tex. Admin. Code § 143.57(c)"
    note = "If this day is a Texas state holiday, the deadline is the next business day."
    return [
        Deadline(
            "Application for commutation of death sentence delivered to the Board",
            _next_weekday(execution_date - timedelta(days=21)),
            citation_b,
            note,
        ),
        Deadline(
            "Supplemental information (amendments, addenda, exhibits) delivered to the Board",
            _next_weekday(execution_date - timedelta(days=15)),
            citation_c,
            note,
        ),
    ]


def _next_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


# ---------------------------------------------------------------------------------------------
# The schema: dotted variable names, and which of them are sensitive


def unwrap_hint(hint: Any) -> tuple[Any, bool]:
    """(inner type, is_list) for `X | None`, `list[X]`, `list[X] | None`."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if len(args) == 1 else hint
        origin = typing.get_origin(hint)
    if origin is list:
        return typing.get_args(hint)[0], True
    return hint, False


@functools.cache
def _members(cls: type) -> list[tuple[str, Any, bool]]:
    """(name, type hint, sensitive) for each field and derived property of a dataclass."""
    hints = typing.get_type_hints(cls)
    members = [(f.name, hints[f.name], bool(f.metadata.get("sensitive"))) for f in dataclasses.fields(cls)]
    for name in getattr(cls, "DERIVED", ()):
        prop = getattr(cls, name)
        members.append((name, typing.get_type_hints(prop.fget)["return"], False))
    return members


def _walk(cls: type, prefix: str, sensitive: bool, out: dict[str, bool]) -> None:
    for name, hint, marked in _members(cls):
        inner, is_list = unwrap_hint(hint)
        path = f"{prefix}{name}"
        flag = sensitive or marked
        out[path] = flag
        if is_list:
            out[path + "[]"] = flag
            path += "[]"
        if dataclasses.is_dataclass(inner):
            _walk(typing.cast(type, inner), path + ".", flag, out)


def _schema() -> dict[str, bool]:
    out: dict[str, bool] = {}
    _walk(CaseContext, "", False, out)
    return out


_SCHEMA = _schema()

#: Every variable path whose value is replaced in the redacted copy.
SENSITIVE_FIELDS: tuple[str, ...] = tuple(sorted(p for p, s in _SCHEMA.items() if s))


def schema_variables() -> list[str]:
    """Every valid variable name, sorted; list items are written `name[]`."""
    return sorted(_SCHEMA)


def is_valid_variable(path: str) -> bool:
    return path in _SCHEMA


# ---------------------------------------------------------------------------------------------
# Template data: the context as nested dicts, derived values included, optionally redacted


def to_template_data(context: CaseContext, *, redacted: bool = False) -> dict[str, Any]:
    data = typing.cast(dict[str, Any], _to_data(context, CaseContext))
    if redacted:
        redactor = Redactor(protected_values(data))
        data = typing.cast(dict[str, Any], _redact(data, "", redactor))
    return data


def redactor_for(context: CaseContext) -> Redactor:
    """What a redacted copy of this case must not show, to check the produced file's text."""
    return Redactor(protected_values(typing.cast(dict[str, Any], _to_data(context, CaseContext))))


class Absent(dict[str, Any]):
    """A missing record (no recipient, no address): falsy, and every field inside it is unknown,
    so `{{ case.recipient.name }}` prints the unknown placeholder instead of failing."""

    def __bool__(self) -> bool:
        return False


def _absent(cls: type) -> Absent:
    out = Absent()
    for name, hint, _ in _members(cls):
        inner, is_list = unwrap_hint(hint)
        if is_list:
            out[name] = []
        elif dataclasses.is_dataclass(inner):
            out[name] = _absent(typing.cast(type, inner))
        else:
            out[name] = None
    return out


def _to_data(value: Any, hint: Any) -> Any:
    inner, is_list = unwrap_hint(hint)
    if value is None and not is_list and dataclasses.is_dataclass(inner):
        return _absent(typing.cast(type, inner))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _to_data(getattr(value, name), member_hint)
                for name, member_hint, _ in _members(type(value))}
    if isinstance(value, list):
        return [_to_data(item, inner) for item in value]
    return value


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_IDENTIFIERS = ("bop_register_number", "doc_number", "phone", "postal_code")


def _kind(path: str, value: Any) -> str:
    key = path.rsplit(".", 1)[-1].replace("[]", "")
    if isinstance(value, date):
        return redaction.DATE
    if key in _IDENTIFIERS:
        return redaction.IDENTIFIER
    if key.endswith(("name", "names")) and "place" not in key:
        return redaction.NAME
    return redaction.TEXT


def protected_values(data: Any, path: str = "") -> list[Protected]:
    """Every sensitive leaf, with what kind of value it is, so each is found however it is written."""
    found: list[Protected] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += protected_values(value, _child(path, key))
    elif isinstance(data, list):
        for item in data:
            found += protected_values(item, path + "[]")
    elif data is not None and not isinstance(data, bool) and _SCHEMA.get(path):
        label = path.replace("[]", "").replace(".", " ").replace("_", " ")
        if isinstance(data, date) or (isinstance(data, str) and data.strip()):
            found.append(Protected(label=label, kind=_kind(path, data), value=data))
    return found


def _redact(data: Any, path: str, redactor: Redactor) -> Any:
    if isinstance(data, dict):
        return type(data)({key: _redact(value, _child(path, key), redactor) for key, value in data.items()})
    if isinstance(data, list):
        return [_redact(item, path + "[]", redactor) for item in data]
    if data is None or isinstance(data, bool):
        return data
    if _SCHEMA.get(path):
        return REDACTED
    if isinstance(data, str):
        return redactor.redact(data)
    return data


def long_date(value: date) -> str:
    return f"{value:%B} {value.day}, {value.year}"
