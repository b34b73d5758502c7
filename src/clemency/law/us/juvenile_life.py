"""Life without parole for an offense committed under 18: what the Supreme Court allows.

Miller v. Alabama, 567 U.S. 460 (2012): the Eighth Amendment permits a life-without-parole
sentence for a homicide committed under 18 only if it is not mandatory, so that the sentencer has
discretion to impose a lesser punishment. Montgomery v. Louisiana, 577 U.S. 190 (2016): Miller
applies retroactively on collateral review; a State may remedy a Miller violation by permitting
the person to be considered for parole rather than by resentencing. Jones v. Mississippi, 141 S.
Ct. 1307 (2021): a discretionary sentencing system is both constitutionally necessary and
sufficient; no separate finding of permanent incorrigibility is required. (Holdings as stated in
the Jones syllabus, read this session.)

So: a MANDATORY life-without-parole sentence for an offense committed under 18 is open to
challenge (resentencing or parole eligibility, as the State provides); a DISCRETIONARY one is not
open under these decisions, but a State's own law may add more (for example California's youth
offender parole, Cal. Penal Code 3051(b)(4), encoded as us-ca.youth_offender_parole; many States
abolished juvenile life without parole by statute). The rulebook cannot weigh those: the pathway
answers NEEDS_REVIEW with the questions that decide which of these applies, or INELIGIBLE where
its premises fail (not life without parole, or 18 or older at the offense).
"""

from __future__ import annotations

from clemency.law.common import date, in_custody_now
from clemency.law.pathway import Criterion, Kind, Pathway
from clemency.law.tree import Const, Fact, If, eq, is_false, is_true, lt

MILLER = "Miller v. Alabama, 567 U.S. 460 (2012)"
MONTGOMERY = "Montgomery v. Louisiana, 577 U.S. 190 (2016)"
JONES = "Jones v. Mississippi, 141 S. Ct. 1307 (2021)"

juvenile_lwop = Pathway(
    id="us.juvenile_lwop_review",
    title="Life without parole for an offense committed under 18 (Miller, Montgomery, Jones)",
    jurisdiction="us",
    authority="The sentencing court (resentencing) or the State's parole authority, as the State provides",
    kind=Kind.COURT_MOTION,
    citations=("U.S. Const. amend. VIII", MILLER, MONTGOMERY, JONES),
    effective_from=date("2012-06-25").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        Criterion(
            id="life_without_parole",
            node=eq(Fact("sentence_type"), "life_without_parole", citation=MILLER),
            citation=MILLER,
            explain_true="The sentence is life without parole.",
            explain_false="The sentence is not life without parole ({sentence_type}); Miller concerns only "
            "life without parole.",
            explain_unknown="Whether the sentence is life without parole is not known.",
            verified=True,
        ),
        Criterion(
            id="under_18_at_offense",
            node=lt(Fact("age_at_offense_years"), 18, citation=MILLER),
            citation=MILLER,
            explain_true="The person was {age_at_offense_years} at the offense, under 18.",
            explain_false="The person was {age_at_offense_years} at the offense; Miller protects those "
            "under 18.",
            explain_unknown="The person's age at the offense is not known.",
            verified=True,
        ),
        Criterion(
            id="serving_the_sentence",
            node=in_custody_now(citation=MONTGOMERY),
            citation=MONTGOMERY,
            explain_true="The person is serving the sentence on {as_of}.",
            explain_false="The person is not serving the sentence on {as_of}.",
            explain_unknown="Whether the person is serving the sentence on {as_of} is not known.",
            verified=True,
        ),
        Criterion(
            id="not_already_reviewed",
            node=is_false("juvenile_lwop_resentenced_or_parole_eligible", citation=MONTGOMERY),
            citation=MONTGOMERY,
            explain_true="The sentence has not yet been reviewed under Miller or a state statute.",
            explain_false="The sentence has already been reviewed (resentenced, or made parole-eligible); "
            "what remains is that outcome's own pathway.",
            explain_unknown="Whether the sentence has already been reviewed under Miller or a state statute "
            "is not known.",
            verified=True,
        ),
        Criterion(
            id="what_the_decisions_allow",
            # Never decided by the rulebook: which question remains depends on whether the sentence
            # was mandatory (Miller, Montgomery) or discretionary (Jones: the State's law only).
            node=If(is_true("lwop_was_mandatory"), Const(None), Const(None), citation=JONES),
            citation=f"{MILLER}; {MONTGOMERY}; {JONES}",
            explain_true="(Never decided by the rulebook.)",
            explain_false="(Never decided by the rulebook.)",
            explain_unknown="If the sentence was mandatory, Miller and Montgomery require resentencing or "
            "parole consideration, as the State provides; if the judge chose it among lesser sentences, "
            "Jones holds nothing more is required federally, and only the State's own law (parole for "
            "youth offenders, resentencing statutes) can add relief. Counsel must read the State's law.",
            verified=True,
        ),
    ),
    documents=("Judgment and sentencing transcript (was life without parole mandatory?)",),
    notes="States' own remedies differ widely; for California see us-ca.youth_offender_parole.",
)

PATHWAYS = (juvenile_lwop,)
