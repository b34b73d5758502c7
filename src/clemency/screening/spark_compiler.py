"""Compile the rulebook's tree to PySpark columns, with the scalar evaluator's null semantics.

Spark SQL's AND / OR / NOT and comparisons are already three-valued. Everything else is written
so that the answer equals Polars's to the day: whole-day integer arithmetic only (no double
division, no interval types), `least` / `greatest` guarded because they skip nulls, `when` guarded
because a null condition falls through, and dates outside 0001-9999 made null rather than an error
(Spark 4 runs with ANSI mode on, where an out-of-range date raises).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pyspark.sql import Column
from pyspark.sql import functions as F  # noqa: N812 - the PySpark convention

from clemency.law import business_days
from clemency.law import tree as t
from clemency.law.parameters import resolve

_EPOCH = dt.date(1970, 1, 1)
_MIN_DAY = (dt.date(1, 1, 1) - _EPOCH).days
_MAX_DAY = (dt.date(9999, 12, 31) - _EPOCH).days


def literal(value: Any) -> Column:
    if value is None:
        return F.lit(None)
    if isinstance(value, bool):
        return F.lit(value)
    if isinstance(value, int):
        return F.lit(value).cast("bigint")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return F.lit(value)
    if isinstance(value, str):
        return F.lit(value)
    raise TypeError(f"cannot use {value!r} as a Spark literal")


def _null() -> Column:
    return F.lit(None)


def _floor_div(a: Column, b: Column) -> Column:
    """Python's a // b in exact integers: (x - pmod(x, y)) is a multiple of y, so the quotient is exact."""
    def positive(x: Column, y: Column) -> Column:
        return ((x - F.pmod(x, y)) / y).cast("bigint")

    return F.when(b > 0, positive(a, b)).when(b < 0, positive(-a, -b))


def _is_leap(year: Column) -> Column:
    return ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)


class SparkCompiler:
    """Turns nodes into Spark columns over a frame whose columns are the facts, for one as_of."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self._dispatch: dict[type[t.Node], Callable[[Any], Column]] = {
            t.Fact: lambda n: F.col(n.name),
            t.Param: lambda n: literal(self.constant(n)),
            t.Const: lambda n: literal(n.value),
            t.AsOf: lambda n: literal(self.as_of),
            t.Compare: self._compare,
            t.Add: lambda n: self.compile(n.left) + self.compile(n.right),
            t.Sub: lambda n: self.compile(n.left) - self.compile(n.right),
            t.Mul: lambda n: self.compile(n.left) * self.compile(n.right),
            t.CeilDiv: self._ceil_div,
            t.DaysBetween: lambda n: F.datediff(self.compile(n.end), self.compile(n.start)).cast("bigint"),
            t.AddDays: self._add_days,
            t.AddYears: self._add_years,
            t.AgeOn: self._age_on,
            t.Earliest: lambda n: self._extreme(n, F.least),
            t.Latest: lambda n: self._extreme(n, F.greatest),
            t.NextBusinessDay: self._next_business_day,
            t.IsIn: self._is_in,
            t.ListHasAny: self._list_has_any,
            t.ListOnly: self._list_only,
            t.All: lambda n: self._fold(n.items, True),
            t.Any: lambda n: self._fold(n.items, False),
            t.Not: lambda n: ~self.compile(n.item),
            t.Unless: lambda n: self.compile(n.rule) & ~self.compile(n.exception),
            t.If: self._if,
            t.FactOr: lambda n: F.coalesce(F.col(n.name), literal(n.default)),
            t.Fallback: self._fallback,
        }

    def constant(self, node: t.Node) -> Any:
        if isinstance(node, t.Param):
            return resolve(node.name, self.as_of)
        if isinstance(node, t.Const):
            return node.value
        raise TypeError(f"expected a Param or Const, got {type(node).__name__}")

    def compile(self, node: t.Node) -> Column:
        handler = self._dispatch.get(type(node))
        if handler is None:
            raise TypeError(f"no Spark compilation for {type(node).__name__}")
        return handler(node)

    def _compare(self, node: t.Compare) -> Column:
        left, right = self.compile(node.left), self.compile(node.right)
        ops = {"==": left.__eq__, "!=": left.__ne__, "<": left.__lt__, "<=": left.__le__,
               ">": left.__gt__, ">=": left.__ge__}
        return ops[node.op](right)  # type: ignore[no-any-return]

    def _fold(self, items: tuple[t.Node, ...], conjunction: bool) -> Column:
        if not items:
            return F.lit(conjunction)
        compiled = [self.compile(item) for item in items]
        out = compiled[0]
        for item in compiled[1:]:
            out = (out & item) if conjunction else (out | item)
        return out

    def _ceil_div(self, node: t.CeilDiv) -> Column:
        a, b = self.compile(node.left), self.compile(node.right)
        return -_floor_div(-a, b)  # null when b is 0, as in the Polars compiler

    def _from_day_number(self, days: Column) -> Column:
        in_range = days.between(_MIN_DAY, _MAX_DAY)
        return F.when(in_range, F.date_add(F.lit(_EPOCH), F.when(in_range, days).cast("int")))

    def _add_days(self, node: t.AddDays) -> Column:
        day_number = F.datediff(self.compile(node.date), F.lit(_EPOCH)).cast("bigint")
        return self._from_day_number(day_number + self.compile(node.days).cast("bigint"))

    def _add_years(self, node: t.AddYears) -> Column:
        date = self.compile(node.date)
        year = F.year(date).cast("bigint") + self.compile(node.years).cast("bigint")
        month, day = F.month(date), F.dayofmonth(date)
        day = F.when((month == 2) & (day == 29) & ~_is_leap(year), F.lit(28)).otherwise(day)
        safe_year = F.when(year.between(1, 9999), year)
        return F.make_date(safe_year.cast("int"), month, day)

    def _age_on(self, node: t.AgeOn) -> Column:
        birth, on = self.compile(node.birth), self.compile(node.on)
        on_year = F.year(on).cast("bigint")
        b_month, b_day = F.month(birth).cast("bigint"), F.dayofmonth(birth).cast("bigint")
        b_day = F.when((b_month == 2) & (b_day == 29) & ~_is_leap(on_year), F.lit(28)).otherwise(b_day)
        on_md = F.month(on).cast("bigint") * 100 + F.dayofmonth(on).cast("bigint")
        years = on_year - F.year(birth).cast("bigint")
        return years - (on_md < b_month * 100 + b_day).cast("bigint")

    def _extreme(self, node: t.Earliest | t.Latest, fold: Callable[..., Column]) -> Column:
        items = [self.compile(item) for item in node.items]
        if len(items) == 1:
            return items[0]
        any_null = items[0].isNull()
        for item in items[1:]:
            any_null = any_null | item.isNull()
        return F.when(~any_null, fold(*items))

    def _next_business_day(self, node: t.NextBusinessDay) -> Column:
        # As the Polars compiler: off a weekend by day numbers (1970-01-01 was a Thursday), then a
        # weekday closure to the business day it rolls to, through a literal map of the table.
        day = F.datediff(self.compile(node.date), F.lit(_EPOCH)).cast("bigint")
        weekday = F.pmod(day + 3, F.lit(7))  # Monday 0 ... Sunday 6
        moved = day + F.when(weekday == 5, 2).when(weekday == 6, 1).otherwise(0)
        closures, rolled = business_days.holiday_roll_table(node.calendar)
        pairs: list[Column] = []
        for old, new in zip(closures, rolled, strict=True):
            pairs += [F.lit((old - _EPOCH).days).cast("bigint"), F.lit((new - _EPOCH).days).cast("bigint")]
        answer = F.coalesce(F.try_element_at(F.create_map(*pairs), moved), moved)
        first = (dt.date(business_days.TABLE_FIRST_YEAR, 1, 1) - _EPOCH).days
        last = (dt.date(business_days.TABLE_LAST_YEAR, 12, 31) - _EPOCH).days
        return F.when(day.between(first, last), F.date_add(F.lit(_EPOCH), answer.cast("int")))

    def _is_in(self, node: t.IsIn) -> Column:
        value = self.compile(node.value)
        if not node.options:
            return F.when(value.isNotNull(), F.lit(False))
        return F.when(value.isNotNull(), value.isin(list(node.options)))

    def _options(self, node: t.ListHasAny | t.ListOnly) -> tuple[str, ...] | None:
        options = self.constant(node.options)
        return None if options is None else tuple(options)

    def _list_has_any(self, node: t.ListHasAny) -> Column:
        items = self.compile(node.items)
        options = self._options(node)
        if options is None:
            return _null().cast("boolean")
        if not options:
            return F.when(items.isNotNull(), F.lit(False))

        def matches(element: Column) -> Column:
            hit = element.isin(list(options))
            if node.match == "section":
                for option in options:
                    hit = hit | element.startswith(option + "(")
            return hit

        return F.when(items.isNotNull(), F.exists(items, matches))

    def _list_only(self, node: t.ListOnly) -> Column:
        items = self.compile(node.items)
        options = self._options(node)
        if options is None:
            return _null().cast("boolean")
        every = F.forall(items, lambda element: element.isin(list(options))) if options else F.lit(False)
        return F.when(items.isNotNull(), (F.size(items) > 0) & every)

    def _if(self, node: t.If) -> Column:
        cond = self.compile(node.cond)
        then, otherwise = self.compile(node.then), self.compile(node.otherwise)
        # An unknown condition: the branches' common value, or (unknown="latest") the later one.
        if node.unknown == "latest":
            unknown = F.when(then.isNotNull() & otherwise.isNotNull(), F.greatest(then, otherwise))
        else:
            unknown = F.when(then == otherwise, then)
        return F.when(cond.isNull(), unknown).when(cond, then).otherwise(otherwise)

    def _fallback(self, node: t.Fallback) -> Column:
        value, bound = self.compile(node.node), self.compile(node.bound)
        if node.keep == "true":
            bound = F.when(bound, F.lit(True))
        return F.coalesce(value, bound)
