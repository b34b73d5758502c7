"""Bulk load data for `make load`: one team, N fictional people each with a case, petitions on some of
those cases (for the outcome pages), and the load users.

Usage: python benchmarks/load/seed.py --cases 100000 --petitions 20000 --users 50 --out seed.json
Run against an empty, migrated database (DATABASE_URL). Names are made of syllables: fictional people.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clemency.web.settings")

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vo",
    "shi",
    "dan",
    "el",
    "quo",
    "bri",
    "zar",
    "nel",
    "ost",
    "ur",
    "fay",
    "mon",
    "tis",
    "ga",
    "pel",
]
PASSWORD = "load-test-password-2026"  # noqa: S105 - a throwaway account on a throwaway database
BATCH = 5000


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


# (pathway, deciding authority) of the seeded petitions: the outcome pages group by both.
PETITION_KINDS = [
    ("us.commutation", "The President (through the Office of the Pardon Attorney)"),
    ("us.pardon", "The President (through the Office of the Pardon Attorney)"),
    ("us.compassionate_release.age", "Sentencing court"),
    ("us-wi.pardon", "Governor of Wisconsin"),
    ("us-pa.pardon", "Governor of Pennsylvania"),
    ("us-tx.death_commutation", "Governor of Texas"),
]


def seed_petitions(team: object, petitions: int, rng: random.Random) -> int:
    """Petitions spread over the statuses, filed and decided over the last five years."""
    import datetime

    from django.db import transaction

    from clemency.cases.models import Case
    from clemency.petitions.models import Petition, PetitionStatus

    case_ids = list(Case.objects.filter(team=team).values_list("pk", flat=True))
    statuses = list(PetitionStatus.values)
    today = datetime.date(2026, 12, 1)
    made = 0
    while made < petitions:
        size = min(BATCH, petitions - made)
        rows = []
        for _ in range(size):
            pathway, authority = rng.choice(PETITION_KINDS)
            status = rng.choice(statuses)
            filed = (
                None
                if status == PetitionStatus.DRAFT
                else today - datetime.timedelta(days=rng.randint(0, 1800))
            )
            decided = None
            if status in (PetitionStatus.GRANTED, PetitionStatus.DENIED) and filed is not None:
                decided = min(today, filed + datetime.timedelta(days=rng.randint(20, 700)))
            rows.append(
                Petition(
                    case_id=rng.choice(case_ids),
                    pathway=pathway,
                    title=f"Petition ({pathway})",
                    deciding_authority=authority,
                    status=status,
                    filed_on=filed,
                    decided_on=decided,
                )
            )
        with transaction.atomic():
            Petition.objects.bulk_create(rows)
        made += size
        print(f"seeded {made}/{petitions} petitions", file=sys.stderr)
    return made


def seed(cases: int, users: int, petitions: int = 20_000) -> dict[str, object]:
    import django

    django.setup()
    from django.db import transaction

    from clemency.accounts.models import Membership, Role, Team, User
    from clemency.cases.models import Case, CaseSource, CaseStatus, Priority
    from clemency.people.models import Person

    rng = random.Random(2026)  # noqa: S311 - reproducible fictional data, not secrets
    team = Team.objects.create(name="Load Test Clinic")
    usernames = []
    for index in range(users):
        user = User.objects.create_user(
            username=f"load-user-{index:02d}", password=PASSWORD, full_name=f"Load User {index:02d}"
        )
        Membership.objects.create(user=user, team=team, role=Role.STAFF)
        usernames.append(user.username)
    statuses = [CaseStatus.INTAKE, CaseStatus.SCREENING, CaseStatus.ACTIVE, CaseStatus.FILED]
    started = time.monotonic()
    made = 0
    while made < cases:
        size = min(BATCH, cases - made)
        with transaction.atomic():
            people = []
            for _ in range(size):
                given, family = _name(rng, 2), _name(rng, 3)
                people.append(
                    Person(
                        team=team,
                        given_name=given,
                        family_name=family,
                        search_names=f"{given} | {family} | {given} {family}".lower(),
                        facility="FCI Fictional",
                    )
                )
            people = Person.objects.bulk_create(people)
            Case.objects.bulk_create(
                [
                    Case(
                        team=team,
                        person=person,
                        title=f"Clemency for {person.given_name} {person.family_name}",
                        status=rng.choice(statuses),
                        source=CaseSource.LETTER,
                        priority=rng.choice(list(Priority.values)),
                    )
                    for person in people
                ]
            )
        made += size
        print(f"seeded {made}/{cases} cases", file=sys.stderr)
    petitions_made = seed_petitions(team, petitions, rng)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh statistics, as a production database has: bulk inserts leave the planner guessing.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    ids = list(Case.objects.filter(team=team).order_by("pk").values_list("pk", flat=True))
    family_prefixes = sorted(
        {p[:4] for p in Person.objects.filter(team=team).values_list("family_name", flat=True)[:2000]}
    )
    return {
        "team_id": team.pk,
        "usernames": usernames,
        "password": PASSWORD,
        "case_id_min": ids[0],
        "case_id_max": ids[-1],
        "cases": len(ids),
        "petitions": petitions_made,
        "search_terms": family_prefixes[:200],
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--petitions", type=int, default=20_000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    result = seed(args.cases, args.users, args.petitions)
    args.out.write_text(json.dumps(result), encoding="utf-8")
    print(f"seeded {result['cases']} cases in {result['seconds']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
