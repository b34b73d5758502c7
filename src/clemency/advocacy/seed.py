"""The shared directory's seed: one entry per office that decides or advises, from the rulebook's
jurisdiction profiles (`clemency.law.states.profiles`, itself read from
`clemency/law/data/state_clemency_authority.csv` with its provenance).

The seed is applied by data migrations (0002 first). A later correction of the seed data is a new
data migration that calls `apply_seed` with a higher `SEED_VERSION`: it updates the seed-owned facts
(name, kind, role, citations, source) with a history row for each change, and fills contact details
only where the team has left them empty, so nothing a team learned is overwritten.

Only what the profiles say is seeded. Board names are given where a rulebook module names the board
(California, Oklahoma, Tennessee, Texas, Wisconsin); elsewhere the entry says the official name is not
yet recorded. Role and citations carry `citations_verified` from the profile's verified `decides` item
(the cited provision that says who decides and whether the board must recommend).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clemency.law.states.profiles import StateProfile, state_profiles

SEED_VERSION = 1
SEED_ACTOR = "seed data update"

# The law's jurisdiction ids and the case record's: the federal system is "us" there, "federal" here.
_CASE_JURISDICTION = {"us": "federal", "us-dc": "dc"}

PRESIDENT = "U.S. Const. art. II, sec. 2, cl. 1"
PARDON_ATTORNEY_SOURCE = (
    "U.S. Department of Justice, Office of the Pardon Attorney: 'About the Office' and 'Public notice' "
    "pages (justice.gov/pardon), read 2026-12-03"
)

# Boards named in the rulebook's state modules, with the provision that gives them their role.
KNOWN_BOARDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "us-ca": (
        "California Board of Parole Hearings",
        ("Cal. Const. art. V, sec. 8(a)", "Cal. Penal Code 4800-4813"),
    ),
    "us-ok": ("Oklahoma Pardon and Parole Board", ("Okla. Const. art. VI, sec. 10",)),
    "us-tn": ("Tennessee Board of Parole", ("Tenn. Const. art. III, sec. 6", "Tenn. Code Ann. 40-27-101")),
    "us-tx": (
        "Texas Board of Pardons and Paroles",
        ("Tex. Const. art. IV, sec. 11", "37 Tex. Admin. Code 143.57"),
    ),
    "us-wi": (
        "Wisconsin Governor's Pardon Advisory Board",
        ("Wis. Const. art. V, sec. 6", "Wis. Exec. Order No. 30 (2019)"),
    ),
}
# The provision that gives the governor the power, where a rulebook module cites it.
GOVERNOR_POWER: dict[str, str] = {
    "us-ca": "Cal. Const. art. V, sec. 8(a)",
    "us-ok": "Okla. Const. art. VI, sec. 10",
    "us-tn": "Tenn. Const. art. III, sec. 6",
    "us-tx": "Tex. Const. art. IV, sec. 11",
    "us-wi": "Wis. Const. art. V, sec. 6",
}

# The profile's model of the pardon power, and what it makes of the governor and of the board.
GOVERNOR_ROLE = {
    "Independent Board": "no_formal_role",
    "Governor on Board": "decides",
    "Gatekeeper Board": "decides",
    "Mandatory Consultation with Board": "decides",
    "Permissive Consultation with Board": "decides",
    "No Statutory Advisory Process": "decides",
}
BOARD_ROLE = {
    "Independent Board": "decides",
    "Governor on Board": "decides",
    "Gatekeeper Board": "must_recommend",
    "Mandatory Consultation with Board": "recommends",
    "Permissive Consultation with Board": "recommends",
}

# Facts the seed owns (a seed update overwrites them) and details the team owns (filled only if empty).
SEED_OWNED = ("jurisdiction", "name", "kind", "role", "citations", "citations_verified", "source")
TEAM_OWNED = ("role_note", "email", "web_form_url", "website_url", "accepts", "notes")


@dataclass(frozen=True)
class SeedEntry:
    key: str
    jurisdiction: str
    name: str
    kind: str
    role: str
    citations: tuple[str, ...] = ()
    citations_verified: bool = False
    source: str = ""
    role_note: str = ""
    details: dict[str, str] = field(default_factory=dict)

    def seed_fields(self) -> dict[str, Any]:
        return {
            "jurisdiction": self.jurisdiction,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "citations": list(self.citations),
            "citations_verified": self.citations_verified,
            "source": self.source,
        }

    def team_fields(self) -> dict[str, str]:
        return {"role_note": self.role_note, **self.details}


def seed_entries() -> list[SeedEntry]:
    """Every seeded office, in a stable order."""
    entries: list[SeedEntry] = []
    for code, profile in sorted(state_profiles().items()):
        if code == "us":
            entries.extend(_federal(profile))
        elif code == "us-dc":
            continue  # D.C. Code offences are pardoned by the President: the federal entries serve.
        else:
            entries.extend(_state(code, profile))
    return entries


def _profile_note(profile: StateProfile) -> str:
    return " ".join(note.rstrip(".") + "." for note in profile.notes)


def _federal(profile: StateProfile) -> list[SeedEntry]:
    verified = "decides" in profile.verified  # the item that names who decides, read in its source
    return [
        SeedEntry(
            key="federal.president",
            jurisdiction="federal",
            name="The President of the United States",
            kind="chief_executive",
            role="decides",
            citations=(PRESIDENT, "28 C.F.R. 1.11"),
            citations_verified=verified,
            source=profile.source,
            role_note=(
                "Grants pardons, commutations, remissions and reprieves for federal offences, "
                "including D.C. Code offences."
            ),
        ),
        SeedEntry(
            key="federal.pardon_attorney",
            jurisdiction="federal",
            name="Office of the Pardon Attorney, U.S. Department of Justice",
            kind="pardon_attorney",
            role="recommends",
            citations=("28 C.F.R. part 1", "28 C.F.R. 1.11"),
            citations_verified=verified,
            source=f"{profile.source}; {PARDON_ATTORNEY_SOURCE}",
            role_note=(
                "Receives and investigates federal clemency petitions and prepares the Department of "
                "Justice's recommendation to the President. The rules are advisory only (28 C.F.R. 1.11)."
            ),
            details={
                "email": "USPardon.Attorney@usdoj.gov",
                "website_url": "https://www.justice.gov/pardon",
                "web_form_url": "https://www.justice.gov/pardon/webform/your-message-office-pardon-attorney",
                "accepts": (
                    "Petitions, supporting documents and letters of support, preferably by e-mail; "
                    "post is accepted but slower. Letters about a pending petition are added to its "
                    "case file. No visits or hand deliveries."
                ),
            },
        ),
    ]


def _state(code: str, profile: StateProfile) -> list[SeedEntry]:
    jurisdiction = _CASE_JURISDICTION.get(code, code)
    verified = "decides" in profile.verified  # the item that names who decides, read in its source
    power = GOVERNOR_POWER.get(code)
    note = _profile_note(profile)
    entries = [
        SeedEntry(
            key=f"{jurisdiction}.governor",
            jurisdiction=jurisdiction,
            name=f"Governor of {profile.name}",
            kind="chief_executive",
            role=GOVERNOR_ROLE.get(profile.model, "decides"),
            citations=(power,) if power else (),
            citations_verified=verified,
            source=profile.source,
            role_note=" ".join(part for part in (profile.decides + ".", note) if part),
        ),
        SeedEntry(
            key=f"{jurisdiction}.governor_counsel",
            jurisdiction=jurisdiction,
            name=f"Legal counsel to the Governor of {profile.name}",
            kind="executive_counsel",
            role="advises",
            source=profile.source,
            role_note="The governor's legal staff, who usually handle clemency matters for the governor.",
        ),
    ]
    board_role = BOARD_ROLE.get(profile.model)
    if board_role is not None:
        known = KNOWN_BOARDS.get(code)
        name = known[0] if known else f"{profile.name} pardon or parole board"
        entries.append(
            SeedEntry(
                key=f"{jurisdiction}.board",
                jurisdiction=jurisdiction,
                name=name,
                kind="board",
                role=board_role,
                citations=known[1] if known else (),
                citations_verified=verified and known is not None,
                source=profile.source,
                role_note=" ".join(
                    part
                    for part in (
                        profile.decides + ".",
                        "" if known else "The board's official name is not yet recorded.",
                        note,
                    )
                    if part
                ),
            )
        )
    return entries


def apply_seed(office_model: Any, change_model: Any, *, version: int = SEED_VERSION) -> dict[str, int]:
    """Create or update the seeded offices; return how many were created, updated and left alone.

    Takes the model classes so a data migration can pass its historical models.
    """
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for entry in seed_entries():
        office = office_model.objects.filter(seed_key=entry.key).first()
        if office is None:
            office = office_model(seed_key=entry.key, seed_version=version, team=None)
            for name, value in {**entry.seed_fields(), **entry.team_fields()}.items():
                setattr(office, name, value)
            office.save()
            change_model.objects.create(
                office=office,
                subject=entry.name,
                action="seeded",
                changes={},
                reason=f"Shared seed data, version {version}",
                actor_name=SEED_ACTOR,
            )
            counts["created"] += 1
            continue
        changes: dict[str, list[Any]] = {}
        for name, value in entry.seed_fields().items():
            if getattr(office, name) != value:
                changes[name] = [getattr(office, name), value]
                setattr(office, name, value)
        for name, value in entry.team_fields().items():
            if value and not getattr(office, name):
                changes[name] = ["", value]
                setattr(office, name, value)
        if changes or office.seed_version != version:
            office.seed_version = version
            office.save()
        if changes:
            change_model.objects.create(
                office=office,
                subject=entry.name,
                action="seed updated",
                changes=changes,
                reason=f"Shared seed data, version {version}",
                actor_name=SEED_ACTOR,
            )
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def ensure_seeded() -> None:
    """Apply the seed when the shared directory is missing (a database flushed after the migrations ran,
    as transactional tests do); otherwise do nothing."""
    from clemency.advocacy.models import DirectoryChange, Office

    if not Office.objects.filter(seed_key__isnull=False).exists():
        apply_seed(Office, DirectoryChange)
