"""Demonstration data: a demo team and fictional people whose situations mirror the field's public cases.

Every name, number and docket here is invented. The situations follow the kinds of case that define
clemency work: a federal drug life sentence from 1996, a Wisconsin juvenile life sentence resting on a
disputed confession, a federal death sentence with an execution date, a Texas death sentence with a
DNA testing request pending, a Tennessee juvenile sentence of 51 years, an Oklahoma death sentence
facing a clemency hearing, and a federal simple-possession conviction.

`seed()` is idempotent: it creates what is missing and returns the cases by a stable key. Other apps
add their own demo records (petitions, deadlines, documents) through an optional hook,
`clemency.<app>.demo.seed(cases_by_key, actor)`, called once for newly created cases.
"""

from __future__ import annotations

import datetime
import importlib
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from clemency.accounts.models import Membership, Role, Team, User

TEAM_NAME = "Demo Clemency Clinic"
DEMO_PASSWORD = "clemency-demo-2026"  # noqa: S105 - the published demo sign-in, printed by `make run`
DEMO_USERS = [
    ("demo-attorney", "Dana Attorney (demo)", Role.ATTORNEY),
    ("demo-student", "Sam Student (demo)", Role.STUDENT),
    ("demo-admin", "Alex Admin (demo)", Role.ADMIN),
    # Staff need no authenticator app, so a first look at the demo is one sign-in away.
    ("demo-staff", "Casey Staff (demo)", Role.STAFF),
]
HOOK_APPS = ["petitions", "deadlines", "documents"]
HOOK_APPS.append("advocacy")  # outreach and decisions, after the petitions and deadlines they use
HOOK_APPS += ["campaigns"]  # after documents and deadlines: it needs consent documents and dates
HOOK_APPS.append("dna")  # DNA testing records of its own California death-row case

D = datetime.date


@dataclass
class DemoCase:
    key: str
    person: dict[str, Any]
    case: dict[str, Any]
    conviction: dict[str, Any]
    sentence: dict[str, Any]
    charges: list[dict[str, Any]]
    parties: list[dict[str, Any]] = field(default_factory=list)
    notes: list[tuple[str, bool]] = field(default_factory=list)
    status_path: list[str] = field(default_factory=list)


DEMO_CASES: list[DemoCase] = [
    DemoCase(
        key="federal_drug_life",
        person={
            "given_name": "Delmar",
            "family_name": "Oakhurst",
            "aliases": ["Del"],
            "birth_date": D(1961, 9, 14),
            "bop_register_number": "20417-018",
            "facility": "FCI Pine Hollow (fictional)",
            "custody_status": "in_custody",
            "legal_mail_address": (
                "Delmar Oakhurst #20417-018\nFCI Pine Hollow\nP.O. Box 1000\nExample, ST 00000"
            ),
            "phone_instructions": "Request a legal call through the unit counselor; 48 hours' notice.",
        },
        case={
            "title": "Oakhurst: commutation of a 1996 drug life sentence",
            "source": "letter",
            "priority": 2,
            "summary": "Life without release for a conspiracy to distribute cocaine base, sentenced under "
            "the mandatory Guidelines in 1996. Nearly thirty years served; clean conduct record.",
        },
        conviction={
            "jurisdiction": "federal",
            "court": "U.S. District Court (fictional district)",
            "docket_number": "3:96-cr-00211",
            "offense_date": D(1995, 6, 12),
            "conviction_date": D(1996, 2, 20),
            "sentencing_date": D(1996, 5, 30),
        },
        sentence={
            "sentence_type": "life",
            "custody_start_date": D(1995, 6, 12),
            "jail_credit_days": 0,
            "offense_level": 38,
            "criminal_history_points": 3,
        },
        charges=[
            {
                "statute": "21 U.S.C. 846",
                "description": "Conspiracy to distribute cocaine base",
                "offense_category": "drug",
                "offense_class": "Class A felony",
                "counts": 1,
            },
            {
                "statute": "21 U.S.C. 841(b)(1)(A)",
                "description": "Distribution of cocaine base",
                "offense_category": "drug",
                "offense_class": "Class A felony",
                "counts": 2,
            },
        ],
        parties=[{"name": "Lonnie Pratchard", "role": "co_defendant", "notes": "Cooperated; released 2004"}],
        notes=[
            ("First letter received; asks about clemency and the First Step Act.", False),
            ("Strong candidate: disparity with today's penalties is the centre of the petition.", True),
        ],
        status_path=["screening", "accepted", "active"],
    ),
    DemoCase(
        key="wisconsin_juvenile_life",
        person={
            "given_name": "Tobias",
            "family_name": "Wrenfield",
            "birth_date": D(1990, 3, 8),
            "state_doc_number": "00583321",
            "state_doc_jurisdiction": "us-wi",
            "facility": "Example Correctional Institution (fictional)",
            "custody_status": "in_custody",
        },
        case={
            "title": "Wrenfield: pardon and innocence review",
            "source": "referral",
            "priority": 2,
            "summary": "Convicted at sixteen on the strength of his own confession, given without a parent "
            "present after hours of questioning; the confession is disputed.",
        },
        conviction={
            "jurisdiction": "us-wi",
            "court": "Circuit Court (fictional county)",
            "docket_number": "06CF381",
            "offense_date": D(2006, 10, 31),
            "conviction_date": D(2007, 4, 25),
            "sentencing_date": D(2007, 8, 2),
        },
        sentence={"sentence_type": "life", "custody_start_date": D(2006, 11, 15), "jail_credit_days": 260},
        charges=[
            {
                "statute": "Wis. Stat. 940.01(1)(a)",
                "description": "First-degree intentional homicide",
                "offense_category": "violent",
                "offense_class": "Class A felony",
                "counts": 1,
            }
        ],
        parties=[
            {"name": "Harlan Mistry", "role": "victim"},
            {"name": "Curtis Wrenfield", "role": "co_defendant", "notes": "Uncle; tried separately"},
        ],
        notes=[
            ("Interrogation transcript obtained (150 pages); needs a fact-source analysis.", False),
            ("The crime facts first appear in the detectives' questions, not his answers.", True),
        ],
        status_path=["screening", "accepted", "active"],
    ),
    DemoCase(
        key="federal_death",
        person={
            "given_name": "Corwin",
            "family_name": "Haldane",
            "birth_date": D(1975, 2, 11),
            "bop_register_number": "09876-028",
            "facility": "USP (federal death row, fictional unit)",
            "custody_status": "death_row",
        },
        case={
            "title": "Haldane: capital clemency petition",
            "source": "referral",
            "priority": 1,
            "summary": "Federal death sentence; an execution date has been set. Clemency petition to the "
            "President through the Office of the Pardon Attorney.",
        },
        conviction={
            "jurisdiction": "federal",
            "court": "U.S. District Court (fictional district)",
            "docket_number": "1:99-cr-00045",
            "offense_date": D(1998, 7, 19),
            "conviction_date": D(2000, 3, 3),
            "sentencing_date": D(2000, 6, 9),
            "judgment_final_date": D(2003, 1, 13),
        },
        sentence={
            "sentence_type": "death",
            "custody_start_date": D(1998, 7, 21),
            "offense_level": 43,
            "criminal_history_points": 4,
        },
        charges=[
            {
                "statute": "18 U.S.C. 1111",
                "description": "Murder within federal jurisdiction",
                "offense_category": "violent",
                "counts": 1,
            }
        ],
        parties=[{"name": "Evelyn Marchbank", "role": "victim"}],
        notes=[
            ("Execution date set; clemency counsel appointed.", False),
            ("Mitigation: childhood trauma records located; expert retained.", True),
        ],
        status_path=["screening", "accepted", "active", "filed"],
    ),
    DemoCase(
        key="texas_death_dna",
        person={
            "given_name": "Ruben",
            "family_name": "Castellow",
            "birth_date": D(1979, 5, 20),
            "state_doc_number": "999512",
            "state_doc_jurisdiction": "us-tx",
            "facility": "Example Unit (fictional)",
            "custody_status": "death_row",
        },
        case={
            "title": "Castellow: DNA testing and death-case clemency",
            "source": "referral",
            "priority": 1,
            "summary": "Texas death sentence; a motion for post-conviction DNA testing of untested evidence "
            "is pending before the convicting court.",
        },
        conviction={
            "jurisdiction": "us-tx",
            "court": "District Court (fictional county)",
            "docket_number": "F-2001-1187",
            "offense_date": D(2000, 12, 2),
            "conviction_date": D(2002, 5, 14),
            "sentencing_date": D(2002, 5, 21),
        },
        sentence={"sentence_type": "death", "custody_start_date": D(2000, 12, 5)},
        charges=[
            {
                "statute": "Tex. Penal Code 19.03",
                "description": "Capital murder",
                "offense_category": "violent",
                "offense_class": "Capital felony",
                "counts": 1,
            }
        ],
        parties=[{"name": "Opal Dunworth", "role": "victim"}],
        notes=[("Motion for DNA testing filed: hair and a knife handle were never tested.", False)],
        status_path=["screening", "accepted", "active", "filed"],
    ),
    DemoCase(
        key="tennessee_juvenile_51",
        person={
            "given_name": "Isaiah",
            "family_name": "Brandvold",
            "birth_date": D(1988, 1, 22),
            "state_doc_number": "00487213",
            "state_doc_jurisdiction": "us-tn",
            "facility": "Example Correctional Complex (fictional)",
            "custody_status": "in_custody",
        },
        case={
            "title": "Brandvold: clemency for a juvenile life sentence",
            "source": "letter",
            "priority": 2,
            "summary": "Sentenced for an offense at sixteen to life, which in Tennessee means at least 51 "
            "years before release eligibility.",
        },
        conviction={
            "jurisdiction": "us-tn",
            "court": "Criminal Court (fictional county)",
            "docket_number": "2004-C-1732",
            "offense_date": D(2004, 8, 6),
            "conviction_date": D(2005, 9, 30),
            "sentencing_date": D(2005, 11, 4),
        },
        sentence={
            "sentence_type": "term",
            "sentence_term_days": 51 * 365,
            "custody_start_date": D(2004, 8, 7),
            "jail_credit_days": 455,
        },
        charges=[
            {
                "statute": "Tenn. Code Ann. 39-13-202",
                "description": "First-degree murder",
                "offense_category": "violent",
                "counts": 1,
            }
        ],
        parties=[{"name": "Gideon Farrow", "role": "victim"}],
        notes=[("Education record in custody: GED, associate degree, peer mentor.", False)],
        status_path=["screening"],
    ),
    DemoCase(
        key="oklahoma_death_clemency",
        person={
            "given_name": "Wendell",
            "family_name": "Ashgrove",
            "birth_date": D(1970, 12, 1),
            "state_doc_number": "262144",
            "state_doc_jurisdiction": "us-ok",
            "facility": "Example State Penitentiary (fictional)",
            "custody_status": "death_row",
        },
        case={
            "title": "Ashgrove: clemency hearing before the Pardon and Parole Board",
            "source": "referral",
            "priority": 1,
            "summary": "Oklahoma death sentence; the Board has set a clemency hearing. Evidence of innocence "
            "and a co-defendant's recantation.",
        },
        conviction={
            "jurisdiction": "us-ok",
            "court": "District Court (fictional county)",
            "docket_number": "CF-1997-3381",
            "offense_date": D(1997, 1, 7),
            "conviction_date": D(1998, 6, 11),
            "sentencing_date": D(1998, 7, 16),
        },
        sentence={"sentence_type": "death", "custody_start_date": D(1997, 1, 9)},
        charges=[
            {
                "statute": "Okla. Stat. tit. 21, 701.7",
                "description": "Murder in the first degree",
                "offense_category": "violent",
                "counts": 1,
            }
        ],
        parties=[
            {"name": "Vernon Quaile", "role": "co_defendant", "notes": "Recanted in a 2019 affidavit"},
            {"name": "Lydia Brasher", "role": "victim"},
        ],
        notes=[
            ("Hearing preparation: witness list and video statement.", False),
            ("Co-defendant's recantation affidavit is the core exhibit.", True),
        ],
        status_path=["screening", "accepted", "active", "filed"],
    ),
    DemoCase(
        key="federal_simple_possession",
        person={
            "given_name": "Noemi",
            "family_name": "Castairs",
            "birth_date": D(1985, 4, 17),
            "custody_status": "released",
            "legal_mail_address": "123 Example Street\nExample, ST 00000",
        },
        case={
            "title": "Castairs: marijuana pardon certificate",
            "source": "screening",
            "priority": 4,
            "summary": "A federal conviction for simple possession of marijuana; probation completed.",
        },
        conviction={
            "jurisdiction": "federal",
            "court": "U.S. District Court (fictional district)",
            "docket_number": "2:09-cr-00101",
            "offense_date": D(2009, 3, 14),
            "conviction_date": D(2009, 8, 3),
            "sentencing_date": D(2009, 10, 5),
        },
        sentence={"sentence_type": "probation", "sentence_term_days": 365},
        charges=[
            {
                "statute": "21 U.S.C. 844(a)",
                "description": "Simple possession of marijuana",
                "offense_category": "drug",
                "offense_class": "Class A misdemeanor",
                "counts": 1,
            }
        ],
        status_path=["screening", "accepted"],
    ),
]


DEMO_CASES.append(importlib.import_module("clemency.dna.demo").demo_case())  # California death row, DNA


def _users(team: Team) -> dict[str, User]:
    users = {}
    for username, full_name, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, password=DEMO_PASSWORD, full_name=full_name)
        Membership.objects.get_or_create(user=user, team=team, defaults={"role": role})
        users[username] = user
    return users


def _create_case(spec: DemoCase, team: Team, actor: User) -> Any:
    from clemency.cases import services as case_services
    from clemency.people import services as people_services

    person = people_services.create_person(actor=actor, team=team, **spec.person)
    case = case_services.create_case(actor=actor, person=person, **spec.case)
    conviction = case_services.add_conviction(case, actor=actor, sentence=spec.sentence, **spec.conviction)
    for charge in spec.charges:
        case_services.add_charge(conviction, actor=actor, **charge)
    for party in spec.parties:
        case_services.add_party(conviction, actor=actor, **party)
    for body, privileged in spec.notes:
        case_services.add_note(case, actor=actor, body=body, privileged=privileged)
    for status in spec.status_path:
        case_services.move_case(case, actor=actor, to_status=status)
    return case


def _run_hooks(new_cases: dict[str, Any], actor: User) -> None:
    for app in HOOK_APPS:
        name = f"clemency.{app}.demo"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        hook = getattr(module, "seed", None)
        if hook is not None:
            hook(new_cases, actor)


def seed() -> dict[str, Any]:
    """Create the demo team, users and cases that are missing; return every demo case by its key."""
    from clemency.cases.models import Case

    with transaction.atomic():
        team, _ = Team.objects.get_or_create(name=TEAM_NAME, defaults={"organisation": "Demonstration"})
        actor = _users(team)["demo-attorney"]
        importlib.import_module("clemency.accounts.demo").seed_accounts()
        cases: dict[str, Any] = {}
        new_cases: dict[str, Any] = {}
        for spec in DEMO_CASES:
            existing = Case.objects.filter(team=team, title=spec.case["title"]).first()
            if existing is not None:
                cases[spec.key] = existing
                continue
            cases[spec.key] = new_cases[spec.key] = _create_case(spec, team, actor)
        if new_cases:
            _run_hooks(new_cases, actor)
    return cases
