"""Sentence arithmetic against published figures."""

from __future__ import annotations

import datetime as dt

import pytest

from clemency.law import sentence as s

D = dt.date


@pytest.mark.parametrize(
    ("months", "gct"),
    [(120, 540), (24, 108), (36, 162), (60, 270)],  # 54 days per year imposed (3624(b)(1) as amended)
)
def test_good_conduct_time_for_whole_years(months: int, gct: int) -> None:
    term = s.term_days_from_months(D(2020, 1, 1), months)
    assert s.good_conduct_time_days(term) == gct


def test_good_conduct_time_needs_more_than_a_year_and_not_life() -> None:
    assert s.good_conduct_time_days(365) == 0  # one year exactly: no credit
    assert s.good_conduct_time_days(366) == 54  # "a year and a day": a full year's credit
    assert s.good_conduct_time_days(548) == 54 + (54 * 183) // 365  # 18 months: last year prorated
    assert s.good_conduct_time_days(10000, life=True) == 0


def test_ten_year_term_served_at_eighty_five_percent() -> None:
    """The familiar figure: with all good conduct time a federal prisoner serves about 85%."""
    start = D(2014, 1, 1)
    term = s.term_days_from_months(start, 120)
    assert term == 3652
    release = s.projected_release(start, term)
    assert release == D(2024, 1, 1) - dt.timedelta(days=540)
    served = s.time_served_days(start, release)
    assert s.percent_served_floor(served, term) == 85


def test_jail_credit_moves_the_dates() -> None:
    assert s.time_served_days(D(2020, 1, 1), D(2020, 1, 31), jail_credit_days=10) == 40
    assert s.full_term_date(D(2020, 1, 11), 365, jail_credit_days=10) == D(2020, 12, 31)


def test_percent_in_integers_at_the_boundary() -> None:
    assert s.has_served_percent(2250, 3000, 75)
    assert not s.has_served_percent(2249, 3000, 75)
    assert s.has_served_percent(3, 4, 75) and not s.has_served_percent(2, 3, 75)


def test_calendar_months() -> None:
    assert s.term_days_from_months(D(2024, 1, 31), 1) == 29  # to 29 February 2024
    assert s.term_days_from_months(D(2023, 1, 31), 1) == 28
    assert s.term_days_from_months(D(2020, 1, 1), 12) == 366


def test_age_on_leap_day_birthday() -> None:
    assert s.age_on(D(1960, 2, 29), D(2025, 2, 27)) == 64
    assert s.age_on(D(1960, 2, 29), D(2025, 2, 28)) == 65
    assert s.date_of_age(D(1960, 2, 29), 65) == D(2025, 2, 28)
    assert s.date_of_age(D(1960, 2, 29), 64) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("points", "category"),
    [
        (0, "I"),
        (1, "I"),
        (2, "II"),
        (3, "II"),
        (4, "III"),
        (6, "III"),
        (7, "IV"),
        (9, "IV"),
        (10, "V"),
        (12, "V"),
        (13, "VI"),
        (30, "VI"),
    ],
)
def test_criminal_history_category(points: int, category: str) -> None:
    assert s.criminal_history_category(points) == category


@pytest.mark.parametrize(
    ("level", "category", "text", "zone"),
    [
        (1, "I", "0-6", "A"),
        (8, "I", "0-6", "A"),
        (9, "I", "4-10", "B"),
        (12, "I", "10-16", "C"),
        (13, "I", "12-18", "C"),
        (14, "I", "15-21", "D"),
        (30, "III", "121-151", "D"),
        (32, "VI", "210-262", "D"),
        (37, "VI", "360-life", "D"),
        (42, "I", "360-life", "D"),
        (43, "I", "life", "D"),
        (0, "I", "0-6", "A"),
        (45, "VI", "life", "D"),
        (-3, "II", "0-6", "A"),
    ],
)
def test_published_sentencing_table_cells(level: int, category: str, text: str, zone: str) -> None:
    cell = s.guideline_range(level, category)
    assert (cell.text, cell.zone) == (text, zone)


def test_table_is_complete_and_zones_follow_5c1_1() -> None:
    cells = [
        s.guideline_range(level, cat) for level in range(1, 44) for cat in ("I", "II", "III", "IV", "V", "VI")
    ]
    assert len(cells) == 258
    for cell in cells:
        assert cell.zone == s.zone_for_minimum(cell.min_months), cell
        if cell.min_months is not None and cell.max_months is not None:
            assert cell.max_months > cell.min_months
    # ranges never fall as the offense level or the category rises
    for cat in ("I", "II", "III", "IV", "V", "VI"):
        lows = [s.guideline_range(level, cat).min_months for level in range(1, 44)]
        minimums = [10_000 if low is None else low for low in lows]
        assert minimums == sorted(minimums)


def test_unknown_category_is_refused() -> None:
    with pytest.raises(ValueError, match="VII"):
        s.guideline_range(10, "VII")
    with pytest.raises(ValueError):
        s.criminal_history_category(-1)


@pytest.mark.parametrize(("months", "gct"), [(360, 1620), (120, 540), (13, 54 + 54 // 12), (12, 0), (18, 81)])
def test_good_conduct_time_on_the_term_imposed_has_no_drift(months: int, gct: int) -> None:
    # 360 calendar months from 2020-01-01 span 10,958 days; judged by days they would earn 1,621.
    assert s.good_conduct_time_for_months(months) == gct
    assert s.good_conduct_time_days(s.term_days_from_months(D(2020, 1, 1), 360)) == 1621


def test_twelve_months_through_a_leap_year_is_not_more_than_a_year() -> None:
    assert s.term_days_from_months(D(2024, 1, 1), 12) == 366
    assert s.good_conduct_time_for_months(12) == 0


def test_projected_release_on_the_term_imposed_and_with_fsa_credits() -> None:
    start = D(2020, 1, 1)
    term = s.term_days_from_months(start, 360)
    assert s.projected_release(start, term, term_months=360) == D(2050, 1, 1) - dt.timedelta(days=1620)
    credits = s.fsa_time_credits_estimate(3000, low_risk=True)
    assert credits.earned_days == 100 * 15 and credits.toward_early_release_days == 365
    assert any("3624(g)(3)" in line for line in credits.assumptions)
    release = s.projected_release(start, term, term_months=360, fsa_credits=credits)
    assert release == D(2050, 1, 1) - dt.timedelta(days=1620 + 365)
    assert s.fsa_time_credits_estimate(59, low_risk=None).earned_days == 10  # one whole period, base rate
