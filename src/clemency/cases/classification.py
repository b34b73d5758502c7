"""Felony or misdemeanour: a charge's grade under its jurisdiction's own classification, with the law cited.

A charge is classified from the class recorded on it ("Class A felony", "state jail felony",
"Class B misdemeanor"), read against the jurisdiction's classification statute, or failing that
from a short table of statutes whose grade the statute itself states. Nothing else is guessed: a
charge with neither gives None (unknown), and the rulebook then asks the question.

`verified` says whether the classification statute was read in its primary text while this table was
written; an unverified entry is shown as such next to every value derived from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FELONY = "felony"
MISDEMEANOR = "misdemeanor"


@dataclass(frozen=True)
class Classification:
    jurisdiction: str  # the record's code: federal, dc, us-wi
    citation: str
    rule: str  # the rule, paraphrased
    verified: bool


CLASSIFICATIONS: dict[str, Classification] = {
    "federal": Classification(
        "federal",
        "18 U.S.C. 3559(a)",
        "Classes A to E are felonies (a maximum term over one year); classes A to C are misdemeanors.",
        verified=True,
    ),
    "us-wi": Classification(
        "us-wi",
        "Wis. Stat. 939.60; 939.50; 939.51",
        "A crime punishable by imprisonment in the state prisons is a felony (classes A to I); every "
        "other crime is a misdemeanor (classes A to C).",
        verified=True,
    ),
    "us-ca": Classification(
        "us-ca",
        "Cal. Penal Code 17(a)",
        "A felony is a crime punishable by death or by imprisonment in the state prison (or county jail "
        "under 1170(h)); every other crime is a misdemeanor or an infraction.",
        verified=False,
    ),
    "us-tx": Classification(
        "us-tx",
        "Tex. Penal Code 12.02; 12.03; 12.04",
        "Felonies are capital, first, second and third degree, and state jail felonies; misdemeanors are "
        "classes A to C.",
        verified=False,
    ),
    "us-ok": Classification(
        "us-ok",
        "Okla. Stat. tit. 21, secs. 5, 6",
        "A felony is a crime punishable by death or imprisonment in the penitentiary; every other crime "
        "is a misdemeanor.",
        verified=False,
    ),
    "us-tn": Classification(
        "us-tn",
        "Tenn. Code Ann. 40-35-110; 40-35-111",
        "Felonies are classes A to E; misdemeanors are classes A to C.",
        verified=False,
    ),
}

# Statutes that state their own grade, for a charge recorded without its class: (jurisdiction, section
# prefix as canonically spelled) -> (grade, the statute saying so, verified).
STATUTE_GRADES: dict[tuple[str, str], tuple[str, str, bool]] = {
    ("us-wi", "940.01"): (
        FELONY,
        "Wis. Stat. 940.01(1) (first-degree intentional homicide: Class A felony)",
        True,
    ),
    ("us-wi", "940.02"): (
        FELONY,
        "Wis. Stat. 940.02 (first-degree reckless homicide: Class B felony)",
        False,
    ),
    ("us-wi", "940.05"): (
        FELONY,
        "Wis. Stat. 940.05 (second-degree intentional homicide: Class B felony)",
        False,
    ),
    ("us-tn", "39-13-202"): (FELONY, "Tenn. Code Ann. 39-13-202 (first degree murder)", False),
    ("us-tx", "19.03"): (FELONY, "Tex. Penal Code 19.03 (capital murder: capital felony)", False),
    ("us-tx", "19.02"): (FELONY, "Tex. Penal Code 19.02 (murder: first degree felony)", False),
    ("us-ca", "187"): (FELONY, "Cal. Penal Code 187, 190 (murder)", False),
}

_SECTION = re.compile(r"^\d[\d.\-]*\d|^\d")


@dataclass(frozen=True)
class Grade:
    grade: str  # FELONY or MISDEMEANOR
    basis: str  # what on the charge decided it: its class, or its statute
    citation: str
    verified: bool


def grade_charge(jurisdiction: str, offense_class: str, statute: str) -> Grade | None:
    """The charge's grade under `jurisdiction`'s classification, or None when the record cannot say.

    The class field is read first; then the statute field, where a judgment's wording is often typed
    whole ("Wis. Stat. 940.01(1)(a), Class A felony"); then the table of statutes that state their grade.
    """
    rules = CLASSIFICATIONS.get(jurisdiction)
    if rules is not None:
        for text in (offense_class, statute):
            grade = _grade_words(text or "")
            if grade is not None:
                return Grade(grade, text.strip(), rules.citation, rules.verified)
    for (where, section), (grade, citation, verified) in STATUTE_GRADES.items():
        if where == jurisdiction and _section_of(statute).startswith(section):
            return Grade(grade, statute.strip(), citation, verified)
    return None


def _grade_words(text: str) -> str | None:
    lowered = text.lower()
    felony = "felony" in lowered
    misdemeanor = "misdemeanor" in lowered or "misdemeanour" in lowered
    if felony == misdemeanor:
        return None  # neither word, or both (a "felony or misdemeanor" wobbler): the record cannot say
    return FELONY if felony else MISDEMEANOR


def _section_of(statute: str) -> str:
    """The section number of a citation as written: "Wis. Stat. 940.01(1)(a)" -> "940.01"."""
    # The section is the first number after a word ("Stat.", "Code", "U.S.C."): in "21 U.S.C. 841" the
    # leading 21 is the title, not the section.
    tokens = (statute or "").replace("§", " ").split()
    for before, token in zip(tokens, tokens[1:], strict=False):
        found = _SECTION.match(token)
        if found and not before[0].isdigit():
            return found.group(0)
    return ""
