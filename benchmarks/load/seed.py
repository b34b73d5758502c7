"""Bulk load data for `make load`: one team, N fictional people each with a case, and the load users.

Usage: python benchmarks/load/seed.py --cases 100000 --users 50 --out seed.json
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


def seed(cases: int, users: int) -> dict[str, object]:
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
        "search_terms": family_prefixes[:200],
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    result = seed(args.cases, args.users)
    args.out.write_text(json.dumps(result), encoding="utf-8")
    print(f"seeded {result['cases']} cases in {result['seconds']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
