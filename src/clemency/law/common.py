"""Building blocks shared by pathways: time served, in custody, sentence kinds.

Each returns a fresh node; the citations on the pathways say which law uses them.
"""

from __future__ import annotations

import datetime as dt

from clemency.law.tree import (
    AddDays,
    AddYears,
    AsOf,
    CeilDiv,
    Const,
    DaysBetween,
    Earliest,
    Fact,
    If,
    IsIn,
    Mul,
    Node,
    Param,
    all_of,
    gt,
    le,
    lt,
)

LIFE_SENTENCES = ("life", "life_without_parole")
CUSTODIAL_SENTENCES = ("term", "life", "life_without_parole", "death")


def credited_start() -> Node:
    """The date time served starts counting: custody start less prior custody (jail) credit."""
    return AddDays(Fact("custody_start_date"), Mul(Fact("jail_credit_days"), Const(-1)))


def served_days() -> Node:
    """Days served on the sentence as of the evaluation date, counting jail credit."""
    return DaysBetween(credited_start(), AsOf())


def date_years_served(years: Node, *, citation: str | None = None) -> Node:
    """The day on which `years` calendar years will have been served."""
    return AddYears(credited_start(), years, citation=citation)


def date_percent_served(percent: Node) -> Node:
    """The first day on which served_days * 100 >= percent * sentence_term_days."""
    return AddDays(credited_start(), CeilDiv(Mul(Fact("sentence_term_days"), percent), Const(100)))


def is_life_sentence() -> Node:
    return IsIn(Fact("sentence_type"), LIFE_SENTENCES)


def date_lesser_of_years_or_percent(years: Node, percent: Node) -> Node:
    """The earlier of `years` served or `percent` of the term served; life terms count years only."""
    return If(
        is_life_sentence(),
        date_years_served(years),
        Earliest((date_years_served(years), date_percent_served(percent))),
    )


def in_custody_now(*, citation: str | None = None) -> Node:
    """Serving a custodial sentence on the evaluation date: custody has begun and release has not."""
    return all_of(
        IsIn(Fact("sentence_type"), CUSTODIAL_SENTENCES),
        le(Fact("custody_start_date"), AsOf()),
        If(is_life_sentence(), Const(True), gt(Fact("release_date"), AsOf())),
        citation=citation,
    )


def federal_conviction() -> Node:
    return IsIn(Fact("court_system"), ("federal",))


def param(name: str) -> Param:
    return Param(name)


def date(text: str) -> Const:
    return Const(dt.date.fromisoformat(text))


def day_before_execution() -> Node:
    """The last day before the scheduled execution: no deadline may fall on or after it."""
    return AddDays(Fact("execution_date"), Const(-1))


def due_before_execution(rule_day: Node, *, citation: str | None = None) -> Node:
    """The earlier of the rule's day and the day before the execution (None when either is
    unknown): a petition "due" after the execution would be no deadline at all."""
    return Earliest((rule_day, day_before_execution()), citation=citation)


def unless_execution_passed(node: Node, *, citation: str | None = None) -> Node:
    """`node`, except None (NEEDS_REVIEW) when the execution date is before the evaluation date:
    the execution may have been stayed or reset, and nothing can be ELIGIBLE until the current
    date is recorded. None too when the execution date is unknown."""
    return If(lt(Fact("execution_date"), AsOf()), Const(None), node, citation=citation)
