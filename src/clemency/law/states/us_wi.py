"""Wisconsin pardons.

Wis. Const. art. V, sec. 6 (paraphrased): the Governor may grant reprieves, commutations and
pardons after conviction, for all offenses except treason and impeachment, on conditions the
Governor thinks proper, subject to regulations provided by law about applying for pardons.

Executive Order 30 (2019) re-created the Governor's Pardon Advisory Board. Its published criteria
(paraphrased): a Wisconsin felony conviction; the sentence completed at least five years before
applying; no pending criminal charges; not currently required to register as a sex offender. The
criteria are not waivable, and a majority of the Board must recommend before the Governor
considers the case. No commutation process is open at present.
"""

from __future__ import annotations

from clemency.law.common import date, param
from clemency.law.pathway import Criterion, Kind, Pathway
from clemency.law.tree import AddYears, Fact, eq, ge, is_false

EO30 = "Wis. Exec. Order No. 30 (2019), Governor's Pardon Advisory Board"
CONST = "Wis. Const. art. V, sec. 6"

pardon = Pathway(
    id="us-wi.pardon",
    title="Wisconsin pardon (Governor's Pardon Advisory Board)",
    jurisdiction="us-wi",
    authority="The Governor of Wisconsin, on a majority recommendation of the Pardon Advisory Board",
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(CONST, EO30),
    effective_from=date("2019-06-27").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        Criterion(
            id="wisconsin_conviction",
            node=eq(Fact("jurisdiction"), "us-wi", citation=CONST),
            citation=CONST,
            explain_true="The conviction is from a Wisconsin court.",
            explain_false="The conviction is not from Wisconsin ({jurisdiction}).",
            explain_unknown="The convicting jurisdiction is not known.",
            verified=True,
        ),
        Criterion(
            id="wisconsin_felony",
            node=ge(Fact("felony_convictions_in_state_count"), 1, citation=EO30),
            citation=EO30,
            explain_true="The person has a Wisconsin felony conviction.",
            explain_false="The Board considers only Wisconsin felony convictions.",
            explain_unknown="Whether the person has a Wisconsin felony conviction is not known.",
            verified=False,
        ),
        Criterion(
            id="no_pending_charges",
            node=is_false("pending_charges", citation=EO30),
            citation=EO30,
            explain_true="No criminal charges are pending.",
            explain_false="Criminal charges are pending; the Board will not consider the application.",
            explain_unknown="Whether charges are pending is not known.",
            verified=False,
        ),
        Criterion(
            id="not_registered",
            node=is_false("registered_sex_offender", citation=EO30),
            citation=EO30,
            explain_true="The person is not required to register as a sex offender.",
            explain_false="People required to register as sex offenders are not eligible.",
            explain_unknown="Whether the person must register as a sex offender is not known.",
            verified=False,
        ),
    ),
    eligible_from=AddYears(
        Fact("sentence_completed_date"), param("us-wi.pardon.years_after_sentence"), citation=EO30
    ),
    eligible_from_citation=EO30 + ": five years after the whole sentence was completed",
    documents=("Pardon application (Wisconsin Governor's office form)", "Judgment of conviction"),
    notes="An expedited review track was added later; not modelled.",
)

PATHWAYS = (pardon,)
