"""Who decides clemency in each state, D.C. and the federal system: one profile per jurisdiction.

Source: `clemency/law/data/state_clemency_authority.csv` (see data/PROVENANCE.md): the Collateral
Consequences Resource Center's pardon-power models and the Death Penalty Information Center's
capital clemency categories. Only the columns listed in `verified` were checked against the
jurisdiction's constitution; everything else is as compiled and marked unverified.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clemency.law.facts import JURISDICTIONS

DATA = Path(__file__).resolve().parent.parent / "data" / "state_clemency_authority.csv"

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

# Columns checked against the constitutional text (paraphrased in the state's pathway module).
VERIFIED: dict[str, tuple[str, ...]] = {
    "us-ca": ("ccrc_note", "dpic_note"),  # Cal. Const. art. V, sec. 8(a)
    "us-ok": ("ccrc_model", "ccrc_note"),  # Okla. Const. art. VI, sec. 10
    "us-tx": ("ccrc_model", "ccrc_note"),  # Tex. Const. art. IV, sec. 11
    "us": ("ccrc_note",),  # U.S. Const. art. II, sec. 2; 28 C.F.R. 1.11
}
BOARD_MUST_RECOMMEND = {"Gatekeeper Board": True, "Independent Board": True, "Governor on Board": True}


@dataclass(frozen=True)
class StateProfile:
    jurisdiction: str  # "us-wi", or "us" for the federal system
    name: str
    model: str  # CCRC model
    group: str
    board_must_recommend: bool | None  # None when the model leaves it open
    capital_process: str | None
    notes: tuple[str, ...]
    verified: tuple[str, ...]
    source: str = "CCRC 50-state pardon comparison; DPIC clemency process by state (see data/PROVENANCE.md)"

    @property
    def decides(self) -> str:
        return {
            "Independent Board": "An independent board decides (the governor may have a role in some cases)",
            "Governor on Board": "The governor decides sitting on or with a board",
            "Gatekeeper Board": "The governor decides, but only on a board's favourable recommendation",
            "Mandatory Consultation with Board": "The governor decides after consulting a board",
            "Permissive Consultation with Board": "The governor decides and may consult a board",
            "No Statutory Advisory Process": "The chief executive decides; no statutory advisory process",
        }.get(self.model, self.model)


@cache
def state_profiles() -> dict[str, StateProfile]:
    profiles: dict[str, StateProfile] = {}
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["jurisdiction"]
            code = "us" if name == "Federal" else f"us-{NAMES[name]}"
            model = row["ccrc_model"]
            board = BOARD_MUST_RECOMMEND.get(model)
            if model in (
                "Mandatory Consultation with Board",
                "Permissive Consultation with Board",
                "No Statutory Advisory Process",
            ):
                board = False
            profiles[code] = StateProfile(
                jurisdiction=code,
                name=name,
                model=model,
                group=row["ccrc_group"],
                board_must_recommend=board,
                capital_process=row["dpic_capital_clemency_category"] or None,
                notes=tuple(note for note in (row["ccrc_note"], row["dpic_note"]) if note),
                verified=VERIFIED.get(code, ()),
            )
    missing = set(JURISDICTIONS) - set(profiles)
    if missing:
        raise ValueError(f"no clemency profile for {sorted(missing)}")
    return profiles


def get_profile(jurisdiction: str) -> StateProfile:
    try:
        return state_profiles()[jurisdiction]
    except KeyError:
        raise KeyError(f"no clemency profile for {jurisdiction!r}") from None
