"""Fictional case contexts for tests, reference images, benchmarks and demos.

Every person, victim, lawyer and organisation here is invented. Facts are fixed (no today()),
so rendered documents and reference images are reproducible.
"""

from __future__ import annotations

from datetime import date

from clemency.assembly.context import (
    Address,
    Case,
    CaseContext,
    Charge,
    Conviction,
    CriterionResult,
    Deadline,
    Explanation,
    Lawyer,
    PathwayResult,
    Person,
    Recipient,
    Sentence,
    Team,
)

TEAM = Team(
    organization="Lakeshore Second Chance Clinic",
    address=Address("410 Orchard Row", "Millbrook", "IL", "60999"),
    phone="555-0140",
    email="office@lakeshore.example",
    lawyers=[
        Lawyer("Renata Quill", bar_number="IL-0099871", email="rquill@lakeshore.example", phone="555-0142"),
        Lawyer("Tomas Ferrel", bar_number="IL-0099872", email="tferrel@lakeshore.example"),
    ],
)

COMPASSIONATE_RELEASE = PathwayResult(
    pathway_id="us.compassionate_release.age",
    outcome="ELIGIBLE",
    title="Compassionate release: age of the defendant",
    jurisdiction="us",
    authority="the sentencing court",
    criteria_met=[
        CriterionResult(
            "The defendant is at least 65 years old",
            "USSG § 1B1.13(b)(2)",
            "Mr. Okonkwo-Reyes is 71 years old.",
            "age_at_least_65",
        ),
        CriterionResult(
            "The defendant is experiencing a serious deterioration in health because of aging",
            "USSG § 1B1.13(b)(2)",
            "BOP medical records document progressive heart failure.",
            "deterioration",
        ),
        CriterionResult(
            "The defendant has served at least 10 years or 75 percent of the term",
            "USSG § 1B1.13(b)(2)",
            "He has served 24 years of a life term.",
            "served_10_years",
        ),
        CriterionResult(
            "Administrative remedies exhausted or 30 days lapsed since the warden's receipt",
            "18 U.S.C. § 3582(c)(1)(A)",
            "The warden received his request 45 days ago.",
            "exhaustion",
        ),
    ],
    citations=["18 U.S.C. § 3582(c)(1)(A)", "USSG § 1B1.13(b)(2)"],
    sentences=["Each element of USSG § 1B1.13(b)(2) is met on the record summarised above."],
)


def federal_commutation() -> CaseContext:
    """An older man serving a federal life sentence: commutation and compassionate release both apply."""
    return CaseContext(
        person=Person(
            given_name="Aurelio",
            middle_name="Bram",
            family_name="Okonkwo-Reyes",
            other_names=["Bram Reyes"],
            birth_date=date(1954, 2, 11),
            birth_place="Fairhaven, Ohio",
            citizenship="United States",
            bop_register_number="40417-000",
            facility="FMC Larchmont (fictional)",
            address=Address("1 Federal Medical Way", "Larchmont", "KY", "40000"),
            in_custody=True,
            projected_release_date=None,
            programs=[
                "GED completed in 2003",
                "Hospice companion volunteer, 2012-2025",
                "Drug Education, 40 hours",
            ],
            disciplinary_record="No incident reports since 2006.",
            medical_conditions=["Congestive heart failure, NYHA class III", "Type 2 diabetes"],
            release_plan="Live with his daughter in Millbrook, Illinois; cardiology care arranged.",
            statement="I have spent twenty-four years making amends where I could.",
        ),
        case=Case(
            reference="LSC-2026-0117",
            jurisdiction="us",
            prepared_on=date(2026, 11, 2),
            pathway_id="us.commutation",
            relief_sought=None,
            reasons="He is 71, gravely ill, and has served 24 years for a non-violent drug offense "
            "that would carry a far shorter sentence today.",
            prior_clemency_petitions=["Commutation petition filed 2016, denied 2017"],
        ),
        convictions=[
            Conviction(
                court="United States District Court for the Northern District of Lakeland (fictional)",
                docket_number="1:01-cr-00457",
                offense_date=date(2001, 6, 1),
                sentence_date=date(2002, 9, 20),
                plea="jury trial",
                disposition="convicted",
                charges=[
                    Charge("Conspiracy to distribute cocaine base", "21 U.S.C. § 846", 1),
                    Charge("Possession with intent to distribute", "21 U.S.C. § 841(a)(1)", 2),
                ],
                sentence=Sentence(
                    kind="life",
                    imposed="life imprisonment",
                    supervised_release_days=3650,
                    fine_dollars=0,
                    restitution_dollars=None,
                ),
                appeal_history=["Direct appeal affirmed, 2004"],
                post_conviction_history=["Motion under 28 U.S.C. § 2255 denied, 2006"],
                victim_names=[],
            )
        ],
        team=TEAM,
        explanation=Explanation(as_of=date(2026, 11, 2), pathways=[COMPASSIONATE_RELEASE]),
    )


def federal_pardon() -> CaseContext:
    return CaseContext(
        person=Person(
            given_name="Delphine",
            family_name="Marchetti-Oyelaran",
            birth_date=date(1979, 8, 30),
            citizenship="United States",
            address=Address("88 Quarry Lane", "Millbrook", "IL", "60998"),
            in_custody=False,
            bop_register_number="51234-999",
            statement="Since my release in 2015 I have run a bakery employing six people.",
        ),
        case=Case(
            reference="LSC-2026-0203",
            jurisdiction="us",
            prepared_on=date(2026, 11, 2),
            reasons="A pardon would let her obtain the food-distribution licence her business needs.",
        ),
        convictions=[
            Conviction(
                court="United States District Court for the Eastern District of Lakeland (fictional)",
                docket_number="2:11-cr-00031",
                sentence_date=date(2012, 3, 14),
                plea="guilty plea",
                charges=[Charge("Bank fraud", "18 U.S.C. § 1344", 1)],
                sentence=Sentence(
                    kind="imprisonment",
                    imposed="30 months' imprisonment",
                    term_days=913,
                    supervised_release_days=1095,
                    restitution_dollars=18250,
                ),
                victim_names=["Harlan Vossberg"],
            )
        ],
        team=TEAM,
    )


def wisconsin_pardon() -> CaseContext:
    return CaseContext(
        person=Person(
            given_name="Kestrel",
            family_name="Ambrose-Lindqvist",
            birth_date=date(1990, 1, 5),
            address=Address("12 Birch Court", "Eau Pleine", "WI", "54999"),
            in_custody=False,
        ),
        case=Case(
            reference="LSC-2026-0311",
            jurisdiction="us-wi",
            prepared_on=date(2026, 11, 2),
            reasons="Ten years crime-free; a pardon would let Kestrel qualify as a licensed nurse.",
            recipient=Recipient(
                "Pardon Advisory Board",
                organization="Office of the Governor",
                address=Address("PO Box 0000", "Madison", "WI", "53700"),
            ),
        ),
        convictions=[
            Conviction(
                county="Dane",
                docket_number="2012CF000123",
                sentence_date=date(2013, 5, 2),
                charges=[Charge("Burglary", "Wis. Stat. § 943.10(1m)(a)")],
                sentence=Sentence(kind="probation", imposed="three years' probation"),
            )
        ],
        team=TEAM,
    )


def texas_death() -> CaseContext:
    execution = date(2027, 3, 18)  # a Thursday; 21 days before is Thursday Feb 25
    return CaseContext(
        person=Person(
            given_name="Oswin",
            family_name="Thackeray-Nduka",
            birth_date=date(1981, 4, 4),
            doc_number="999777",
            facility="Polunsky Unit (fictional copy)",
            in_custody=True,
        ),
        case=Case(
            reference="LSC-2026-0400",
            jurisdiction="us-tx",
            prepared_on=date(2026, 11, 2),
            reasons="Newly discovered evidence of intellectual disability and trial counsel's "
            "failure to investigate mitigation.",
            recipient=Recipient("Governor of Texas (fictional addressee)", title="Governor"),
        ),
        convictions=[
            Conviction(
                county="Harrow",
                docket_number="F-2004-1188",
                sentence_date=date(2005, 2, 1),
                charges=[Charge("Capital murder", "Tex. Penal Code § 19.03")],
                sentence=Sentence(kind="death", imposed="death", execution_date=execution),
                offense_summary="Convicted of capital murder in the course of a robbery in 2003.",
                victim_names=["Clementine Harrowgate"],
                appeal_history=["Conviction affirmed by the Court of Criminal Appeals, 2007"],
                post_conviction_history=["State habeas denied, 2010", "Federal habeas denied, 2016"],
                legal_issues=["Ineffective assistance of counsel at punishment", "Atkins claim"],
            )
        ],
        team=TEAM,
        explanation=Explanation(
            pathways=[
                PathwayResult(
                    "us-tx.death_commutation",
                    "NEEDS_REVIEW",
                    title="Texas commutation of a death sentence",
                    deadlines=[
                        Deadline("Application due", date(2027, 2, 25), "37 Tex. Admin. Code § 143.57(b)")
                    ],
                )
            ]
        ),
    )


def marijuana_pardon() -> CaseContext:
    return CaseContext(
        person=Person(
            given_name="Prosper",
            family_name="Vandermeer-Osei",
            birth_date=date(1985, 12, 1),
            birth_place="Tacoma, Washington",
            citizenship="United States",
            address=Address("5 Fern Hollow", "Millbrook", "IL", "60997"),
            email="prosper@example.org",
            in_custody=False,
        ),
        case=Case(reference="LSC-2026-0502", jurisdiction="us", prepared_on=date(2026, 11, 2)),
        convictions=[
            Conviction(
                court="Superior Court of the District of Columbia",
                docket_number="2009-CMD-004411",
                offense_date=date(2009, 7, 4),
                sentence_date=date(2009, 10, 1),
                disposition="convicted",
                charges=[Charge("Possession of marijuana", "D.C. Code § 48-904.01(d)")],
                sentence=Sentence(kind="fine", imposed="$250 fine", fine_dollars=250),
            )
        ],
        team=TEAM,
        explanation=Explanation(
            pathways=[
                PathwayResult(
                    "us.marijuana_pardon.2022",
                    "ELIGIBLE",
                    title="Marijuana pardon proclamation of October 6, 2022",
                    criteria_met=[
                        CriterionResult(
                            "Simple possession of marijuana on or before October 6, 2022",
                            "Proclamation 10467 (2022)",
                        )
                    ],
                    questions=["Was he a U.S. citizen on October 6, 2022?"],
                )
            ]
        ),
    )


def governor_letter_case() -> CaseContext:
    """A Wisconsin case still in custody, for the governor's letter."""
    base = wisconsin_pardon()
    return CaseContext(
        person=Person(
            given_name="Marisol",
            family_name="Etxeberria-Quaye",
            birth_date=date(1968, 7, 19),
            doc_number="W-778812",
            facility="Oakhill Correctional Institution (fictional)",
            in_custody=True,
            programs=["Associate degree, 2019", "Peer mentor"],
        ),
        case=Case(
            reference="LSC-2026-0610",
            jurisdiction="us-wi",
            prepared_on=date(2026, 11, 2),
            relief_sought="commute her sentence to time served",
            reasons="She has served 27 years and is a model of rehabilitation.",
            recipient=Recipient(
                "The Honorable Governor (fictional)",
                title="Governor of Wisconsin",
                address=Address("115 East Capitol", "Madison", "WI", "53702"),
                salutation="Dear Governor:",
            ),
        ),
        convictions=[
            Conviction(
                county="Milwaukee",
                docket_number="1999CF004455",
                sentence=Sentence(kind="life", imposed="life imprisonment"),
            )
        ],
        team=base.team,
    )


#: The demo case each template is shown with (reference images, docs, `clemency document` demos).
DEMO_FOR_TEMPLATE = {
    "federal_commutation_petition": federal_commutation,
    "federal_pardon_petition": federal_pardon,
    "compassionate_release_motion": federal_commutation,
    "wisconsin_pardon_cover_letter": wisconsin_pardon,
    "texas_death_commutation": texas_death,
    "governor_letter": governor_letter_case,
    "support_letter_request": federal_commutation,
    "marijuana_pardon_certificate": marijuana_pardon,
}
