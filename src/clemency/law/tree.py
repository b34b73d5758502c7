"""The rule tree: small frozen nodes that one scalar evaluator and two compilers read.

Every node may carry `citation` (keyword-only); every node that encodes law must.

Values and nulls (identical in every evaluator)
-----------------------------------------------
A value is a date, an int, a bool, a str, a tuple of str (a list fact), or None (unknown).
- `Fact(name)`: the fact's value; None when the fact is missing.
- `Param(name)`: the parameter's value for the evaluation's as_of date, resolved ONCE per
  evaluation (a constant for a whole batch). When no dated value covers as_of it is None, and the
  evaluator records the reason "no value of <name> in force on <as_of>".
- `Const(value)`, `AsOf()` (the evaluation date; never null).
- `Compare(op, left, right)` with op in == != < <= > >=: None if either side is None.
- `Add`, `Sub`, `Mul` (ints), `CeilDiv(a, b)` (ceiling of a/b for a >= 0, b > 0): None if any
  operand is None.
- Dates, all in whole days: `DaysBetween(start, end)` = (end - start) in days; `AddDays(date, n)`;
  `AddYears(date, n)` (February 29 + n years lands on February 28 in a non-leap year, as Polars'
  `dt.offset_by` does); `AgeOn(birth, on)` = the largest n with AddYears(birth, n) <= on;
  `Earliest(*dates)` / `Latest(*dates)`: None if ANY operand is None (not Polars' null-skipping
  min/max_horizontal). All None if any operand is None.
- `NextBusinessDay(date, calendar)`: `date` itself when it is a business day of `calendar` ("US"
  or "US-XX"), else the first business day after it; weekends and the calendar's CERTAIN closures
  are skipped (`clemency.law.business_days`: federal holidays the state also keeps). The calendars
  cover 1950-2149: a date outside those years gives None, as does a None date.
- `IsIn(value, options)`: value in a constant set; None if value is None.
- `ListHasAny(items, options, match)`: True if any element of the list matches any option;
  match="exact" is equality, match="section" is equality or "element starts with option + '('"
  (so "21 U.S.C. 844" matches "21 U.S.C. 844(a)"). None if the list is None. An empty list is False.
- `ListOnly(items, options)`: True if the list is non-empty and every element is in options;
  None if the list is None; an empty list is False.
- `All(*nodes)` / `Any(*nodes)` / `Not(node)`: Kleene three-valued logic (False dominates All,
  True dominates Any; otherwise any None gives None). `Unless(rule, exception)` = All(rule,
  Not(exception)): the exception defeats the base rule.
- `If(cond, then, otherwise)`: when cond is None, the branches' common value if both are known,
  of the same type and equal (agreeing branches: whichever way cond goes, the answer is the same),
  else None. NOT
  Polars' when/then, which treats a null condition as false: compile as
  when(cond.is_null()).then(when(a == b).then(a)).when(cond).then(a).otherwise(b).
  `If(..., unknown="latest")` (built only by `clemency.law.bounds`, never written in a pathway):
  when cond is None, Latest(then, otherwise) instead (None if either is None): the later of the
  two dates, an upper bound for an eligibility date that grows with this one.
- `FactOr(name, default)` and `Fallback(node, bound, keep)` are built only by
  `clemency.law.bounds` (see "Bounds" below), never written in a pathway. `FactOr`: the fact's
  value, or `default` when it is unknown. `Fallback(node, bound, "true")`: node's value when
  known; else True when bound is True; else None. `Fallback(node, bound, "any")`: node's value
  when known, else bound's value (None if both are).

Written in a pathway, these nodes have no coalesce and no "is known" test: turning any input to
None can only turn a node's value into None, never into a different non-null value
(monotonicity). Agreeing branches keep this: a known cond picks a branch equal to the agreed value.

Bounds (`clemency.law.bounds`)
------------------------------
A fact may declare a `bound` in the fact schema: the least value it can take, on the side that
makes every rule least favourable (jail credit: 0 days; credit only adds to time served, so a
larger value can only make a time-served test true sooner and an eligibility date earlier). For
each criterion reading a bounded fact, and for the eligible-from date, the evaluators use
- criterion: Fallback(node, node', "true"), where node' is node with each bounded fact replaced
  by FactOr(name, bound): a criterion true at the bound is true for every allowed value;
- eligible_from: Fallback(node, node'', "any"), where node'' is node' with each date-valued If
  marked unknown="latest": when the true date is unknown, the bound is the latest it can be.
The proof names each bound used; an eligible-from date that came from the bound is reported as
"no later than D", so NOT_YET then means "not yet on the least favourable reading, eligible no
later than D"; the facts that could bring it earlier are still asked.

Outcome of a pathway (a pure function; see `outcome_from`)
-----------------------------------------------------------
Inputs: the three-valued value of each criterion, c_1..c_n; `has_eligible_from` (whether the
pathway declares an eligible_from node); `eligible_from`, that node's value (a date or None);
and `as_of`. Where a criterion or the eligible-from date reads a bounded fact, the value is that
of its bound tree (see "Bounds"), in the scalar evaluator and the batch engines alike.

1. If any c_i is False                          -> INELIGIBLE.
2. Else if any c_i is None                       -> NEEDS_REVIEW.
3. Else if has_eligible_from and eligible_from is None -> NEEDS_REVIEW (the date is unknown).
4. Else if has_eligible_from and eligible_from > as_of -> NOT_YET.
5. Else if the pathway is not in force on as_of (as_of before its `effective_from`, or on or
   after its `effective_to`)                     -> NEEDS_REVIEW, naming the gap: the rulebook
   does not encode the law of that date, so it never answers ELIGIBLE there. (Where the law did
   not allow the pathway at all on a date, a criterion says so and the answer is INELIGIBLE, e.g.
   a defendant's own compassionate-release motion before 2018-12-21.)
6. Else                                          -> ELIGIBLE.

The reported `eligible_from` is the node's value when the outcome is NOT_YET or ELIGIBLE and
None otherwise (marked "no later than" when it came from a bound). Criteria with value None
name the facts (and unresolved parameters) that would settle them; those are the NEEDS_REVIEW
questions (and, for a NOT_YET from a bound, the questions that could bring the date earlier).
Deadlines are date nodes evaluated the same way and reported whatever the outcome (None when
unknown), each with its status on as_of: "due on D" or "passed on D".
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any as AnyValue
from typing import ClassVar, Literal


class Outcome(StrEnum):
    ELIGIBLE = "ELIGIBLE"
    INELIGIBLE = "INELIGIBLE"
    NEEDS_REVIEW = "NEEDS_REVIEW"
    NOT_YET = "NOT_YET"

    def __str__(self) -> str:
        return self.value


def outcome_from(
    values: list[bool | None],
    has_eligible_from: bool,
    eligible_from: dt.date | None,
    as_of: dt.date,
    in_force: bool = True,
) -> Outcome:
    """The outcome rule stated in this module's docstring."""
    if any(value is False for value in values):
        return Outcome.INELIGIBLE
    if any(value is None for value in values):
        return Outcome.NEEDS_REVIEW
    if has_eligible_from:
        if eligible_from is None:
            return Outcome.NEEDS_REVIEW
        if eligible_from > as_of:
            return Outcome.NOT_YET
    return Outcome.ELIGIBLE if in_force else Outcome.NEEDS_REVIEW


def add_years(date: dt.date, years: int) -> dt.date:
    """The same month and day `years` later; February 29 becomes February 28 in a non-leap year."""
    year = date.year + years
    day = date.day
    if date.month == 2 and day == 29 and not calendar.isleap(year):
        day = 28
    return dt.date(year, date.month, day)


def item_matches(item: str, options: Collection[str], match: str = "exact") -> bool:
    """Whether one list item matches any option: equal to one, or for match="section" also one
    followed by "(" (so "21 U.S.C. 844" matches "21 U.S.C. 844(a)" but not "21 U.S.C. 8440")."""
    if item in options:
        return True
    return match == "section" and any(item.startswith(option + "(") for option in options)


def age_on(birth: dt.date, on: dt.date) -> int:
    """Whole years of age on a date: the largest n with add_years(birth, n) <= on."""
    years = on.year - birth.year
    if add_years(birth, years) > on:
        years -= 1
    return years


@dataclass(frozen=True)
class Node:
    citation: str | None = field(default=None, kw_only=True)
    kind: ClassVar[str] = "node"

    def children(self) -> Iterator[Node]:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Node):
                yield value
            elif isinstance(value, tuple):
                yield from (item for item in value if isinstance(item, Node))

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children():
            yield from child.walk()

    def fact_names(self) -> list[str]:
        seen: dict[str, None] = {}
        for node in self.walk():
            if isinstance(node, (Fact, FactOr)):
                seen[node.name] = None
        return list(seen)

    def param_names(self) -> list[str]:
        seen: dict[str, None] = {}
        for node in self.walk():
            if isinstance(node, Param):
                seen[node.name] = None
        return list(seen)


@dataclass(frozen=True)
class Fact(Node):
    name: str
    kind: ClassVar[str] = "fact"


@dataclass(frozen=True)
class Param(Node):
    name: str
    kind: ClassVar[str] = "param"


@dataclass(frozen=True)
class Const(Node):
    value: AnyValue
    kind: ClassVar[str] = "const"


@dataclass(frozen=True)
class AsOf(Node):
    kind: ClassVar[str] = "as_of"


CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]


@dataclass(frozen=True)
class Compare(Node):
    op: CompareOp
    left: Node
    right: Node
    kind: ClassVar[str] = "compare"


@dataclass(frozen=True)
class Add(Node):
    left: Node
    right: Node
    kind: ClassVar[str] = "add"


@dataclass(frozen=True)
class Sub(Node):
    left: Node
    right: Node
    kind: ClassVar[str] = "sub"


@dataclass(frozen=True)
class Mul(Node):
    left: Node
    right: Node
    kind: ClassVar[str] = "mul"


@dataclass(frozen=True)
class CeilDiv(Node):
    left: Node
    right: Node
    kind: ClassVar[str] = "ceil_div"


@dataclass(frozen=True)
class DaysBetween(Node):
    start: Node
    end: Node
    kind: ClassVar[str] = "days_between"


@dataclass(frozen=True)
class AddDays(Node):
    date: Node
    days: Node
    kind: ClassVar[str] = "add_days"


@dataclass(frozen=True)
class AddYears(Node):
    date: Node
    years: Node
    kind: ClassVar[str] = "add_years"


@dataclass(frozen=True)
class AgeOn(Node):
    birth: Node
    on: Node
    kind: ClassVar[str] = "age_on"


@dataclass(frozen=True)
class Earliest(Node):
    items: tuple[Node, ...]
    kind: ClassVar[str] = "earliest"


@dataclass(frozen=True)
class Latest(Node):
    items: tuple[Node, ...]
    kind: ClassVar[str] = "latest"


@dataclass(frozen=True)
class NextBusinessDay(Node):
    date: Node
    calendar: str  # "US" (federal) or "US-XX" (a state by postal code)
    kind: ClassVar[str] = "next_business_day"


@dataclass(frozen=True)
class IsIn(Node):
    value: Node
    options: tuple[str, ...]
    kind: ClassVar[str] = "is_in"


@dataclass(frozen=True)
class ListHasAny(Node):
    items: Node
    options: Node  # a Const or Param holding a tuple of str
    match: Literal["exact", "section"] = "exact"
    kind: ClassVar[str] = "list_has_any"


@dataclass(frozen=True)
class ListOnly(Node):
    items: Node
    options: Node
    kind: ClassVar[str] = "list_only"


@dataclass(frozen=True)
class All(Node):
    items: tuple[Node, ...]
    kind: ClassVar[str] = "all"


@dataclass(frozen=True)
class Any(Node):
    items: tuple[Node, ...]
    kind: ClassVar[str] = "any"


@dataclass(frozen=True)
class Not(Node):
    item: Node
    kind: ClassVar[str] = "not"


@dataclass(frozen=True)
class Unless(Node):
    rule: Node
    exception: Node
    kind: ClassVar[str] = "unless"


@dataclass(frozen=True)
class If(Node):
    cond: Node
    then: Node
    otherwise: Node
    unknown: Literal["none", "latest"] = "none"  # "latest": only in bound trees (clemency.law.bounds)
    kind: ClassVar[str] = "if"


@dataclass(frozen=True)
class FactOr(Node):
    """Only in bound trees: the fact's value, or `default` when unknown."""

    name: str
    default: AnyValue
    kind: ClassVar[str] = "fact_or"


@dataclass(frozen=True)
class Fallback(Node):
    """Only in bound trees: node's value when known, else the bound's (see the module docstring)."""

    node: Node
    bound: Node
    keep: Literal["true", "any"] = "true"
    kind: ClassVar[str] = "fallback"


# Small constructors so pathway files read like the law.


def _node(value: Node | AnyValue) -> Node:
    return value if isinstance(value, Node) else Const(value)


def eq(a: Node, b: Node | AnyValue, *, citation: str | None = None) -> Compare:
    return Compare("==", a, _node(b), citation=citation)


def ne(a: Node, b: Node | AnyValue, *, citation: str | None = None) -> Compare:
    return Compare("!=", a, _node(b), citation=citation)


def lt(a: Node, b: Node | AnyValue, *, citation: str | None = None) -> Compare:
    return Compare("<", a, _node(b), citation=citation)


def le(a: Node, b: Node | AnyValue, *, citation: str | None = None) -> Compare:
    return Compare("<=", a, _node(b), citation=citation)


def gt(a: Node, b: Node | AnyValue, *, citation: str | None = None) -> Compare:
    return Compare(">", a, _node(b), citation=citation)


def ge(a: Node, b: Node | AnyValue, *, citation: str | None = None) -> Compare:
    return Compare(">=", a, _node(b), citation=citation)


def all_of(*items: Node, citation: str | None = None) -> All:
    return All(tuple(items), citation=citation)


def any_of(*items: Node, citation: str | None = None) -> Any:
    return Any(tuple(items), citation=citation)


def is_true(name: str, *, citation: str | None = None) -> Compare:
    """A bool fact is True (None when unknown)."""
    return Compare("==", Fact(name), Const(True), citation=citation)


def is_false(name: str, *, citation: str | None = None) -> Compare:
    """A bool fact is False (None when unknown)."""
    return Compare("==", Fact(name), Const(False), citation=citation)


def earliest(*items: Node, citation: str | None = None) -> Earliest:
    return Earliest(tuple(items), citation=citation)


def latest(*items: Node, citation: str | None = None) -> Latest:
    return Latest(tuple(items), citation=citation)


def as_of() -> AsOf:
    return AsOf()


def describe(node: Node) -> str:
    """A compact, readable rendering of a node for proofs and the rulebook."""
    if isinstance(node, Fact):
        return node.name
    if isinstance(node, Param):
        return f"param:{node.name}"
    if isinstance(node, Const):
        value = node.value
        return value.isoformat() if isinstance(value, dt.date) else repr(value)
    if isinstance(node, AsOf):
        return "as_of"
    if isinstance(node, Compare):
        return f"({describe(node.left)} {node.op} {describe(node.right)})"
    binary = {Add: "+", Sub: "-", Mul: "*", CeilDiv: "ceil/"}
    for cls, symbol in binary.items():
        if isinstance(node, cls):
            return f"({describe(node.left)} {symbol} {describe(node.right)})"  # type: ignore[attr-defined]
    if isinstance(node, DaysBetween):
        return f"days_between({describe(node.start)}, {describe(node.end)})"
    if isinstance(node, AddDays):
        return f"add_days({describe(node.date)}, {describe(node.days)})"
    if isinstance(node, AddYears):
        return f"add_years({describe(node.date)}, {describe(node.years)})"
    if isinstance(node, AgeOn):
        return f"age_on({describe(node.birth)}, {describe(node.on)})"
    if isinstance(node, NextBusinessDay):
        return f"next_business_day({describe(node.date)}, {node.calendar})"
    if isinstance(node, IsIn):
        return f"{describe(node.value)} in {list(node.options)}"
    if isinstance(node, ListHasAny):
        return f"any of {describe(node.items)} in {describe(node.options)}"
    if isinstance(node, ListOnly):
        return f"every {describe(node.items)} in {describe(node.options)}"
    if isinstance(node, Not):
        return f"not {describe(node.item)}"
    if isinstance(node, Unless):
        return f"{describe(node.rule)} unless {describe(node.exception)}"
    if isinstance(node, If):
        return f"if {describe(node.cond)} then {describe(node.then)} else {describe(node.otherwise)}"
    if isinstance(node, FactOr):
        return f"{node.name} (or {node.default!r} if unknown)"
    if isinstance(node, Fallback):
        return f"{describe(node.node)}, else at the bound {describe(node.bound)}"
    if isinstance(node, (All, Any, Earliest, Latest)):
        word = {All: "all", Any: "any", Earliest: "earliest", Latest: "latest"}[type(node)]
        return f"{word}(" + ", ".join(describe(item) for item in node.items) + ")"
    return type(node).__name__
