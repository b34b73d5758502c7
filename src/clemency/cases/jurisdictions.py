"""The jurisdictions a conviction can come from: federal, D.C., and the fifty states (`us-wi`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

STATES: dict[str, str] = {
    "al": "Alabama",
    "ak": "Alaska",
    "az": "Arizona",
    "ar": "Arkansas",
    "ca": "California",
    "co": "Colorado",
    "ct": "Connecticut",
    "de": "Delaware",
    "fl": "Florida",
    "ga": "Georgia",
    "hi": "Hawaii",
    "id": "Idaho",
    "il": "Illinois",
    "in": "Indiana",
    "ia": "Iowa",
    "ks": "Kansas",
    "ky": "Kentucky",
    "la": "Louisiana",
    "me": "Maine",
    "md": "Maryland",
    "ma": "Massachusetts",
    "mi": "Michigan",
    "mn": "Minnesota",
    "ms": "Mississippi",
    "mo": "Missouri",
    "mt": "Montana",
    "ne": "Nebraska",
    "nv": "Nevada",
    "nh": "New Hampshire",
    "nj": "New Jersey",
    "nm": "New Mexico",
    "ny": "New York",
    "nc": "North Carolina",
    "nd": "North Dakota",
    "oh": "Ohio",
    "ok": "Oklahoma",
    "or": "Oregon",
    "pa": "Pennsylvania",
    "ri": "Rhode Island",
    "sc": "South Carolina",
    "sd": "South Dakota",
    "tn": "Tennessee",
    "tx": "Texas",
    "ut": "Utah",
    "vt": "Vermont",
    "va": "Virginia",
    "wa": "Washington",
    "wv": "West Virginia",
    "wi": "Wisconsin",
    "wy": "Wyoming",
}

FEDERAL = "federal"
DC = "dc"

JURISDICTION_CHOICES: list[tuple[str, str]] = [
    (FEDERAL, "Federal"),
    (DC, "District of Columbia"),
    *sorted(((f"us-{code}", name) for code, name in STATES.items()), key=lambda item: item[1]),
]
JURISDICTION_CODES = frozenset(code for code, _ in JURISDICTION_CHOICES)
STATE_CODES = frozenset(f"us-{code}" for code in STATES)


UNKNOWN_JURISDICTION = (
    "%(value)r is not a known jurisdiction: use federal, dc, or a state code such as us-wi."
)


def validate_jurisdiction(value: str) -> None:
    if value not in JURISDICTION_CODES:
        raise ValidationError(UNKNOWN_JURISDICTION, code="unknown_jurisdiction", params={"value": value})


def validate_state(value: str) -> None:
    if value and value not in STATE_CODES and value != DC:
        raise ValidationError(
            "%(value)s is not a state code: use a code such as us-wi (or dc).",
            code="unknown_state",
            params={"value": repr(value)},
        )


def court_system(jurisdiction: str) -> str | None:
    """The rulebook's `court_system` fact for a jurisdiction code."""
    if jurisdiction == FEDERAL:
        return "federal"
    if jurisdiction == DC:
        return "dc_superior"
    if jurisdiction in STATE_CODES:
        return "state"
    return None
