"""Texas: commutation of a death sentence, and post-conviction DNA testing.

Tex. Const. art. IV, sec. 11 (paraphrased): in all criminal cases except treason and impeachment,
the Governor may grant reprieves, commutations and pardons only on the written signed
recommendation of a majority of the Board of Pardons and Paroles; in a capital case the Governor
alone may grant one reprieve of not more than 30 days.

37 Tex. Admin. Code 143.57 (paraphrased): the Board will consider recommending commutation of a
death sentence on the request of a majority of the trial officials or on the offender's written
application, which must be delivered to the Board's Clemency Section no later than the 21st
calendar day before the scheduled execution, and "if the twenty-first calendar day before the
execution is scheduled falls on a weekend or state observed holiday, the application shall be
delivered not later than the next business day"; supplemental information no later than the 15th
calendar day before the execution, moved the same way (143.57(c)). Text read from the Texas
Register's copy of 143.57. The rulebook moves each day over weekends and the holidays certainly
observed (federal holidays Texas also keeps; `clemency.law.business_days`) and names the day it
moved from; a Texas-only holiday (e.g. Texas Independence Day) is shown as possibly later, never
relied on. Once the execution date has passed, the pathway asks whether it was stayed or reset.

Tex. Code Crim. Proc. ch. 64 (enacted 2001, effective 2001-04-05). Art. 64.01: a convicted person
may move the convicting court for forensic DNA testing of evidence containing biological material,
with a sworn affidavit of supporting facts. Art. 64.03(a), paraphrased: the court may order testing
only if it finds that the evidence still exists in a condition making testing possible and has a
chain of custody sufficient to show it was not substituted, tampered with, replaced or altered;
that there is a reasonable likelihood it contains biological material suitable for testing (added
in 2011); and that identity was or is an issue; and the person shows by a preponderance of the
evidence that they would not have been convicted had exculpatory results been obtained and that the
request is not made to unreasonably delay the sentence or justice. Art. 64.03(b): a guilty or nolo
plea, or a confession or similar admission, does not by itself defeat the identity requirement.
"""

from __future__ import annotations

from clemency.law.common import date, param, unless_execution_passed
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.tree import AddDays, AsOf, Const, Fact, If, Mul, NextBusinessDay, eq, ge, is_true, le

ART_IV_11 = "Tex. Const. art. IV, sec. 11"
TAC = "37 Tex. Admin. Code 143.57"
CH64 = "Tex. Code Crim. Proc. art. 64.03"


def _texas(citation: str) -> Criterion:
    return Criterion(
        id="texas_conviction",
        node=eq(Fact("jurisdiction"), "us-tx", citation=citation),
        citation=citation,
        explain_true="The conviction is from a Texas court.",
        explain_false="The conviction is not from Texas ({jurisdiction}).",
        explain_unknown="The convicting jurisdiction is not known.",
        verified=True,
    )


def _days_before_execution(name: str, paragraph: str) -> NextBusinessDay:
    rule_day = AddDays(Fact("execution_date"), Mul(param(name), Const(-1)), citation=TAC + paragraph)
    return NextBusinessDay(rule_day, "US-TX", citation=TAC + paragraph)


_APPLICATION_DUE = _days_before_execution("us-tx.death_commutation.application_days_before", "(b)")

death_commutation = Pathway(
    id="us-tx.death_commutation",
    title="Texas: commutation of a death sentence (Board of Pardons and Paroles)",
    jurisdiction="us-tx",
    authority="The Governor of Texas, only on a written recommendation of a majority of the Board of "
    "Pardons and Paroles",
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(ART_IV_11, TAC, "37 Tex. Admin. Code 143.42-143.43"),
    effective_from=date("2014-11-09").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        _texas(ART_IV_11),
        Criterion(
            id="death_sentence",
            node=eq(Fact("sentence_type"), "death", citation=TAC),
            citation=TAC,
            explain_true="The person is under a sentence of death.",
            explain_false="The person is not under a sentence of death ({sentence_type}).",
            explain_unknown="Whether the sentence is death is not known.",
            verified=True,
        ),
        Criterion(
            id="application_still_timely",
            node=unless_execution_passed(le(AsOf(), _APPLICATION_DUE), citation=TAC + "(b)"),
            citation=TAC + "(b)",
            explain_true="On {as_of} there is still time to deliver the application (execution set for "
            "{execution_date}).",
            explain_false="The 21st calendar day before the execution ({execution_date}), moved off a "
            "weekend or holiday, has passed; only the Governor's one 30-day reprieve or the courts remain.",
            explain_unknown="No execution date is known, or the one recorded ({execution_date}) is before "
            "{as_of}: was the execution stayed or reset? Record the current execution date.",
            verified=True,
        ),
    ),
    deadlines=(
        Deadline(
            id="application_due",
            title="Commutation application delivered to the Board (21 days before)",
            node=_APPLICATION_DUE,
            citation=TAC + "(b)",
            verified=True,
        ),
        Deadline(
            id="supplements_due",
            title="Supplemental information delivered (15 days before)",
            node=_days_before_execution("us-tx.death_commutation.supplement_days_before", "(c)"),
            citation=TAC + "(c)",
            verified=True,
        ),
    ),
    documents=("Application with the information in 37 TAC 143.42(1)-(6)", "Certified judgment and sentence"),
    notes="Deadlines move to the next business day when they fall on a weekend or state observed holiday; "
    "the rulebook shows the last safe day and the day it moved from.",
)

dna_testing = Pathway(
    id="us-tx.dna_testing",
    title="Texas post-conviction DNA testing (Code Crim. Proc. ch. 64)",
    jurisdiction="us-tx",
    authority="The convicting court",
    kind=Kind.COURT_MOTION,
    citations=("Tex. Code Crim. Proc. art. 64.01", CH64),
    effective_from=date("2001-04-05").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        _texas("Tex. Code Crim. Proc. art. 64.01"),
        Criterion(
            id="evidence_testable",
            node=is_true("biological_evidence_exists_testable", citation=CH64 + "(a)(1)(A)(i)"),
            citation=CH64 + "(a)(1)(A)(i)",
            explain_true="The evidence still exists in a condition making DNA testing possible.",
            explain_false="The evidence no longer exists in a testable condition.",
            explain_unknown="Whether the evidence still exists in a testable condition is not known.",
            verified=True,
        ),
        Criterion(
            id="chain_of_custody",
            node=is_true("chain_of_custody_sufficient", citation=CH64 + "(a)(1)(A)(ii)"),
            citation=CH64 + "(a)(1)(A)(ii)",
            explain_true="The chain of custody is sufficient.",
            explain_false="The chain of custody is not sufficient.",
            explain_unknown="Whether the chain of custody is sufficient is not known.",
            verified=True,
        ),
        Criterion(
            id="biological_material_likely",
            node=If(
                ge(AsOf(), date("2011-09-01")),
                is_true("biological_material_likely"),
                Const(True),
                citation=CH64 + "(a)(1)(B) (added 2011)",
            ),
            citation=CH64 + "(a)(1)(B)",
            explain_true="There is a reasonable likelihood of biological material suitable for testing "
            "(or the requirement did not yet apply on {as_of}).",
            explain_false="There is no reasonable likelihood of biological material suitable for testing.",
            explain_unknown="Whether the evidence likely holds suitable biological material is not known.",
            verified=False,
            note="The 2011 amendment date (Acts 2011, 82nd Leg., ch. 366) is from memory.",
        ),
        Criterion(
            id="identity_in_issue",
            node=is_true("identity_was_or_is_issue", citation=CH64 + "(a)(1)(C), (b)"),
            citation=CH64 + "(a)(1)(C), (b)",
            explain_true="Identity was or is an issue (a plea or confession alone does not defeat this).",
            explain_false="Identity was not and is not an issue in the case.",
            explain_unknown="Whether identity was or is an issue is not known.",
            verified=True,
        ),
        Criterion(
            id="exculpatory_results_would_matter",
            node=is_true("exculpatory_results_would_prevent_conviction", citation=CH64 + "(a)(2)(A)"),
            citation=CH64 + "(a)(2)(A)",
            explain_true="By a preponderance, the person would not have been convicted with exculpatory "
            "results.",
            explain_false="Exculpatory results would not have prevented the conviction.",
            explain_unknown="Whether exculpatory results would have prevented conviction is not assessed.",
            verified=True,
        ),
        Criterion(
            id="not_for_delay",
            node=is_true("request_not_to_delay", citation=CH64 + "(a)(2)(B)"),
            citation=CH64 + "(a)(2)(B)",
            explain_true="The request is not made to unreasonably delay the sentence or justice.",
            explain_false="The request appears made to unreasonably delay the sentence or justice.",
            explain_unknown="Whether the request is made for delay is not assessed.",
            verified=True,
        ),
    ),
    documents=("Motion for forensic DNA testing", "Sworn affidavit of supporting facts (art. 64.01(a))"),
)

PATHWAYS = (death_commutation, dna_testing)
