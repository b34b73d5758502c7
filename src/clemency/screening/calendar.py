"""Whole-day calendar arithmetic for Polars, exact and fast on tens of millions of dates.

Every date Python's `datetime.date` can hold (0001-01-01 to 9999-12-31: 3,652,059 days) has a
slot in look-up tables indexed by its day number minus that of 0001-01-01: its year, its month
and day, and the date n years later. A date's parts, or the date n years on, are then one gather
by an unsigned index, which is several times faster than Polars' `dt.year()`, `dt.offset_by()`
or `pl.date()`, and than the modulo arithmetic of a 400-year table (measured: the modulo and the
64-bit index conversion were a fifth of the screen's evaluation). A day outside the calendar
falls past the tables' end and looks up null: a date past year 9999 or before year 1 is unknown.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import polars as pl

EPOCH = dt.date(1970, 1, 1)
MIN_DAY = (dt.date(1, 1, 1) - EPOCH).days
MAX_DAY = (dt.date(9999, 12, 31) - EPOCH).days
CALENDAR_DAYS = MAX_DAY - MIN_DAY + 1
CYCLE_DAYS = 146097  # days in 400 Gregorian years
# A date plus or minus at most this many days can be worked out in 32 bits: a day inside the
# calendar (|day| < 2^22) cannot overflow, and one outside it that wraps lands far outside again.
SMALL_DAY_COUNT = 1 << 28


def np_days_from_civil(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Day numbers (since 1970-01-01) of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    return era * CYCLE_DAYS + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468  # type: ignore[no-any-return]


@functools.cache
def _first_cycle() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(year, month, day) of the first 146,097 days of the calendar, from 0001-01-01. The Gregorian
    calendar repeats every 400 years, so every table is one cycle's worth, repeated."""
    days = np.arange(MIN_DAY, MIN_DAY + CYCLE_DAYS).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    return year, months.astype(np.int64) % 12 + 1, (days - months).astype(np.int64) + 1


def _repeated(cycle: np.ndarray) -> np.ndarray:
    """One cycle's values repeated over the whole calendar."""
    return np.tile(cycle, -(-CALENDAR_DAYS // CYCLE_DAYS))[:CALENDAR_DAYS]


def _first_day_of(year: int) -> int:
    """The table slot of 1 January of a year (1 to 10000; 10000 is one past the end)."""
    return (dt.date(year, 1, 1) - EPOCH).days - MIN_DAY if year <= 9999 else CALENDAR_DAYS


@functools.cache
def parts_tables() -> tuple[pl.Series, pl.Series]:
    """(year, month * 100 + day) of every day of the calendar, Int16."""
    year, month, day = _first_cycle()
    cycles = np.repeat(np.arange(-(-CALENDAR_DAYS // CYCLE_DAYS), dtype=np.int16) * 400, CYCLE_DAYS)
    years = _repeated(year.astype(np.int16)) + cycles[:CALENDAR_DAYS]
    return pl.Series(years), pl.Series(_repeated((month * 100 + day).astype(np.int16)))


@functools.lru_cache(maxsize=16)  # 7.3 MB each; the rulebook uses about ten year counts
def add_years_shift_table(years: int) -> pl.Series:
    """add_years(d, years) - d for every day d of the calendar (29 February -> 28 February in a
    common year); null where the result leaves the calendar. Int16 while that fits (|years| < 89)."""
    if abs(years) > 9999:
        raise ValueError(f"years: {years} leaves the calendar from every date")
    year, month, day = _first_cycle()
    # add_years(d + 400 years, n) = add_years(d, n) + 400 years: the shift repeats every cycle.
    target = year + years
    leap = (target % 4 == 0) & ((target % 100 != 0) | (target % 400 == 0))
    day = np.where((month == 2) & (day == 29) & ~leap, 28, day)
    shift = np_days_from_civil(target, month, day) - np.arange(MIN_DAY, MIN_DAY + CYCLE_DAYS)
    table = pl.Series(_repeated(shift.astype(np.int16 if abs(years) < 89 else np.int32)))
    # The dates whose result leaves the calendar: the last `years` years, or the first.
    outside = (range(_first_day_of(10000 - years), CALENDAR_DAYS) if years > 0
               else range(0, _first_day_of(1 - years)))
    return table.scatter(np.arange(outside.start, outside.stop), None) if len(outside) else table


@functools.cache
def year_tables() -> tuple[pl.Series, pl.Series, pl.Series]:
    """By year (1 to 9999; slot 0 unused): the day number of 1 January, and whether it is a leap
    year; by month * 100 + day: the days before it in a common year (29 February counts as 28)."""
    years = np.arange(10000, dtype=np.int64)
    first_days = np_days_from_civil(years, np.ones_like(years), np.ones_like(years)).astype(np.int32)
    leap = (years % 4 == 0) & ((years % 100 != 0) | (years % 400 == 0))
    days_before = np.full(1232, -1, dtype=np.int16)
    common_year = np.datetime64("2001-01-01") + np.arange(365).astype("timedelta64[D]")
    months = common_year.astype("datetime64[M]")
    month_day = (months.astype(np.int64) % 12 + 1) * 100 + (common_year - months).astype(np.int64) + 1
    days_before[month_day] = np.arange(365)
    days_before[229] = days_before[228]
    return (pl.Series(first_days).scatter(0, None), pl.Series(leap).scatter(0, None),
            pl.Series(days_before).scatter(np.flatnonzero(days_before < 0), None))


def table_index(date: pl.Expr) -> pl.Expr:
    """A Date's slot in the tables: its day number minus that of 0001-01-01, unsigned.

    The subtraction wraps on 32 bits and the cast reinterprets, so a day before year 1 becomes a
    huge unsigned number, and one far past year 9999 may wrap to one: every day outside the
    calendar is past the tables' end, and `look_up` makes it null."""
    offset = date.to_physical() - pl.lit(MIN_DAY, dtype=pl.Int32)
    return offset.cast(pl.UInt32, wrap_numerical=True)


def look_up(table: pl.Series, index: pl.Expr) -> pl.Expr:
    """The table's value at each index; null for a null index or one past the end."""
    return pl.lit(table).gather(index, null_on_oob=True)


def is_leap(year: pl.Expr) -> pl.Expr:
    """Whether a year (1 to 9999) is a leap year: a look-up for a column, which costs less than the
    three remainders (measured), and the rule itself for a constant."""
    if year.meta.is_literal():
        return ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return look_up(year_tables()[1], year.cast(pl.UInt32, wrap_numerical=True))


def in_calendar(days: pl.Expr) -> pl.Expr:
    """A date from an integer day number, or null outside 0001-01-01..9999-12-31 (Python's range).

    The narrowing cast wraps rather than checks: every value left is inside the calendar, and a
    checked cast costs a validity pass (measured: the largest single kernel of the evaluation)."""
    inside = pl.when(days.is_between(MIN_DAY, MAX_DAY)).then(days)
    return inside.cast(pl.Int32, wrap_numerical=True).cast(pl.Date)
