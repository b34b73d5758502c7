"""Demonstration petitions for the fictional demo cases (called by the cases app's demo seed).

Pathway ids follow the rulebook's naming; the rulebook may not hold every one of them yet.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from clemency.petitions import services
from clemency.petitions.decisions import record_decision
from clemency.petitions.models import DecisionOutcome, PetitionStatus

# (case key, pathway, title, deciding authority, [(status, days ago, note)])
DEMO_PETITIONS: list[tuple[str, str, str, str, list[tuple[str, int, str]]]] = [
    (
        "federal_drug_life",
        "us.commutation",
        "Petition for commutation of sentence",
        "The President (through the Office of the Pardon Attorney)",
        [
            (PetitionStatus.FILED, 240, "Mailed with 14 letters of support"),
            (PetitionStatus.UNDER_REVIEW, 150, "OPA acknowledged receipt and assigned an attorney"),
        ],
    ),
    (
        "federal_drug_life",
        "us.compassionate_release.unusually_long",
        "Motion for a sentence reduction under 18 U.S.C. 3582(c)(1)(A)",
        "Sentencing court",
        [],
    ),
    (
        "wisconsin_juvenile_life",
        # The rulebook's one Wisconsin pathway is the Governor's Pardon Advisory Board.
        "us-wi.pardon",
        "Application to the Governor's Pardon Advisory Board",
        "Governor of Wisconsin",
        [],
    ),
    (
        "federal_death",
        "us.death_clemency",
        "Petition for commutation of a death sentence",
        "The President (through the Office of the Pardon Attorney)",
        [(PetitionStatus.FILED, 5, "Filed within 30 days of the execution notice")],
    ),
    (
        "texas_death_dna",
        "us-tx.dna_testing",
        "Motion for post-conviction DNA testing",
        "Convicting court",
        [(PetitionStatus.FILED, 60, ""), (PetitionStatus.UNDER_REVIEW, 30, "State's response filed")],
    ),
    (
        "texas_death_dna",
        "us-tx.death_commutation",
        "Application for commutation of a death sentence",
        "Governor of Texas (on the Board of Pardons and Paroles' recommendation)",
        [],
    ),
    (
        "tennessee_juvenile_51",
        "us-tn.clemency",
        "Application for commutation",
        "Governor of Tennessee",
        [(PetitionStatus.FILED, 90, "Board of Parole notified")],
    ),
    (
        "oklahoma_death_clemency",
        "us-ok.clemency",
        "Application for clemency",
        "Governor of Oklahoma (on the Pardon and Parole Board's recommendation)",
        [(PetitionStatus.FILED, 45, ""), (PetitionStatus.UNDER_REVIEW, 20, "Clemency hearing scheduled")],
    ),
    (
        "federal_simple_possession",
        "us.marijuana_pardon",
        "Application for a certificate of pardon (simple possession of marijuana)",
        "Office of the Pardon Attorney",
        [
            (PetitionStatus.FILED, 120, ""),
            (PetitionStatus.UNDER_REVIEW, 100, ""),
            (PetitionStatus.GRANTED, 30, "Certificate issued"),
        ],
    ),
]


def seed(cases_by_key: dict[str, Any], actor: Any) -> int:
    """Create the demo petitions for the cases present; returns how many were made."""
    today = timezone.localdate()
    made = 0
    for key, pathway, title, authority, moves in DEMO_PETITIONS:
        case = cases_by_key.get(key)
        if case is None:
            continue
        petition = services.create_petition(
            case=case, actor=actor, pathway=pathway, title=title, deciding_authority=authority
        )
        for status, days_ago, note in moves:
            on = today - datetime.timedelta(days=days_ago)
            if status == PetitionStatus.GRANTED:
                # A grant is recorded as a decision, with its terms.
                record_decision(
                    petition, actor=actor, confirmed=True, outcome=DecisionOutcome.FULL_PARDON,
                    decided_on=on, decided_by=petition.deciding_office, conditions=note,
                )
                continue
            petition = services.move_petition(petition, status, actor=actor, note=note, on=on)
        made += 1
    return made
