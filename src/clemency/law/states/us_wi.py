"""Wisconsin pardons.

Wis. Const. art. V, sec. 6 (paraphrased): the Governor may grant reprieves, commutations and
pardons after conviction, for all offenses except treason and impeachment, on conditions the
Governor thinks proper, subject to regulations provided by law about applying for pardons.

Executive Order 30, signed by Governor Evers on 2019-06-13 (the date reported by the press on the
day, e.g. The Brillion News and WISC-TV, 2019-06-13; the order's own text was not found), re-created
the Governor's Pardon Advisory Board. Its published criteria (paraphrased): a Wisconsin felony
conviction; the sentence completed at least five years before applying; no pending criminal
charges; not currently required to register as a sex offender. The criteria are not waivable, and
a majority of the Board must recommend before the Governor considers the case. A life sentence
being served never completes (parole from it is still the sentence), so a person serving one does
not meet the Board's criteria. The Board considers pardons only: the press reported that the
Governor declined to consider commutations through it.

The Governor's own power to commute (art. V, sec. 6) stands apart from the Board: the rulebook
keeps it as its own pathway, with no board criteria; a request goes to the Governor's office.
"""

from __future__ import annotations

from clemency.law.common import date, in_custody_now, param
from clemency.law.pathway import Criterion, Kind, Pathway
from clemency.law.tree import AddYears, Fact, IsIn, Not, eq, ge, is_false

EO30 = "Wis. Exec. Order No. 30 (2019-06-13), Governor's Pardon Advisory Board"
CONST = "Wis. Const. art. V, sec. 6"

pardon = Pathway(
    id="us-wi.pardon",
    title="Wisconsin pardon (Governor's Pardon Advisory Board)",
    jurisdiction="us-wi",
    authority="The Governor of Wisconsin, on a majority recommendation of the Pardon Advisory Board",
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(CONST, EO30),
    effective_from=date("2019-06-13").value,
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
            id="sentence_can_be_completed",
            node=Not(IsIn(Fact("sentence_type"), ("life", "life_without_parole", "death")), citation=EO30),
            citation=EO30,
            explain_true="The sentence ({sentence_type}) is one that can be completed.",
            explain_false="A {sentence_type} sentence being served never completes, so the Board's "
            "requirement of a sentence completed five years ago cannot be met; the Governor's commutation "
            "power (Wis. Const. art. V, sec. 6) is the pathway to consider.",
            explain_unknown="The kind of sentence is not known.",
            verified=True,
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

_WISCONSIN = Criterion(
    id="wisconsin_conviction",
    node=eq(Fact("jurisdiction"), "us-wi", citation=CONST),
    citation=CONST,
    explain_true="The conviction is from a Wisconsin court.",
    explain_false="The conviction is not from Wisconsin ({jurisdiction}).",
    explain_unknown="The convicting jurisdiction is not known.",
    verified=True,
)

commutation = Pathway(
    id="us-wi.commutation",
    title="Wisconsin commutation by the Governor (Wis. Const. art. V, sec. 6)",
    jurisdiction="us-wi",
    authority="The Governor of Wisconsin",
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(CONST,),
    effective_from=date("1848-05-29").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        _WISCONSIN,
        Criterion(
            id="serving_sentence",
            node=in_custody_now(citation=CONST),
            citation=CONST,
            explain_true="The person is serving the sentence on {as_of}: there is a sentence to commute.",
            explain_false="The person is not serving a sentence of imprisonment on {as_of}; a pardon is the "
            "relief to consider.",
            explain_unknown="Whether the person is serving the sentence on {as_of} is not known.",
            verified=True,
        ),
    ),
    documents=("Letter to the Governor's office asking for commutation", "Judgment of conviction"),
    notes="The Pardon Advisory Board does not consider commutations; no published application process. "
    "The date the constitution took effect (statehood, 1848-05-29) is from general knowledge, not read.",
)

PATHWAYS = (pardon, commutation)
