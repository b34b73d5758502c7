"""The calendar tables give Python's own answers for every date from 0001-01-01 to 9999-12-31."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clemency.law.tree import add_years
from clemency.screening import calendar as cal

ANY_DATE = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
# Each end of the calendar, where a look-up must come out unknown rather than wrong.
EDGE_DATES = st.one_of(st.dates(dt.date(1, 1, 1), dt.date(3, 12, 31)),
                       st.dates(dt.date(9997, 1, 1), dt.date(9999, 12, 31)))


def slot(date: dt.date) -> int:
    return (date - dt.date(1, 1, 1)).days


def python_add_years(date: dt.date, years: int) -> dt.date | None:
    return add_years(date, years) if 1 <= date.year + years <= 9999 else None


@settings(max_examples=400, deadline=None)  # a new year count builds a table
@given(date=st.one_of(ANY_DATE, EDGE_DATES))
def test_the_parts_tables_give_each_days_year_month_and_day(date):
    years, month_days = cal.parts_tables()
    assert years[slot(date)] == date.year
    assert month_days[slot(date)] == date.month * 100 + date.day


@settings(max_examples=400, deadline=None)  # a new year count builds a table
@given(date=st.one_of(ANY_DATE, EDGE_DATES),
       years=st.one_of(st.integers(-120, 120), st.sampled_from([-9999, -5000, -400, 400, 5000, 9998, 9999])))
def test_the_shift_table_adds_years_as_the_rulebook_does(date, years):
    shift = cal.add_years_shift_table(years)[slot(date)]
    expected = python_add_years(date, years)
    assert (None if shift is None else date + dt.timedelta(days=shift)) == expected


@pytest.mark.parametrize(("date", "years", "expected"), [
    (dt.date(2024, 2, 29), 1, dt.date(2025, 2, 28)),
    (dt.date(2024, 2, 29), 4, dt.date(2028, 2, 29)),
    (dt.date(2000, 2, 29), 100, dt.date(2100, 2, 28)),
    (dt.date(2000, 2, 29), 400, dt.date(2400, 2, 29)),
    (dt.date(9999, 1, 1), 1, None),
    (dt.date(1, 12, 31), -1, None),
    (dt.date(2, 1, 1), -1, dt.date(1, 1, 1)),
])
def test_leap_days_and_the_ends_of_the_calendar(date, years, expected):
    shift = cal.add_years_shift_table(years)[slot(date)]
    assert (None if shift is None else date + dt.timedelta(days=shift)) == expected


@settings(max_examples=300, deadline=None)
@given(date=st.one_of(ANY_DATE, EDGE_DATES))
def test_the_year_tables_give_1_january_leap_years_and_the_days_before_a_date(date):
    first_days, leap_years, days_before = cal.year_tables()
    assert first_days[date.year] == (dt.date(date.year, 1, 1) - cal.EPOCH).days
    assert leap_years[date.year] == (date.year % 4 == 0 and (date.year % 100 != 0 or date.year % 400 == 0))
    common = dt.date(2001, date.month, min(date.day, 28) if date.month == 2 else date.day)
    assert days_before[date.month * 100 + date.day] == (common - dt.date(2001, 1, 1)).days


def test_a_year_count_past_the_calendar_is_refused():
    with pytest.raises(ValueError, match="years"):
        cal.add_years_shift_table(10_000)
    assert len(cal.parts_tables()[0]) == cal.CALENDAR_DAYS == slot(dt.date(9999, 12, 31)) + 1
