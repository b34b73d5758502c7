"""Federal collateral review: the one-year limitation periods.

28 U.S.C. 2255(f), paraphrased: a one-year period of limitation applies to a motion by a federal
prisoner, running from the latest of (1) the date the judgment of conviction becomes final; (2) the
removal of an unlawful governmental impediment to filing; (3) the date the Supreme Court initially
recognised the right asserted, if made retroactive on collateral review; (4) the date the facts
supporting the claim could have been discovered with due diligence.

28 U.S.C. 2244(d) (AEDPA, enacted 1996-04-24), paraphrased: a one-year period applies to an
application by a person in custody under a state-court judgment, running from the latest of
(A) the judgment becoming final by the conclusion of direct review or the expiry of the time to
seek it; (B) removal of a state-created impediment; (C) a newly recognised retroactive right;
(D) discovery of the factual predicate. (d)(2): "The time during which a properly filed
application for State post-conviction or other collateral review with respect to the pertinent
judgment or claim is pending shall not be counted toward any period of limitation under this
subsection." Only time not yet run can be left uncounted: an application filed after the year has
run out stops nothing and revives nothing, so the tolled days count only when the state
application was filed on or before the last day of the year. Convictions final
before AEDPA had a one-year grace period, to 1997-04-24 (e.g. Wood v. Milyard, 566 U.S. 463 (2012)).

The rulebook computes the (f)(1) / (d)(1)(A) date only. Triggers (2)-(4) / (B)-(D), equitable
tolling (Holland v. Florida, 560 U.S. 631 (2010)) and actual innocence (McQuiggin v. Perkins,
569 U.S. 383 (2013)) are for counsel. Finality (Clay v. United States, 537 U.S. 522 (2003)) includes
the 90 days to petition for certiorari when no petition was filed: judgment_final_date must already
include it.
"""

from __future__ import annotations

from clemency.law.common import date, in_custody_now, param
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.tree import AddDays, AddYears, AsOf, Fact, If, IsIn, any_of, is_true, latest, le

S2255 = "28 U.S.C. 2255(f)(1)"
S2244 = "28 U.S.C. 2244(d)(1)(A)"


def _custody(citation: str) -> Criterion:
    return Criterion(
        id="in_custody",
        node=any_of(in_custody_now(), is_true("on_supervision"), citation=citation),
        citation=citation,
        explain_true="The person is in custody (prison or supervised release) under the judgment.",
        explain_false="The person is no longer in custody under the judgment; habeas relief needs custody.",
        explain_unknown="Whether the person is in custody under the judgment is not known.",
        verified=True,
    )


_deadline_2255 = AddYears(Fact("judgment_final_date"), param("us.habeas.limitation_years"), citation=S2255)

habeas_2255 = Pathway(
    id="us.habeas_2255",
    title="Motion to vacate a federal sentence (28 U.S.C. 2255): the one-year period",
    jurisdiction="us",
    authority="The federal sentencing court",
    kind=Kind.COURT_MOTION,
    citations=("28 U.S.C. 2255", S2255),
    effective_from=date("1996-04-24").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        Criterion(
            id="federal_judgment",
            node=IsIn(Fact("court_system"), ("federal",), citation="28 U.S.C. 2255(a)"),
            citation="28 U.S.C. 2255(a)",
            explain_true="The judgment is federal.",
            explain_false="2255 reaches only federal judgments; see 2254 for state judgments.",
            explain_unknown="Whether the judgment is federal is not known.",
            verified=True,
        ),
        _custody("28 U.S.C. 2255(a)"),
        Criterion(
            id="within_one_year",
            node=le(AsOf(), _deadline_2255, citation=S2255),
            citation=S2255,
            explain_true="On {as_of} the year from finality ({judgment_final_date}) has not run out.",
            explain_false="The year from finality ({judgment_final_date}) has run out; only the later "
            "triggers of 2255(f)(2)-(4) or equitable tolling could save a motion.",
            explain_unknown="The date the judgment became final is not known.",
            verified=True,
        ),
    ),
    deadlines=(
        Deadline(
            id="limitation_expires",
            title="Last day to file under 2255(f)(1)",
            node=_deadline_2255,
            citation=S2255,
            verified=True,
        ),
    ),
)

_year_2254 = latest(
    AddYears(Fact("judgment_final_date"), param("us.habeas.limitation_years")),
    date("1997-04-24"),
    citation=S2244,
)
_deadline_2254 = If(
    le(Fact("state_postconviction_filed_date"), _year_2254),
    AddDays(_year_2254, Fact("state_postconviction_tolled_days")),
    _year_2254,
    citation="28 U.S.C. 2244(d)(2)",
)

habeas_2254 = Pathway(
    id="us.habeas_2254",
    title="Federal habeas for a state prisoner (28 U.S.C. 2254): the one-year period",
    jurisdiction="us",
    authority="The federal district court",
    kind=Kind.COURT_MOTION,
    citations=("28 U.S.C. 2254", S2244, "28 U.S.C. 2244(d)(2)"),
    effective_from=date("1996-04-24").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        Criterion(
            id="state_judgment",
            node=IsIn(Fact("court_system"), ("state", "dc_superior"), citation="28 U.S.C. 2254(a)"),
            citation="28 U.S.C. 2254(a)",
            explain_true="The judgment is a state (or D.C. Superior Court) judgment.",
            explain_false="2254 reaches state judgments; a federal prisoner moves under 2255.",
            explain_unknown="Which court system entered the judgment is not known.",
            verified=False,
            note="D.C. Code offenders generally proceed under D.C. Code 23-110 first; treated as 2254 here.",
        ),
        _custody("28 U.S.C. 2254(a)"),
        Criterion(
            id="within_one_year",
            node=le(AsOf(), _deadline_2254, citation=S2244),
            citation=S2244,
            explain_true="On {as_of} the year from finality ({judgment_final_date}), plus the days a state "
            "application filed within it was pending ({state_postconviction_tolled_days}), has not run out.",
            explain_false="The year from finality ({judgment_final_date}) has run out, counting the days a "
            "state application filed within the year was pending ({state_postconviction_tolled_days}); an "
            "application filed after the year ran out (filed {state_postconviction_filed_date}) tolls "
            "nothing.",
            explain_unknown="The finality date, or when a state post-conviction application was filed and "
            "how long it was pending, is not known.",
            verified=True,
        ),
    ),
    deadlines=(
        Deadline(
            id="limitation_expires",
            title="Last day to file under 2244(d)(1)(A), with tolling",
            node=_deadline_2254,
            citation=S2244 + "; 2244(d)(2)",
            verified=True,
        ),
    ),
)

PATHWAYS = (habeas_2255, habeas_2254)
