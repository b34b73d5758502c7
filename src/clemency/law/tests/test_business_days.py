import datetime as dt

import pytest

from clemency.law.business_days import (
    UnknownJurisdiction,
    closed_reason,
    holiday_calendar,
    is_business_day,
    move_off_closed_day,
    next_business_day,
    non_business_days,
    previous_business_day,
)


def test_weekend_moves_forward_to_monday():
    # 2026-03-07 is a Saturday; Monday 2026-03-09 is no holiday in Texas.
    move = move_off_closed_day(dt.date(2026, 3, 7), "US-TX")
    assert move.last_safe_day == dt.date(2026, 3, 9)
    assert move.reasons == ("2026-03-07 is a Saturday", "2026-03-08 is a Sunday")
    assert "last safe day is 2026-03-09" in move.explanation()


def test_certain_holiday_after_weekend_moves_to_tuesday():
    # Labor Day 2026 is Monday 2026-09-07: a federal closure Texas also lists.
    move = move_off_closed_day(dt.date(2026, 9, 5), "US-TX")
    assert move.last_safe_day == dt.date(2026, 9, 8)
    assert move.latest_possible_day == dt.date(2026, 9, 8)
    assert "2026-09-07 is Labor Day" in move.reasons


def test_doubtful_state_holiday_is_not_relied_on():
    # Texas Independence Day (2026-03-02, a Monday) is on Texas's calendar but not a federal
    # closure: the safe day is that Monday, the possible day the Tuesday.
    move = move_off_closed_day(dt.date(2026, 2, 28), "US-TX")
    assert move.last_safe_day == dt.date(2026, 3, 2)
    assert move.latest_possible_day == dt.date(2026, 3, 3)
    assert "do not rely on that" in move.explanation()


def test_business_day_is_not_moved():
    move = move_off_closed_day(dt.date(2026, 3, 4), "US-TX")
    assert not move.moved
    assert move.last_safe_day == move.rule_day == move.latest_possible_day


def test_backward_move_is_safe_when_it_skips_more():
    # Backward from Texas Independence Day: safe skips it (to Friday 2026-02-27).
    move = move_off_closed_day(dt.date(2026, 3, 2), "US-TX", direction="backward")
    assert move.last_safe_day == dt.date(2026, 2, 27)
    assert move.latest_possible_day == dt.date(2026, 3, 2)


def test_federal_calendar_and_helpers():
    assert not is_business_day(dt.date(2026, 12, 25), "US")
    assert closed_reason(dt.date(2026, 12, 25), "US") == "Christmas Day"
    assert next_business_day(dt.date(2026, 12, 25), "US") == dt.date(2026, 12, 28)
    assert previous_business_day(dt.date(2026, 12, 27), "US") == dt.date(2026, 12, 24)
    assert dt.date(2026, 7, 3) in holiday_calendar("US", [2026])
    days = non_business_days("US", dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert days == [dt.date(2026, 1, 1), dt.date(2026, 1, 19)]


def test_unknown_jurisdiction_is_refused_by_name():
    with pytest.raises(UnknownJurisdiction, match="'Texas'"):
        is_business_day(dt.date(2026, 1, 2), "Texas")
