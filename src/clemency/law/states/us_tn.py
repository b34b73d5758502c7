"""Tennessee clemency.

Tenn. Const. art. III, sec. 6 (paraphrased): the Governor has power to grant reprieves and pardons
after conviction, except in cases of impeachment. Tenn. Code Ann. 40-27-101 and following: the
Governor may commute sentences; the Board of Parole investigates applications and gives the
Governor non-binding recommendations on pardons, commutations and exonerations (Tenn. Comp. R. &
Regs. 1100-01-01-.16). The Board's eligibility conditions for each kind of clemency are not yet
verified and are not encoded.
"""

from __future__ import annotations

from clemency.law.common import date
from clemency.law.pathway import Criterion, Kind, Pathway
from clemency.law.tree import Fact, eq

ART_III_6 = "Tenn. Const. art. III, sec. 6"

clemency = Pathway(
    id="us-tn.clemency",
    title="Tennessee pardon, commutation or exoneration (Board of Parole recommends)",
    jurisdiction="us-tn",
    authority="The Governor of Tennessee (the Board of Parole makes non-binding recommendations)",
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(ART_III_6, "Tenn. Code Ann. 40-27-101 et seq.", "Tenn. Comp. R. & Regs. 1100-01-01-.16"),
    effective_from=date("1870-05-05").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        Criterion(
            id="tennessee_conviction",
            node=eq(Fact("jurisdiction"), "us-tn", citation=ART_III_6),
            citation=ART_III_6,
            explain_true="The conviction is from a Tennessee court.",
            explain_false="The conviction is not from Tennessee ({jurisdiction}).",
            explain_unknown="The convicting jurisdiction is not known.",
            verified=True,
        ),
    ),
    notes="The effective date is the 1870 constitution's (not verified).",
)

PATHWAYS = (clemency,)
