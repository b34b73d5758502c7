"""Who decides clemency in each state, D.C. and the federal system: one profile per jurisdiction.

The profiles come from the same cited data files as the pathways (`clemency/law/jurisdictions/data`,
one per jurisdiction), so a profile and its pathways can never disagree. `verified` names the items
(`decides`, `board`, `death_penalty`) that were read in a primary source; the CCRC model and the
DPIC capital category the files were first compiled from are kept in `data/state_clemency_authority.csv`
(see data/PROVENANCE.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from clemency.law.facts import JURISDICTIONS
from clemency.law.jurisdictions.schema import ROLES, Jurisdiction, all_jurisdictions

NAMES = {
    "Alabama": "al",
    "Alaska": "ak",
    "Arizona": "az",
    "Arkansas": "ar",
    "California": "ca",
    "Colorado": "co",
    "Connecticut": "ct",
    "Delaware": "de",
    "Florida": "fl",
    "Georgia": "ga",
    "Hawaii": "hi",
    "Idaho": "id",
    "Illinois": "il",
    "Indiana": "in",
    "Iowa": "ia",
    "Kansas": "ks",
    "Kentucky": "ky",
    "Louisiana": "la",
    "Maine": "me",
    "Maryland": "md",
    "Massachusetts": "ma",
    "Michigan": "mi",
    "Minnesota": "mn",
    "Mississippi": "ms",
    "Missouri": "mo",
    "Montana": "mt",
    "Nebraska": "ne",
    "Nevada": "nv",
    "New Hampshire": "nh",
    "New Jersey": "nj",
    "New Mexico": "nm",
    "New York": "ny",
    "North Carolina": "nc",
    "North Dakota": "nd",
    "Ohio": "oh",
    "Oklahoma": "ok",
    "Oregon": "or",
    "Pennsylvania": "pa",
    "Rhode Island": "ri",
    "South Carolina": "sc",
    "South Dakota": "sd",
    "Tennessee": "tn",
    "Texas": "tx",
    "Utah": "ut",
    "Vermont": "vt",
    "Virginia": "va",
    "Washington": "wa",
    "West Virginia": "wv",
    "Wisconsin": "wi",
    "Wyoming": "wy",
    "District of Columbia": "dc",
}

# The board's role, as the data states it -> whether the board must agree before clemency is granted.
BOARD_MUST_RECOMMEND = {
    "binding_recommendation": True,
    "board_decides": True,
    "advisory": False,
    "none": False,
}


@dataclass(frozen=True)
class StateProfile:
    jurisdiction: str  # "us-wi", or "us" for the federal system
    name: str
    model: str  # CCRC model
    board_role: str
    board_name: str
    board_must_recommend: bool | None
    capital_process: str | None
    notes: tuple[str, ...]
    verified: tuple[str, ...]
    citations: tuple[str, ...] = ()
    source: str = (
        "clemency/law/jurisdictions/data (each item cited; CCRC and DPIC classifications, data/PROVENANCE.md)"
    )
    decides: str = ""

    @property
    def board_role_words(self) -> str:
        return ROLES[self.board_role]


def _profile(data: Jurisdiction) -> StateProfile:
    capital = None
    if data.death_penalty is not None:
        spec = data.pathways["capital_clemency"]
        steps = " ".join(item.text for item in spec.process)
        capital = data.death_penalty.text + (f" {steps}" if steps else "")
        if spec.handwritten:
            capital += f" (pathway {spec.handwritten})"
    verified = tuple(
        name
        for name, item in (
            ("decides", data.decides),
            ("board", data.board),
            ("death_penalty", data.death_penalty),
        )
        if item is not None and item.verified
    )
    notes = tuple(item.text for item in data.practice)
    citations = tuple(
        dict.fromkeys(item.citation for item in (data.decides, data.board, data.death_penalty) if item)
    )
    return StateProfile(
        jurisdiction=data.code,
        name=data.name,
        model=data.ccrc_model,
        board_role=data.board_role,
        board_name=data.board_name,
        board_must_recommend=BOARD_MUST_RECOMMEND[data.board_role],
        capital_process=capital,
        notes=notes,
        verified=verified,
        citations=citations,
        decides=data.decides.text,
    )


@cache
def state_profiles() -> dict[str, StateProfile]:
    profiles = {code: _profile(data) for code, data in all_jurisdictions().items()}
    missing = set(JURISDICTIONS) - set(profiles)
    if missing:
        raise ValueError(f"no clemency profile for {sorted(missing)}")
    return profiles


def get_profile(jurisdiction: str) -> StateProfile:
    try:
        return state_profiles()[jurisdiction]
    except KeyError:
        raise KeyError(f"no clemency profile for {jurisdiction!r}") from None
