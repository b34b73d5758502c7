"""Oklahoma clemency.

Okla. Const. art. VI, sec. 10 (paraphrased): the Pardon and Parole Board has five members (three
appointed by the Governor, one by the Chief Justice, one by the Presiding Judge of the Court of
Criminal Appeals). The Governor may grant commutations, pardons and paroles, after conviction and
for all offenses except treason and impeachment, only upon a favourable majority recommendation of
the Board. In capital cases the Board holds a clemency hearing after an execution date is set
(Board rules, Okla. Admin. Code title 515; Okla. Stat. tit. 57, sec. 332.2). Commutation and pardon
applications have Board-set eligibility rules that the rulebook has not verified.
"""

from __future__ import annotations

from clemency.law.common import date
from clemency.law.pathway import Criterion, Kind, Pathway
from clemency.law.tree import Fact, eq

ART_VI_10 = "Okla. Const. art. VI, sec. 10"

clemency = Pathway(
    id="us-ok.clemency",
    title="Oklahoma pardon or commutation (Pardon and Parole Board recommendation required)",
    jurisdiction="us-ok",
    authority="The Governor of Oklahoma, only on a favourable majority recommendation of the five-member "
    "Pardon and Parole Board",
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(ART_VI_10, "Okla. Admin. Code 515:15"),
    effective_from=date("1944-07-11").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        Criterion(
            id="oklahoma_conviction",
            node=eq(Fact("jurisdiction"), "us-ok", citation=ART_VI_10),
            citation=ART_VI_10,
            explain_true="The conviction is from an Oklahoma court; the Board must recommend before the "
            "Governor may act.",
            explain_false="The conviction is not from Oklahoma ({jurisdiction}).",
            explain_unknown="The convicting jurisdiction is not known.",
            verified=True,
        ),
    ),
    notes="The Board's own eligibility rules for commutation and pardon (Okla. Admin. Code 515:15) are not "
    "encoded; the 1944 date is the amendment creating the Board (not verified).",
)

PATHWAYS = (clemency,)
