"""Business days: moving a deadline off a weekend or a holiday, as a rule says to.

Some clemency rules move a day that falls on a weekend or holiday, e.g. 37 Tex. Admin. Code
143.57(b): an application due "not later than the twenty-first calendar day before the day the
execution is scheduled" is due "not later than the next business day" when that day "falls on a
weekend or state observed holiday". The holiday calendars come from the maintained `holidays`
package (no network; its data ships with it).

Which holidays a government office actually closes for is not always certain: a state's calendar
in `holidays` may list days on which its offices stay open (optional or skeleton-crew holidays).
So every move gives two days:

- `last_safe_day`: filing by this day is timely whichever way the doubtful days are read. Moving
  forward it skips only weekends and CERTAIN closures, the days on the federal government's
  calendar (5 U.S.C. 6103) that the state's calendar also lists (for the federal system: the
  federal government calendar itself); moving backward it skips every listed holiday. This is
  the day to act on.
- `latest_possible_day`: the other reading (forward over every listed holiday; backward over
  certain closures only). Differs from `last_safe_day` only when a doubtful holiday is in the
  way; shown so a lawyer can check, never relied on.

A jurisdiction is "US" (the federal calendar) or "US-XX" (a state, D.C. or territory by its postal
code). The function names here are stable: other modules (the state jurisdictions, the deadline
services) import them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import holidays

FEDERAL = "US"
# The years the rule tree's NextBusinessDay node covers, identically in every engine: a date
# outside them is unknown there (the batch engines hold these years' holidays as a table).
TABLE_FIRST_YEAR = 1950
TABLE_LAST_YEAR = 2149
Direction = Literal["forward", "backward"]
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class UnknownJurisdiction(ValueError):
    """A jurisdiction code the holiday calendars do not know."""


def _state_code(jurisdiction: str) -> str | None:
    """None for the federal calendar, else the subdivision code ("US-TX" -> "TX")."""
    code = jurisdiction.strip().upper()
    if code == FEDERAL:
        return None
    if code.startswith("US-") and code[3:] in holidays.US.subdivisions:
        return code[3:]
    raise UnknownJurisdiction(
        f"jurisdiction {jurisdiction!r}: expected 'US' or 'US-' and a state's postal code"
    )


@functools.lru_cache(maxsize=256)
def _calendars(jurisdiction: str, year: int) -> tuple[dict[dt.date, str], dict[dt.date, str]]:
    """(certain closures, every listed holiday) for one jurisdiction and year."""
    state = _state_code(jurisdiction)
    federal = holidays.country_holidays("US", years=year, categories=("government",))
    if state is None:
        certain = dict(federal.items())
        return certain, dict(certain)
    listed = dict(holidays.country_holidays("US", subdiv=state, years=year).items())
    certain = {day: listed[day] for day in federal if day in listed}
    return certain, listed


def holiday_calendar(
    jurisdiction: str, years: Iterable[int], *, certain_only: bool = True
) -> dict[dt.date, str]:
    """The holidays of `jurisdiction` in `years`, each with its name.

    certain_only=True gives only certain closures (see the module docstring); False gives every
    holiday the jurisdiction's calendar lists."""
    result: dict[dt.date, str] = {}
    for year in years:
        certain, listed = _calendars(jurisdiction, year)
        result.update(certain if certain_only else listed)
    return dict(sorted(result.items()))


def holiday_name(day: dt.date, jurisdiction: str, *, certain_only: bool = True) -> str | None:
    """The holiday's name when `day` is a holiday of `jurisdiction`, else None."""
    certain, listed = _calendars(jurisdiction, day.year)
    return (certain if certain_only else listed).get(day)


def closed_reason(day: dt.date, jurisdiction: str, *, certain_only: bool = True) -> str | None:
    """Why `day` is not a business day ("a Saturday", "Labor Day"), or None when it is one."""
    if day.weekday() >= 5:
        return f"a {_WEEKDAY_NAMES[day.weekday()]}"
    return holiday_name(day, jurisdiction, certain_only=certain_only)


def is_business_day(day: dt.date, jurisdiction: str, *, certain_only: bool = True) -> bool:
    """A weekday that is not a holiday of `jurisdiction`."""
    return closed_reason(day, jurisdiction, certain_only=certain_only) is None


def next_business_day(day: dt.date, jurisdiction: str, *, certain_only: bool = True) -> dt.date:
    """`day` itself when it is a business day, else the first business day after it."""
    while not is_business_day(day, jurisdiction, certain_only=certain_only):
        day += dt.timedelta(days=1)
    return day


def previous_business_day(day: dt.date, jurisdiction: str, *, certain_only: bool = True) -> dt.date:
    """`day` itself when it is a business day, else the last business day before it."""
    while not is_business_day(day, jurisdiction, certain_only=certain_only):
        day -= dt.timedelta(days=1)
    return day


def non_business_days(
    jurisdiction: str, start: dt.date, end: dt.date, *, certain_only: bool = True
) -> list[dt.date]:
    """Every holiday of `jurisdiction` from `start` to `end` inclusive (weekends not listed).

    For vectorised engines, which handle weekends themselves (Polars' `add_business_days`)."""
    calendar = holiday_calendar(jurisdiction, range(start.year, end.year + 1), certain_only=certain_only)
    return [day for day in calendar if start <= day <= end]


@dataclass(frozen=True)
class BusinessDayMove:
    """A rule's day moved off weekends and holidays, with the reasons, for a person to read."""

    rule_day: dt.date
    last_safe_day: dt.date
    latest_possible_day: dt.date
    jurisdiction: str
    direction: Direction
    reasons: tuple[str, ...] = field(default=())

    @property
    def moved(self) -> bool:
        return self.last_safe_day != self.rule_day

    def explanation(self) -> str:
        """One sentence: the rule's day, why it moved, the last safe day, and any doubt."""
        text = f"The rule's day is {self.rule_day.isoformat()}"
        if self.moved:
            text += f" ({'; '.join(self.reasons)}), so the last safe day is "
            text += self.last_safe_day.isoformat()
        else:
            text += ", a business day, and the last safe day"
        if self.latest_possible_day != self.last_safe_day:
            text += (
                f"; if every holiday on the {self.jurisdiction} calendar closes the office it could"
                f" be {self.latest_possible_day.isoformat()}, but do not rely on that"
            )
        return text + "."


def move_off_closed_day(day: dt.date, jurisdiction: str, direction: Direction = "forward") -> BusinessDayMove:
    """Move `day` to the next (forward) or previous (backward) business day, with reasons.

    Forward is what "not later than the next business day" rules do (37 Tex. Admin. Code
    143.57(b), (c)); backward is for rules that require filing before a closed day."""
    step = dt.timedelta(days=1 if direction == "forward" else -1)
    # Forward, the fewer closed days the earlier (safer) the day; backward, the more the safer.
    safe_certain_only = direction == "forward"
    reasons: list[str] = []
    safe = day
    while (reason := closed_reason(safe, jurisdiction, certain_only=safe_certain_only)) is not None:
        reasons.append(f"{safe.isoformat()} is {reason}")
        safe += step
    possible = day
    while not is_business_day(possible, jurisdiction, certain_only=not safe_certain_only):
        possible += step
    return BusinessDayMove(
        rule_day=day,
        last_safe_day=safe,
        latest_possible_day=possible,
        jurisdiction=jurisdiction.strip().upper(),
        direction=direction,
        reasons=tuple(reasons),
    )


def in_table_years(day: dt.date) -> bool:
    """Whether `day` is in the years the rule tree's NextBusinessDay node covers."""
    return TABLE_FIRST_YEAR <= day.year <= TABLE_LAST_YEAR


def roll_forward(day: dt.date, jurisdiction: str) -> dt.date | None:
    """The rule tree's NextBusinessDay: `next_business_day` over certain closures, or None for a
    day outside TABLE_FIRST_YEAR..TABLE_LAST_YEAR."""
    if not in_table_years(day):
        return None
    return next_business_day(day, jurisdiction)


@functools.lru_cache(maxsize=64)
def holiday_roll_table(jurisdiction: str) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...]]:
    """(certain closures on weekdays, the business day each rolls forward to), for the table years
    and the year after (a weekend at the end of the last year rolls into it). For the batch
    engines: a day moved off a weekend first, then looked up here, is `roll_forward`'s answer."""
    calendar = holiday_calendar(jurisdiction, range(TABLE_FIRST_YEAR, TABLE_LAST_YEAR + 2))
    closures = tuple(day for day in calendar if day.weekday() < 5)
    return closures, tuple(next_business_day(day, jurisdiction) for day in closures)
