"""The Jinja environment every template renders in: filters, and how unknown facts print."""

from __future__ import annotations

from datetime import date
from typing import Any

import jinja2

from clemency.assembly.context import long_date

#: What a missing fact (None) prints as: visible, so nobody files a guess.
UNKNOWN = "[unknown]"


def _finalize(value: Any) -> Any:
    return UNKNOWN if value is None else value


def longdate(value: Any) -> Any:
    """March 3, 2024; a redacted or free-text value passes through unchanged."""
    return long_date(value) if isinstance(value, date) else value


def money(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return f"${value:,.0f}" if float(value).is_integer() else f"${value:,.2f}"


def term(days: Any) -> Any:
    """A term in days as years/months/days, as a court would say it (a month is not a fixed length,
    so whole years of 365 days and the rest in days: no silent rounding)."""
    if isinstance(days, bool) or not isinstance(days, int):
        return days
    years, rest = divmod(days, 365)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} day{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def jinja_env() -> jinja2.Environment:
    # StrictUndefined: a variable missing from the context is a template bug, never a blank.
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, finalize=_finalize, autoescape=True)  # noqa: S701
    env.filters.update(longdate=longdate, money=money, term=term)
    return env
