"""Weekend and holiday moves for filing deadlines: the one function the builder calls.

A stand-in until the rulebook engine's holiday calendar (branch i14, the `holidays` package) lands:
`observed_holidays(year)` knows only the legal public holidays of 5 U.S.C. 6103(a) (Juneteenth
from 2021) with the federal "observed" shift of a Saturday holiday to Friday and a Sunday holiday to
Monday (5 U.S.C. 6103(b), Exec. Order 11582). State holidays are NOT modelled: a state that also
closes on, say, Texas Independence Day may move a deadline a day this module does not. Every
caller goes through `roll`, so swapping the calendar is a change here only.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

_ONE_DAY = dt.timedelta(days=1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday (Monday = 0) of a month; n = -1 is the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - _ONE_DAY
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: dt.date) -> dt.date:
    if day.weekday() == 5:
        return day - _ONE_DAY
    if day.weekday() == 6:
        return day + _ONE_DAY
    return day


@cache
def observed_holidays(year: int) -> frozenset[dt.date]:
    """Federal legal public holidays observed in `year` (5 U.S.C. 6103)."""
    fixed = [dt.date(year, 1, 1), dt.date(year, 7, 4), dt.date(year, 11, 11), dt.date(year, 12, 25)]
    if year >= 2021:
        fixed.append(dt.date(year, 6, 19))
    days = {_observed(day) for day in fixed}
    days.update(
        {
            _nth_weekday(year, 1, 0, 3),  # Birthday of Martin Luther King, Jr.
            _nth_weekday(year, 2, 0, 3),  # Washington's Birthday
            _nth_weekday(year, 5, 0, -1),  # Memorial Day
            _nth_weekday(year, 9, 0, 1),  # Labor Day
            _nth_weekday(year, 10, 0, 2),  # Columbus Day
            _nth_weekday(year, 11, 3, 4),  # Thanksgiving Day
        }
    )
    # New Year's Day of the next year falling on a Saturday is observed on 31 December.
    if dt.date(year + 1, 1, 1).weekday() == 5:
        days.add(dt.date(year, 12, 31))
    return frozenset(day for day in days if day.year == year)


def is_business_day(day: dt.date, jurisdiction: str) -> bool:
    """Not a Saturday, a Sunday or an observed holiday. `jurisdiction` is for the state calendars
    that are not modelled yet (see the module docstring)."""
    del jurisdiction  # federal holidays only, for now
    return day.weekday() < 5 and day not in observed_holidays(day.year)


def roll(day: dt.date | None, rule: str, jurisdiction: str) -> dt.date | None:
    """The day a deadline falls on under its rule: `next` or `previous` business day when `day` is
    a weekend or holiday, `none` for calendar days. None stays None (unknown)."""
    if day is None or rule == "none":
        return day
    step = _ONE_DAY if rule == "next" else -_ONE_DAY
    while not is_business_day(day, jurisdiction):
        day += step
    return day
