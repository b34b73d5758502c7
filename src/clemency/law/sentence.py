"""Sentence arithmetic in whole days: time served, good conduct time, release, percentages, ages,
the USSG sentencing table and criminal history categories.

Figures that are estimates say so: the BOP computes release dates from its own records, and its
proration of good conduct time for the last partial year is approximated here.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clemency.law.tree import add_years, age_on

__all__ = [
    "GuidelineRange",
    "age_on",
    "criminal_history_category",
    "full_term_date",
    "FsaCreditEstimate",
    "fsa_time_credits_estimate",
    "good_conduct_time_days",
    "good_conduct_time_for_months",
    "guideline_range",
    "has_served_percent",
    "percent_served_floor",
    "projected_release",
    "term_days_from_months",
    "time_served_days",
]

DATA = Path(__file__).resolve().parent / "data"
GCT_DAYS_PER_YEAR = 54  # 18 U.S.C. 3624(b)(1) as amended by the First Step Act of 2018 sec. 102(b)
DAYS_PER_YEAR = 365
CHC_BOUNDS = ((13, "VI"), (10, "V"), (7, "IV"), (4, "III"), (2, "II"), (0, "I"))  # USSG ch. 5 pt. A


def credited_start(custody_start: dt.date, jail_credit_days: int) -> dt.date:
    """The day service of the sentence is treated as beginning: custody start less prior credit."""
    if jail_credit_days < 0:
        raise ValueError("jail_credit_days must be at least 0")
    return custody_start - dt.timedelta(days=jail_credit_days)


def time_served_days(custody_start: dt.date, as_of: dt.date, jail_credit_days: int = 0) -> int:
    """Days served on `as_of`, counting prior custody credit (18 U.S.C. 3585(b))."""
    return (as_of - credited_start(custody_start, jail_credit_days)).days


def term_days_from_months(start: dt.date, months: int) -> int:
    """Days in a term of `months` calendar months beginning on `start` (the BOP counts calendar months)."""
    year, month = divmod(start.month - 1 + months, 12)
    target_year = start.year + year
    target_month = month + 1
    day = start.day
    while True:
        try:
            end = dt.date(target_year, target_month, day)
            break
        except ValueError:
            day -= 1  # 31 January + 1 month -> 28 or 29 February
    return (end - start).days


def good_conduct_time_days(term_days: int, *, life: bool = False) -> int:
    """Most good conduct time a federal term can earn: an ESTIMATE of the BOP's figure.

    18 U.S.C. 3624(b)(1) (as amended by the First Step Act, applied by the BOP from 2019-07-19):
    up to 54 days for each year of the term imposed, for terms of more than one year other than
    life. Whole years of 365 days earn 54 days each; the final partial year is prorated as
    floor(54 * remaining_days / 365). The BOP's own proration (28 C.F.R. 523.20; Program Statement
    5880.28) can differ by a day or two; disallowed or forfeited credit is not modelled.
    """
    if term_days < 0:
        raise ValueError("term_days must be at least 0")
    if life or term_days <= DAYS_PER_YEAR:
        return 0
    years, remainder = divmod(term_days, DAYS_PER_YEAR)
    return years * GCT_DAYS_PER_YEAR + (GCT_DAYS_PER_YEAR * remainder) // DAYS_PER_YEAR


def good_conduct_time_for_months(term_months: int, *, life: bool = False) -> int:
    """Most good conduct time for a term imposed in months: an ESTIMATE of the BOP's figure.

    "More than 1 year" (18 U.S.C. 3624(b)(1)) is judged on the term imposed, not on the days it
    happens to span: a 12-month term earns nothing even when it runs through a leap year's 366
    days. Each whole year imposed earns 54 days and a final part-year its share by months, so
    there is no drift over long terms: 360 months earn 30 x 54 = 1,620 days (the day count of 360
    calendar months, 10,957 or 10,958 days, would wrongly add one).
    """
    if term_months < 0:
        raise ValueError("term_months must be at least 0")
    if life or term_months <= 12:
        return 0
    years, months = divmod(term_months, 12)
    return years * GCT_DAYS_PER_YEAR + (GCT_DAYS_PER_YEAR * months) // 12


@dataclass(frozen=True)
class FsaCreditEstimate:
    """First Step Act time credits, estimated, with the assumptions that produced them."""

    earned_days: int
    toward_early_release_days: int
    assumptions: tuple[str, ...]


FSA_EARLY_RELEASE_CAP_DAYS = 365


def fsa_time_credits_estimate(programming_days: int, *, low_risk: bool | None) -> FsaCreditEstimate:
    """An ESTIMATE of First Step Act time credits (18 U.S.C. 3632(d)(4)) for `programming_days` of
    successful participation in recidivism-reduction programming or productive activities: 10 days
    per 30 days, 15 for a minimum or low risk person over two consecutive assessments; at most 365
    days applied toward early transfer to supervised release (18 U.S.C. 3624(g)(3)), the rest toward
    prerelease custody. Not an eligibility finding: the excluded offenses of 3632(d)(4)(D) and the
    BOP's own accounting are not modelled. An unknown risk level is counted at the lower rate."""
    if programming_days < 0:
        raise ValueError("programming_days must be at least 0")
    per_30 = 15 if low_risk else 10
    earned = (programming_days // 30) * per_30
    assumptions = (
        f"{programming_days} days of successful programming, counted in whole 30-day periods",
        f"{per_30} days earned per 30 days"
        + (" (minimum or low risk on two consecutive assessments)" if low_risk else " (the base rate)"),
        "no offense excluded by 18 U.S.C. 3632(d)(4)(D); no credits lost for violations",
        f"at most {FSA_EARLY_RELEASE_CAP_DAYS} days applied toward early release to supervision "
        "(18 U.S.C. 3624(g)(3)); the rest toward prerelease custody",
    )
    return FsaCreditEstimate(earned, min(earned, FSA_EARLY_RELEASE_CAP_DAYS), assumptions)


def full_term_date(custody_start: dt.date, term_days: int, jail_credit_days: int = 0) -> dt.date:
    """The day the whole term would expire with no good conduct time."""
    return credited_start(custody_start, jail_credit_days) + dt.timedelta(days=term_days)


def projected_release(
    custody_start: dt.date,
    term_days: int,
    jail_credit_days: int = 0,
    *,
    term_months: int | None = None,
    fsa_credits: FsaCreditEstimate | None = None,
) -> dt.date:
    """ESTIMATED release: full term less the most good conduct time (3624(b)), judged on the term
    imposed in months when `term_months` is given, less FSA time credits toward early release when
    an estimate is given (its assumptions are the caller's to show); the BOP may release on the
    preceding weekday when this falls on a weekend or holiday (3624(a)), not applied here."""
    gct = (
        good_conduct_time_for_months(term_months)
        if term_months is not None
        else good_conduct_time_days(term_days)
    )
    early = fsa_credits.toward_early_release_days if fsa_credits is not None else 0
    return full_term_date(custody_start, term_days, jail_credit_days) - dt.timedelta(days=gct + early)


def has_served_percent(served_days: int, term_days: int, percent: int) -> bool:
    """served_days * 100 >= percent * term_days, in integers."""
    return served_days * 100 >= percent * term_days


def percent_served_floor(served_days: int, term_days: int) -> int:
    """Whole percent of the term served (rounded down); 100 once the term is served."""
    if term_days <= 0:
        raise ValueError("term_days must be positive")
    return min(100, max(0, served_days * 100 // term_days))


def date_of_age(birth: dt.date, years: int) -> dt.date:
    """The day a person reaches `years` of age (29 February birthdays: 28 February in common years)."""
    return add_years(birth, years)


def criminal_history_category(points: int) -> str:
    """USSG ch. 5 pt. A: I (0-1), II (2-3), III (4-6), IV (7-9), V (10-12), VI (13 or more)."""
    if points < 0:
        raise ValueError("criminal history points must be at least 0")
    for bound, category in CHC_BOUNDS:
        if points >= bound:
            return category
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class GuidelineRange:
    offense_level: int
    category: str
    min_months: int | None  # None when the range is life
    max_months: int | None  # None when the top is life
    life: bool
    zone: str

    @property
    def text(self) -> str:
        if self.min_months is None:
            return "life"
        return f"{self.min_months}-{'life' if self.max_months is None else self.max_months}"


@cache
def _table() -> dict[tuple[int, str], GuidelineRange]:
    table: dict[tuple[int, str], GuidelineRange] = {}
    with (DATA / "ussg_sentencing_table_5A.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            level = int(row["offense_level"])
            low = None if row["min_months"] == "LIFE" else int(row["min_months"])
            high = None if row["max_months"] in ("", "LIFE") else int(row["max_months"])
            table[(level, row["chc"])] = GuidelineRange(
                level, row["chc"], low, high, row["max_is_life"] == "True", row["zone"]
            )
    return table


def guideline_range(offense_level: int, category: str) -> GuidelineRange:
    """The Sentencing Table cell; levels below 1 count as 1 and above 43 as 43 (ch. 5 pt. A, n.2)."""
    level = min(43, max(1, offense_level))
    try:
        return _table()[(level, category)]
    except KeyError:
        raise ValueError(f"unknown criminal history category {category!r}") from None


def zone_for_minimum(min_months: int | None) -> str:
    """USSG 5C1.1 zones from the range minimum: A 0; B 1-9; C 10-12; D 15 or more (and life)."""
    if min_months is None or min_months >= 15:
        return "D"
    if min_months >= 10:
        return "C"
    return "A" if min_months == 0 else "B"


def age_on_date(birth: dt.date, on: dt.date) -> int:
    return age_on(birth, on)
