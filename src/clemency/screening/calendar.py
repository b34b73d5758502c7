"""Whole-day calendar arithmetic for Polars, exact and fast on tens of millions of dates.

The Gregorian calendar repeats every 400 years (146,097 days), so a date's year, month and day,
and the date n years later, are table look-ups by the date's position in a 400-year window that
starts on 2000-03-01. This is exact for every date Python's `datetime.date` can hold, and several
times faster than Polars' `dt.year()`, `dt.offset_by()` or `pl.date()` on ten million rows.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import polars as pl

EPOCH = dt.date(1970, 1, 1)
MIN_DAY = (dt.date(1, 1, 1) - EPOCH).days
MAX_DAY = (dt.date(9999, 12, 31) - EPOCH).days
CYCLE_DAYS = 146097
WINDOW_START = (dt.date(2000, 3, 1) - EPOCH).days


def np_days_from_civil(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Day numbers (since 1970-01-01) of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    return era * CYCLE_DAYS + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468  # type: ignore[no-any-return]


@functools.cache
def _window() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(year - 2000, month, day) of each day of the window."""
    days = np.arange(WINDOW_START, WINDOW_START + CYCLE_DAYS).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (days - months).astype(np.int64) + 1
    return year - 2000, month, day


@functools.cache
def parts_tables() -> tuple[pl.Series, pl.Series]:
    """(year - 2000, month * 100 + day) for each position in the window."""
    year, month, day = _window()
    return pl.Series(year.astype(np.int16)), pl.Series((month * 100 + day).astype(np.int16))


@functools.cache
def shift_table(years: int) -> pl.Series:
    """add_years(d, years) - d for each day d of the window (29 February -> 28 February)."""
    offset, month, day = _window()
    target = offset + 2000 + years
    leap = (target % 4 == 0) & ((target % 100 != 0) | (target % 400 == 0))
    day = np.where((month == 2) & (day == 29) & ~leap, 28, day)
    shifted = np_days_from_civil(target, month, day)
    return pl.Series((shifted - np.arange(WINDOW_START, WINDOW_START + CYCLE_DAYS)).astype(np.int32))


def position_in_window(days: pl.Expr) -> pl.Expr:
    """Where a day number falls in the 400-year window (0 .. 146096)."""
    return (days - WINDOW_START) % CYCLE_DAYS  # Polars' % on integers is Python's (non-negative here)


def cycles_from_window(days: pl.Expr) -> pl.Expr:
    return (days - WINDOW_START) // CYCLE_DAYS


def days_from_civil(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Day number of (year, month, day) in Polars integer arithmetic (the rare non-constant case)."""
    y = year - (month <= 2).cast(pl.Int64)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    return era * CYCLE_DAYS + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def is_leap(year: pl.Expr) -> pl.Expr:
    return ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)


def in_calendar(days: pl.Expr) -> pl.Expr:
    """A date from a day number, or null outside 0001-01-01..9999-12-31 (Python's date range)."""
    return pl.when(days.is_between(MIN_DAY, MAX_DAY)).then(days).cast(pl.Int32).cast(pl.Date)
