"""Compile the rulebook's tree (`clemency.law.tree`) to Polars expressions.

One method per node kind. Null semantics are those of the scalar evaluator, stated in the tree
module's docstring; where Polars differs by default the compiler says so:

- Polars `&` and `|` are already Kleene; `all_horizontal` / `any_horizontal` too.
- `min_horizontal` / `max_horizontal` skip nulls (and cost more); Earliest / Latest are a chain of
  `when/then` comparisons behind a test that makes them unknown when any operand is.
- `when/then` treats a null condition as false, so If tests for null first.
- `is_in` is guarded so that an unknown value stays unknown.
- Python dates stop at year 9999 (and 1); Polars dates do not, so a date outside 0001-9999 is null
  (the scalar evaluator raises there; the report asks the rulebook to answer None too).
- Parameters are resolved once for the batch's as_of date; an unresolved one is a null literal.
- A subtree that reads no fact is a constant: the scalar evaluator itself computes it, once.

Polars expressions have no `let`: an expression used twice is written twice, and a deep tree of
date arithmetic grows exponentially. So a value used more than once is *bound* to a temporary
column, computed in an earlier `with_columns` stage; `apply` runs the stages in order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

import polars as pl

from clemency.law import FACTS, business_days
from clemency.law import tree as t
from clemency.law.evaluate import evaluate_node
from clemency.law.parameters import resolve
from clemency.screening import calendar as cal
from clemency.screening.list_tests import ListTest, ListTests, bit_is_set

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)
_TEMP = "__tmp"


def literal(value: Any) -> pl.Expr:
    """A constant with the dtype the scalar evaluator would give it."""
    if value is None:
        return pl.lit(None)
    if isinstance(value, bool):
        return pl.lit(value, dtype=pl.Boolean)
    if isinstance(value, int):
        return pl.lit(value, dtype=pl.Int64)
    if isinstance(value, dt.datetime):
        raise TypeError("the rulebook has no date-times; use a date")
    if isinstance(value, dt.date):
        return pl.lit(value, dtype=pl.Date)
    if isinstance(value, str):
        return pl.lit(value, dtype=pl.String)
    raise TypeError(f"cannot use {value!r} as a Polars literal")


_FACT_DTYPES: dict[str, pl.DataType] = {
    "date": pl.Date(), "int": pl.Int64(), "bool": pl.Boolean(), "enum": pl.String(),
    "list": pl.List(pl.String()),
}
_BOOLEAN = (t.Compare, t.IsIn, t.ListHasAny, t.ListOnly, t.All, t.Any, t.Not, t.Unless)
_INTEGER = (t.Add, t.Sub, t.Mul, t.CeilDiv, t.DaysBetween, t.AgeOn)
_DATE = (t.AddDays, t.AddYears, t.Earliest, t.Latest, t.AsOf, t.NextBusinessDay)


def value_dtype(node: t.Node) -> pl.DataType | None:
    """The dtype a node's values have, so that an unknown constant is a typed null (None: unknown)."""
    if isinstance(node, _BOOLEAN):
        return pl.Boolean()
    if isinstance(node, _INTEGER):
        return pl.Int64()
    if isinstance(node, _DATE):
        return pl.Date()
    if isinstance(node, t.Fact):
        return _FACT_DTYPES[FACTS[node.name].type] if node.name in FACTS else None
    if isinstance(node, t.If):
        return value_dtype(node.then) or value_dtype(node.otherwise)
    if isinstance(node, t.FactOr):
        return _FACT_DTYPES[FACTS[node.name].type] if node.name in FACTS else None
    if isinstance(node, t.Fallback):
        return value_dtype(node.node) or value_dtype(node.bound)
    return None


def _key(node: t.Node) -> tuple[t.Node, tuple[str, ...]]:
    # Const(1) == Const(True) in Python, so the key also holds the constants' types.
    return node, tuple(type(n.value).__name__ for n in node.walk() if isinstance(n, t.Const))


def _reads_facts(node: t.Node) -> bool:
    return any(isinstance(n, (t.Fact, t.FactOr)) for n in node.walk())


class PolarsCompiler:
    """Turns nodes into expressions over a frame whose columns are the facts, for one as_of."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self._memo: dict[tuple[t.Node, tuple[str, ...]], pl.Expr] = {}
        self._temps: list[tuple[str, pl.Expr, int]] = []  # (name, expression, stage)
        self._stage: dict[str, int] = {}
        self._bound: dict[bytes, pl.Expr] = {}  # serialised expression -> its temporary column
        self._shared: set[tuple[t.Node, tuple[str, ...]]] = set()
        self._list_tests: dict[str, list[tuple[str, ListTests]]] = {}  # list column -> answer columns
        self._dispatch: dict[type[t.Node], Callable[[Any], pl.Expr]] = {
            t.Fact: lambda n: pl.col(n.name),
            t.Compare: self._compare,
            t.Add: lambda n: self.compile(n.left) + self.compile(n.right),
            t.Sub: lambda n: self.compile(n.left) - self.compile(n.right),
            t.Mul: lambda n: self.compile(n.left) * self.compile(n.right),
            t.CeilDiv: self._ceil_div,
            t.DaysBetween: lambda n: (self.compile(n.end) - self.compile(n.start)).dt.total_days(),
            t.AddDays: self._add_days,
            t.AddYears: self._add_years,
            t.AgeOn: self._age_on,
            t.Earliest: lambda n: self._extreme(n, earliest=True),
            t.Latest: lambda n: self._extreme(n, earliest=False),
            t.NextBusinessDay: self._next_business_day,
            t.IsIn: self._is_in,
            t.ListHasAny: self._list_has_any,
            t.ListOnly: self._list_only,
            t.All: lambda n: pl.all_horizontal(*map(self.compile, n.items)) if n.items else pl.lit(True),
            t.Any: lambda n: pl.any_horizontal(*map(self.compile, n.items)) if n.items else pl.lit(False),
            t.Not: lambda n: ~self.compile(n.item),
            t.Unless: lambda n: self.compile(n.rule) & ~self.compile(n.exception),
            t.If: self._if,
            t.FactOr: lambda n: pl.col(n.name).fill_null(literal(n.default)),
            t.Fallback: self._fallback,
        }

    # ---- the public surface ---------------------------------------------------------------

    def constant(self, node: t.Node) -> Any:
        """The value of a node that reads no fact (None when unknown or outside the calendar)."""
        if isinstance(node, t.Param):
            return resolve(node.name, self.as_of)
        try:
            return evaluate_node(node, {}, self.as_of)[0]
        except (OverflowError, ValueError, ZeroDivisionError):
            return None

    def share(self, roots: list[t.Node]) -> None:
        """Bind every subtree that reads facts and occurs more than once under `roots` (a sentence
        type test, a release date used by many pathways), so that it is computed once a batch."""
        seen: set[tuple[t.Node, tuple[str, ...]]] = set()
        for root in roots:
            for node in root.walk():
                if isinstance(node, (t.Fact, t.Const, t.Param)) or not _reads_facts(node):
                    continue
                key = _key(node)
                with contextlib.suppress(TypeError):  # an unhashable Const: not shared
                    if key in seen:
                        self._shared.add(key)
                    seen.add(key)

    def compile(self, node: t.Node) -> pl.Expr:
        key = _key(node)
        try:
            return self._memo[key]
        except (KeyError, TypeError):  # TypeError: a Const holding something unhashable
            pass
        if not _reads_facts(node):
            value = self.constant(node)
            dtype = value_dtype(node)
            expr = pl.lit(None, dtype=dtype) if value is None and dtype is not None else literal(value)
        else:
            handler = self._dispatch.get(type(node))
            if handler is None:
                raise TypeError(f"no Polars compilation for {type(node).__name__}")
            expr = handler(node)
            with contextlib.suppress(TypeError):
                if key in self._shared:
                    expr = self._bind(expr)
        with contextlib.suppress(TypeError):  # an unhashable Const is simply not remembered
            self._memo[key] = expr
        return expr

    def apply(self, frame: Frame, named: list[pl.Expr]) -> Frame:
        """Add the named expressions to a frame, computing the bound temporaries first."""
        if isinstance(frame, pl.DataFrame):
            # Always through the lazy engine: Polars 2.1's eager path mis-sizes some expressions
            # over all-null columns (a comparison with a cast `when` comes out one row long).
            return self.apply(frame.lazy(), named).collect()
        stages: dict[int, list[pl.Expr]] = {}
        answers = {name: group.expression() for groups in self._list_tests.values() for name, group in groups}
        for name, expr, stage in self._temps:
            stages.setdefault(stage, []).append(answers.get(name, expr).alias(name))
        for stage in sorted(stages):
            frame = frame.with_columns(stages[stage])
        # An expression that reads no column is one value; `first()` makes Polars broadcast it.
        frame = frame.with_columns(expr if expr.meta.root_names() else expr.first() for expr in named)
        return frame.drop([name for name, _, _ in self._temps]) if self._temps else frame

    # ---- bindings ---------------------------------------------------------------------------

    def _bind(self, expr: pl.Expr, key: bytes | None = None) -> pl.Expr:
        """A column holding `expr`, computed in a stage after every temporary it reads; `key`
        names what it computes where serialising it would cost too much (a calendar table)."""
        if expr.meta.is_column() or expr.meta.is_literal() or not expr.meta.root_names():
            return expr  # a column already, or a constant: nothing to share
        # Different nodes often compile to the same expression (a date rebound after `in_calendar`,
        # the same day count under two pathways): one column for all of them.
        if key is None:
            key = hashlib.sha256(expr.meta.serialize()).digest()
        if key in self._bound:
            return self._bound[key]
        needs = [self._stage[name] for name in expr.meta.root_names() if name in self._stage]
        stage = max(needs) + 1 if needs else 0
        name = f"{_TEMP}{len(self._temps)}"
        self._temps.append((name, expr, stage))
        self._stage[name] = stage
        self._bound[key] = pl.col(name)
        return self._bound[key]

    def _days(self, node: t.Node) -> pl.Expr:
        """A date node's day number (Int64), bound."""
        return self._bind(self.compile(node).cast(pl.Int32).cast(pl.Int64))

    def _look_up(self, table_name: str, table: pl.Series, node: t.Node) -> pl.Expr:
        """A calendar table's value for a date node's day, bound under a key naming the table and
        the bound slot column: serialising the table to key it would cost milliseconds and
        megabytes per binding, and every expression built on the column stays cheap to key."""
        index = self._bind(cal.table_index(self.compile(node)))  # several look-ups share it
        return self._bind(cal.look_up(table, index), key=f"{table_name}[{index.meta.output_name()}]".encode())

    def _parts(self, node: t.Node) -> tuple[pl.Expr, pl.Expr]:
        """(year, month * 100 + day) of a date node, Int16: constants in Python, columns by look-up."""
        if not _reads_facts(node):
            value = self.constant(node)
            if value is None:
                return pl.lit(None, dtype=pl.Int16), pl.lit(None, dtype=pl.Int16)
            return pl.lit(value.year, dtype=pl.Int16), pl.lit(value.month * 100 + value.day, dtype=pl.Int16)
        years, month_days = cal.parts_tables()
        return self._look_up("year", years, node), self._look_up("month_day", month_days, node)

    # ---- node kinds ---------------------------------------------------------------------------

    def _compare(self, node: t.Compare) -> pl.Expr:
        left, right = self.compile(node.left), self.compile(node.right)
        ops = {"==": left.__eq__, "!=": left.__ne__, "<": left.__lt__, "<=": left.__le__,
               ">": left.__gt__, ">=": left.__ge__}
        return ops[node.op](right)  # type: ignore[no-any-return]

    def _ceil_div(self, node: t.CeilDiv) -> pl.Expr:
        # -(-a // b) is Python's ceiling division; Polars `//` floors like Python's. A zero divisor
        # gives null here (the scalar evaluator raises): see the report on division by zero.
        a, b = self.compile(node.left), self._bind(self.compile(node.right))
        return pl.when(b == 0).then(pl.lit(None, dtype=pl.Int64)).otherwise(-((-a) // b))

    def _add_days(self, node: t.AddDays) -> pl.Expr:
        if not _reads_facts(node.days):
            days = self.constant(node.days)
            if days is None:
                return pl.lit(None, dtype=pl.Date)
            if abs(days) <= cal.SMALL_DAY_COUNT:  # 32-bit arithmetic: no widening, no narrowing
                day = self.compile(node.date).to_physical()
                return cal.in_calendar(self._bind(day + pl.lit(int(days), dtype=pl.Int32)))
        total = self._bind(self._days(node.date) + self.compile(node.days).cast(pl.Int64))
        return cal.in_calendar(total)

    def _add_years(self, node: t.AddYears) -> pl.Expr:
        # Same month and day n years on; 29 February becomes 28 February in a non-leap year.
        if not _reads_facts(node.years):
            years = self.constant(node.years)
            if years is None or abs(years) > 9999:  # unknown, or past the calendar from any date
                return pl.lit(None, dtype=pl.Date)
            table = cal.add_years_shift_table(int(years))
            shift = self._look_up(f"add_years({int(years)})", table, node.date)
            return (self.compile(node.date).to_physical() + shift).cast(pl.Date)
        # A count of years per person: 1 January of the target year, plus the day's place in the
        # year, plus one from March on in a leap year (29 February -> 28 February otherwise);
        # table look-ups rather than the civil-calendar formula's 64-bit divisions.
        year, month_day = self._parts(node.date)
        target = self._bind(year.cast(pl.Int64) + self.compile(node.years).cast(pl.Int64))
        slot = pl.when(target.is_between(1, 9999)).then(target).cast(pl.UInt32, wrap_numerical=True)
        first_days, leap_years, days_before = cal.year_tables()
        in_year = cal.look_up(days_before, month_day.cast(pl.UInt32))
        leap_day = (cal.look_up(leap_years, slot) & (month_day >= 229)).cast(pl.Int32)
        return (cal.look_up(first_days, slot) + in_year + leap_day).cast(pl.Date)

    def _age_on(self, node: t.AgeOn) -> pl.Expr:
        # Largest n with add_years(birth, n) <= on: compare (month, day) with the anniversary,
        # which for a 29 February birth is 28 February in a non-leap year.
        # In 16 bits (years 1-9999), widened once at the end.
        birth_year, birth_md = self._parts(node.birth)
        on_year, on_md = self._parts(node.on)
        birth_md = birth_md - ((birth_md == 229) & ~cal.is_leap(on_year)).cast(pl.Int16)
        return (on_year - birth_year - (on_md < birth_md).cast(pl.Int16)).cast(pl.Int64)

    def _extreme(self, node: t.Earliest | t.Latest, *, earliest: bool) -> pl.Expr:
        # A chain of when/then on bound items, not min/max_horizontal: those skip nulls element by
        # element and cost three times as much (measured); the null test in front makes the
        # whole unknown when any item is.
        items = [self._bind(self.compile(item)) for item in node.items]
        any_null = pl.any_horizontal(*(item.is_null() for item in items))
        best = items[0]
        for position, item in enumerate(items[1:], start=2):
            better = item < best if earliest else item > best
            best = pl.when(better).then(item).otherwise(best)
            if position < len(items):  # read twice by the next step: bound, or it doubles
                best = self._bind(best)
        return pl.when(any_null).then(pl.lit(None, dtype=pl.Date)).otherwise(best)

    def _next_business_day(self, node: t.NextBusinessDay) -> pl.Expr:
        # Off a weekend by day-number arithmetic (1970-01-01 was a Thursday), then a weekday
        # closure to the business day it rolls to, by one hash look-up in the calendar's table.
        day = self._days(node.date)
        weekday = (day + 3) % 7  # Monday 0 ... Sunday 6
        moved = self._bind(day + pl.when(weekday == 5).then(2).when(weekday == 6).then(1).otherwise(0))
        closures, rolled = business_days.holiday_roll_table(node.calendar)
        old = pl.Series([(d - cal.EPOCH).days for d in closures], dtype=pl.Int64)
        new = pl.Series([(d - cal.EPOCH).days for d in rolled], dtype=pl.Int64)
        first = (dt.date(business_days.TABLE_FIRST_YEAR, 1, 1) - cal.EPOCH).days
        last = (dt.date(business_days.TABLE_LAST_YEAR, 12, 31) - cal.EPOCH).days
        answer = moved.replace(old, new)
        return pl.when(day.is_between(first, last)).then(answer).cast(pl.Int32).cast(pl.Date)

    def _is_in(self, node: t.IsIn) -> pl.Expr:
        value = self._bind(self.compile(node.value))
        unknown = pl.lit(None, dtype=pl.Boolean)
        return pl.when(value.is_null()).then(unknown).otherwise(value.is_in(list(node.options)))

    def _options(self, node: t.ListHasAny | t.ListOnly) -> tuple[str, ...] | None:
        options = self.constant(node.options)
        return None if options is None else tuple(options)

    def _list_has_any(self, node: t.ListHasAny) -> pl.Expr:
        items = self._bind(self.compile(node.items))
        options = self._options(node)
        if options is None:
            return pl.lit(None, dtype=pl.Boolean)
        if node.match == "section":
            return self._section_test(items, ListTest(options, "section"))
        if not options:
            hit = pl.lit(False)
        elif len(options) == 1:
            hit = items.list.contains(options[0])
        else:
            hit = items.list.eval(pl.element().is_in(list(options))).list.any()
        return pl.when(items.is_null()).then(pl.lit(None, dtype=pl.Boolean)).otherwise(hit)

    def _list_only(self, node: t.ListOnly) -> pl.Expr:
        items = self._bind(self.compile(node.items))
        options = self._options(node)
        if options is None:
            return pl.lit(None, dtype=pl.Boolean)
        every = items.list.eval(pl.element().is_in(list(options))).list.all()
        unknown = pl.lit(None, dtype=pl.Boolean)
        return pl.when(items.is_null()).then(unknown).otherwise((items.list.len() > 0) & every)

    def _section_test(self, items: pl.Expr, test: ListTest) -> pl.Expr:
        """A bit of the answers column of the list's section tests (`clemency.screening.list_tests`),
        computed in the stage after the list's. Exact tests stay with Polars' own list kernels,
        which are cheaper for one test; a section test by regular expression in `list.eval` cost
        three times as much (measured: 0.05 CPU-s a million people saved by the rulebook's three)."""
        source = items.meta.output_name()
        groups = self._list_tests.setdefault(source, [])
        for name, group in groups:
            bit = group.bit(test)
            if bit is not None:
                return bit_is_set(pl.col(name), bit)
        name = f"{_TEMP}{len(self._temps)}"
        group = ListTests(source, [test])
        groups.append((name, group))
        stage = self._stage[source] + 1 if source in self._stage else 0
        self._temps.append((name, pl.lit(None), stage))  # the expression is built in `apply`
        self._stage[name] = stage
        return bit_is_set(pl.col(name), 0)

    def _if(self, node: t.If) -> pl.Expr:
        cond = self._bind(self.compile(node.cond))
        dtype = value_dtype(node)
        null = pl.lit(None, dtype=dtype) if dtype is not None else pl.lit(None)
        then, otherwise = self.compile(node.then), self.compile(node.otherwise)
        # An unknown condition: the branches' common value (agreeing branches), or for a bound
        # tree's unknown="latest" the later of the two; null when either branch is.
        if node.unknown == "latest":
            then, otherwise = self._bind(then), self._bind(otherwise)
            unknown = pl.when(then.is_null() | otherwise.is_null()).then(null).when(then >= otherwise).then(
                then).otherwise(otherwise)
        elif _never_known(node.then) or _never_known(node.otherwise):
            unknown = null  # a branch that is always unknown never agrees: no test needed
        else:
            unknown = pl.when(then == otherwise).then(then).otherwise(null)
        return pl.when(cond.is_null()).then(unknown).when(cond).then(then).otherwise(otherwise)

    def _fallback(self, node: t.Fallback) -> pl.Expr:
        value, bound = self.compile(node.node), self.compile(node.bound)
        if node.keep == "true":
            bound = pl.when(bound).then(pl.lit(True)).otherwise(pl.lit(None, dtype=pl.Boolean))
        return pl.coalesce(value, bound)


def _never_known(node: t.Node) -> bool:
    return isinstance(node, t.Const) and node.value is None
