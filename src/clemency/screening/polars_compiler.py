"""Compile the rulebook's tree (`clemency.law.tree`) to Polars expressions.

One function per node kind. Null semantics are those of the scalar evaluator, stated in the tree
module's docstring; where Polars differs by default the compiler says so:

- Polars `&` and `|` are already Kleene; `all_horizontal` / `any_horizontal` too.
- `min_horizontal` / `max_horizontal` skip nulls, so Earliest / Latest null themselves out when any
  operand is null.
- `when/then` treats a null condition as false, so If tests for null first.
- `is_in` is guarded so that an unknown value stays unknown.
- Python dates stop at year 9999 (and 1); Polars dates do not, so a date outside 0001-9999 is null.
- Parameters are resolved once for the batch's as_of date; an unresolved one is a null literal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import polars as pl

from clemency.law import tree as t
from clemency.law.parameters import resolve

_MIN_DAY = (dt.date(1, 1, 1) - dt.date(1970, 1, 1)).days
_MAX_DAY = (dt.date(9999, 12, 31) - dt.date(1970, 1, 1)).days


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


class PolarsCompiler:
    """Turns nodes into expressions over a frame whose columns are the facts, for one as_of."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self._dispatch: dict[type[t.Node], Callable[[Any], pl.Expr]] = {
            t.Fact: lambda n: pl.col(n.name),
            t.Param: lambda n: literal(self.constant(n)),
            t.Const: lambda n: literal(n.value),
            t.AsOf: lambda n: literal(self.as_of),
            t.Compare: self._compare,
            t.Add: lambda n: self.compile(n.left) + self.compile(n.right),
            t.Sub: lambda n: self.compile(n.left) - self.compile(n.right),
            t.Mul: lambda n: self.compile(n.left) * self.compile(n.right),
            t.CeilDiv: self._ceil_div,
            t.DaysBetween: lambda n: (self.compile(n.end) - self.compile(n.start)).dt.total_days(),
            t.AddDays: self._add_days,
            t.AddYears: self._add_years,
            t.AgeOn: self._age_on,
            t.Earliest: lambda n: self._extreme(n, pl.min_horizontal),
            t.Latest: lambda n: self._extreme(n, pl.max_horizontal),
            t.IsIn: self._is_in,
            t.ListHasAny: self._list_has_any,
            t.ListOnly: self._list_only,
            t.All: lambda n: pl.all_horizontal(*map(self.compile, n.items)) if n.items else pl.lit(True),
            t.Any: lambda n: pl.any_horizontal(*map(self.compile, n.items)) if n.items else pl.lit(False),
            t.Not: lambda n: ~self.compile(n.item),
            t.Unless: lambda n: self.compile(n.rule) & ~self.compile(n.exception),
            t.If: self._if,
        }

    def constant(self, node: t.Node) -> Any:
        """The value of a Param or Const node for this as_of (None when no value is in force)."""
        if isinstance(node, t.Param):
            return resolve(node.name, self.as_of)
        if isinstance(node, t.Const):
            return node.value
        raise TypeError(f"expected a Param or Const, got {type(node).__name__}")

    def compile(self, node: t.Node) -> pl.Expr:
        handler = self._dispatch.get(type(node))
        if handler is None:
            raise TypeError(f"no Polars compilation for {type(node).__name__}")
        return handler(node)

    def _compare(self, node: t.Compare) -> pl.Expr:
        left, right = self.compile(node.left), self.compile(node.right)
        ops = {"==": left.__eq__, "!=": left.__ne__, "<": left.__lt__, "<=": left.__le__,
               ">": left.__gt__, ">=": left.__ge__}
        return ops[node.op](right)  # type: ignore[no-any-return]

    def _ceil_div(self, node: t.CeilDiv) -> pl.Expr:
        # -(-a // b) is Python's ceiling division; Polars `//` floors like Python's. A zero divisor
        # gives null here (the scalar evaluator would raise): see the report on division by zero.
        a, b = self.compile(node.left), self.compile(node.right)
        return pl.when(b == 0).then(None).otherwise(-((-a) // b))

    @staticmethod
    def _in_date_range(expr: pl.Expr) -> pl.Expr:
        days = expr.cast(pl.Int32, strict=False)
        return pl.when(days.is_between(_MIN_DAY, _MAX_DAY)).then(expr).otherwise(None)

    def _add_days(self, node: t.AddDays) -> pl.Expr:
        # Whole-day arithmetic on the physical day number, then back to a date.
        date = self.compile(node.date).cast(pl.Int64)
        days = date + self.compile(node.days).cast(pl.Int64)
        return pl.when(days.is_between(_MIN_DAY, _MAX_DAY)).then(days).otherwise(None).cast(pl.Int32).cast(
            pl.Date)

    def _add_years(self, node: t.AddYears) -> pl.Expr:
        # Same month and day n years on; 29 February becomes 28 February in a non-leap year.
        date = self.compile(node.date)
        year = date.dt.year().cast(pl.Int64) + self.compile(node.years).cast(pl.Int64)
        month, day = date.dt.month(), date.dt.day()
        leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
        day = pl.when((month == 2) & (day == 29) & ~leap).then(28).otherwise(day)
        safe_year = pl.when(year.is_between(1, 9999)).then(year).otherwise(None)
        return pl.date(safe_year.cast(pl.Int32), month, day)

    def _age_on(self, node: t.AgeOn) -> pl.Expr:
        # Largest n with add_years(birth, n) <= on: compare (month, day) with the anniversary,
        # which for a 29 February birth is 28 February in a non-leap year.
        birth, on = self.compile(node.birth), self.compile(node.on)
        on_year = on.dt.year().cast(pl.Int64)
        leap = ((on_year % 4 == 0) & (on_year % 100 != 0)) | (on_year % 400 == 0)
        b_month, b_day = birth.dt.month().cast(pl.Int64), birth.dt.day().cast(pl.Int64)
        b_day = pl.when((b_month == 2) & (b_day == 29) & ~leap).then(28).otherwise(b_day)
        on_md = on.dt.month().cast(pl.Int64) * 100 + on.dt.day().cast(pl.Int64)
        years = on_year - birth.dt.year().cast(pl.Int64)
        return years - (on_md < b_month * 100 + b_day).cast(pl.Int64)

    def _extreme(self, node: t.Earliest | t.Latest, fold: Callable[..., pl.Expr]) -> pl.Expr:
        items = [self.compile(item) for item in node.items]
        any_null = pl.any_horizontal(*(item.is_null() for item in items))
        return pl.when(any_null).then(None).otherwise(fold(*items))

    def _is_in(self, node: t.IsIn) -> pl.Expr:
        value = self.compile(node.value)
        return pl.when(value.is_null()).then(None).otherwise(
            value.is_in(list(node.options)))

    def _options(self, node: t.ListHasAny | t.ListOnly) -> tuple[str, ...] | None:
        options = self.constant(node.options)
        return None if options is None else tuple(options)

    def _list_has_any(self, node: t.ListHasAny) -> pl.Expr:
        items = self.compile(node.items)
        options = self._options(node)
        if options is None:
            return pl.lit(None, dtype=pl.Boolean)
        if not options:
            hit = pl.lit(False)
        else:
            match = pl.element().is_in(list(options))
            if node.match == "section":
                for option in options:
                    match = match | pl.element().str.starts_with(option + "(")
            hit = items.list.eval(match).list.any()
        return pl.when(items.is_null()).then(None).otherwise(hit)

    def _list_only(self, node: t.ListOnly) -> pl.Expr:
        items = self.compile(node.items)
        options = self._options(node)
        if options is None:
            return pl.lit(None, dtype=pl.Boolean)
        every = items.list.eval(pl.element().is_in(list(options))).list.all()
        return pl.when(items.is_null()).then(None).otherwise((items.list.len() > 0) & every)

    def _if(self, node: t.If) -> pl.Expr:
        cond = self.compile(node.cond)
        return (
            pl.when(cond.is_null()).then(None)
            .when(cond).then(self.compile(node.then))
            .otherwise(self.compile(node.otherwise))
        )
