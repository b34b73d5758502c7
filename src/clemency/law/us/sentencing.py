"""Federal sentence reductions the court decides under 18 U.S.C. 3582(c)(2) and the First Step Act.

Amendment 821 (effective 2023-11-01; made retroactive by Amendment 825, with no order effective
before 2024-02-01), paraphrased:
- Part A, status points (USSG 4A1.1(e)): one point is added, instead of two, only if the person has
  seven or more criminal history points under 4A1.1(a)-(d) and committed the offense while under
  any criminal justice sentence; otherwise none. A reduction is possible when removing or reducing
  status points lowers the criminal history category, and so the range.
- Part B, zero-point offenders (USSG 4C1.1): a 2-level decrease for a defendant with no criminal
  history points who meets every condition: no terrorism adjustment (3A1.4); no use or credible
  threat of violence; no death or serious bodily injury; not a sex offense; no personal infliction
  of substantial financial hardship; no firearm or other dangerous weapon possessed (or induced);
  instant offense not under 2H1.1 (individual rights); no 3A1.1 hate-crime or vulnerable-victim or
  3A1.5 human-rights adjustment; and (10) no aggravating-role adjustment (3B1.1) and not engaged in
  a continuing criminal enterprise. The circuits read (10) disjunctively, so either one disqualifies
  (United States v. Cervantes, 109 F.4th 944 (7th Cir. 2024); United States v. Morales, 122 F.4th 590
  (5th Cir. 2024)), and the clarifying amendment of 2024-11-01 split it into two criteria.

Amendment 782 (effective 2014-11-01, "drugs minus two"): lowered most drug offense levels in 2D1.1
by two; made retroactive by Amendment 788, with no order effective before 2015-11-01.

First Step Act of 2018 sec. 404: a court that imposed a sentence for a "covered offense" (a
violation whose statutory penalties were modified by secs. 2 or 3 of the Fair Sentencing Act of
2010, committed before 2010-08-03) may impose a reduced sentence as if those sections were in
effect. The Fair Sentencing Act (Pub. L. 111-220, 124 Stat. 2372, read at govinfo.gov) changed
the crack quantities in 21 U.S.C. 841(b)(1)(A)(iii) and (B)(iii) (sec. 2(a)) and in the import and
export penalties 21 U.S.C. 960(b)(1)(C) and (2)(C) (sec. 2(b)), and struck the mandatory minimum
for simple possession of crack in 21 U.S.C. 844(a) (sec. 3). Terry v. United States, 593 U.S. 486
(2021): a crack offense under 841(b)(1)(C), whose penalties the Act did not modify, is not
covered. Sec. 404(c): no motion if the sentence was imposed or reduced under the Fair Sentencing
Act, or if an earlier 404 motion was denied after a complete review on the merits.
"""

from __future__ import annotations

from clemency.law.common import date, federal_conviction, in_custody_now, param
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.tree import (
    Add,
    Const,
    Fact,
    If,
    ListHasAny,
    Node,
    Not,
    Sub,
    all_of,
    any_of,
    eq,
    ge,
    gt,
    is_false,
    is_true,
    lt,
)

COURT = "The sentencing court, on the defendant's motion under 18 U.S.C. 3582(c)(2)"
A821 = "USSG Amendment 821 (effective 2023-11-01); USSG 1B1.10(d) as amended by Amendment 825"
CHC_BOUNDARIES = (2, 4, 7, 10, 13)  # the first point score of categories II-VI (ch. 5 pt. A)


def _federal_prisoner(citation: str) -> tuple[Criterion, ...]:
    return (
        Criterion(
            id="federal_sentence",
            node=federal_conviction(),
            citation=citation,
            explain_true="The sentence is federal.",
            explain_false="The sentence is not federal ({court_system}).",
            explain_unknown="Whether the sentence is federal is not known.",
            verified=True,
        ),
        Criterion(
            id="in_custody",
            node=in_custody_now(citation=citation),
            citation=citation,
            explain_true="The person is serving the term of imprisonment on {as_of}.",
            explain_false="The person is not serving a term of imprisonment on {as_of}.",
            explain_unknown="Whether the person is serving the term on {as_of} is not known.",
            verified=True,
        ),
    )


def _sentenced_before(day: str, citation: str) -> Criterion:
    return Criterion(
        id="sentenced_before_amendment",
        node=lt(Fact("sentence_date"), date(day), citation=citation),
        citation=citation,
        explain_true=f"Sentenced on {{sentence_date}}, before the amendment took effect on {day}.",
        explain_false=f"Sentenced on {{sentence_date}}, after the amendment took effect on {day}: "
        "it already applied.",
        explain_unknown="The sentencing date is not known.",
        verified=True,
    )


def _new_status_points() -> Node:
    points_without_status = Sub(Fact("criminal_history_points"), Fact("status_points"))
    return If(
        ge(points_without_status, param("us.amendment_821.status_points.min_other_points")),
        param("us.amendment_821.status_points.points_added"),
        Const(0),
        citation="USSG 4A1.1(e)",
    )


def _category_lowered() -> Node:
    old = Fact("criminal_history_points")
    new = Add(Sub(old, Fact("status_points")), _new_status_points())
    return any_of(
        *(all_of(ge(old, bound), lt(new, bound)) for bound in CHC_BOUNDARIES),
        citation="USSG ch. 5 pt. A; 1B1.10(a)(2)(B)",
    )


status_points = Pathway(
    id="us.amendment_821.status_points",
    title="Amendment 821 Part A: status points (3582(c)(2))",
    jurisdiction="us",
    authority=COURT,
    kind=Kind.COURT_MOTION,
    citations=("18 U.S.C. 3582(c)(2)", A821, "USSG 4A1.1(e)"),
    effective_from=date("2023-11-01").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        *_federal_prisoner(A821),
        _sentenced_before("2023-11-01", A821),
        Criterion(
            id="received_status_points",
            node=gt(Fact("status_points"), 0, citation="USSG 4A1.1(d) (before 2023-11-01)"),
            citation="USSG 4A1.1(d) (before 2023-11-01)",
            explain_true="{status_points} status point(s) were scored at sentencing.",
            explain_false="No status points were scored; Part A cannot lower the range.",
            explain_unknown="Whether status points were scored is not known.",
            verified=True,
        ),
        Criterion(
            id="category_lowered",
            node=_category_lowered(),
            citation="USSG 4A1.1(e); 1B1.10(a)(2)(B)",
            explain_true="Recounting status points under 4A1.1(e) lowers the criminal history category.",
            explain_false="Recounting status points leaves the criminal history category unchanged "
            "({criminal_history_points} points), so the range does not fall.",
            explain_unknown="Whether the category falls needs the criminal history and status points.",
            verified=True,
        ),
    ),
    eligible_from=date("2023-11-01"),
    eligible_from_citation=A821,
    deadlines=(
        Deadline(
            id="earliest_order_effective",
            title="No reduction order may take effect before this day",
            node=date("2024-02-01"),
            citation="USSG 1B1.10(e)(2) (Amendment 825)",
            verified=True,
        ),
    ),
    notes="A mandatory minimum can still hold the sentence; not modelled.",
)


def _role_disqualifies() -> Node:
    role, cce = is_true("aggravating_role"), is_true("continuing_criminal_enterprise")
    return If(
        eq(param("us.amendment_821.zero_point.role_or_cce_each_disqualify"), True),
        any_of(role, cce),
        all_of(role, cce),
        citation="USSG 4C1.1(a)(10)",
    )


_EXCLUSIONS = (
    ("terrorism_adjustment", "USSG 4C1.1(a)(2)"),
    ("violence_in_offense", "USSG 4C1.1(a)(3)"),
    ("death_or_serious_bodily_injury", "USSG 4C1.1(a)(4)"),
    ("sex_offense", "USSG 4C1.1(a)(5)"),
    ("substantial_financial_hardship", "USSG 4C1.1(a)(6)"),
    ("weapon_in_offense", "USSG 4C1.1(a)(7)"),
    ("individual_rights_offense", "USSG 4C1.1(a)(8)"),
    ("hate_crime_or_vulnerable_victim", "USSG 4C1.1(a)(9)"),
)

zero_point = Pathway(
    id="us.amendment_821.zero_point",
    title="Amendment 821 Part B: zero-point offender reduction (4C1.1)",
    jurisdiction="us",
    authority=COURT,
    kind=Kind.COURT_MOTION,
    citations=("18 U.S.C. 3582(c)(2)", A821, "USSG 4C1.1"),
    effective_from=date("2023-11-01").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        *_federal_prisoner(A821),
        _sentenced_before("2023-11-01", A821),
        Criterion(
            id="zero_points",
            node=eq(Fact("criminal_history_points"), 0, citation="USSG 4C1.1(a)(1)"),
            citation="USSG 4C1.1(a)(1)",
            explain_true="No criminal history points were scored.",
            explain_false="{criminal_history_points} criminal history points were scored; 4C1.1 needs none.",
            explain_unknown="The criminal history points are not known.",
            verified=True,
        ),
        *(
            Criterion(
                id=f"not_{name}",
                node=is_false(name, citation=citation),
                citation=citation,
                explain_true=f"Condition {citation[-3:]} is met (no {name.replace('_', ' ')}).",
                explain_false=f"{name.replace('_', ' ').capitalize()} disqualifies under {citation}.",
                explain_unknown=f"Whether there was {name.replace('_', ' ')} is not known.",
                verified=True,
            )
            for name, citation in _EXCLUSIONS
        ),
        Criterion(
            id="not_role_and_cce",
            node=Not(_role_disqualifies(), citation="USSG 4C1.1(a)(10)"),
            citation="USSG 4C1.1(a)(10)",
            explain_true="The aggravating-role and continuing-criminal-enterprise condition is met.",
            explain_false="An aggravating role and/or a continuing criminal enterprise disqualifies "
            "under 4C1.1(a)(10) as in force on {as_of}.",
            explain_unknown="The role adjustment or continuing-criminal-enterprise facts are not known.",
            verified=True,
            note="Either disqualifies: the circuits' reading before 2024-11-01, the text after.",
        ),
    ),
    eligible_from=date("2023-11-01"),
    eligible_from_citation=A821,
    deadlines=(
        Deadline(
            id="earliest_order_effective",
            title="No reduction order may take effect before this day",
            node=date("2024-02-01"),
            citation="USSG 1B1.10(e)(2) (Amendment 825)",
            verified=True,
        ),
    ),
)

A782 = "USSG Amendment 782 (effective 2014-11-01); Amendment 788 (retroactivity)"

amendment_782 = Pathway(
    id="us.amendment_782",
    title="Amendment 782: drugs minus two (3582(c)(2))",
    jurisdiction="us",
    authority=COURT,
    kind=Kind.COURT_MOTION,
    citations=("18 U.S.C. 3582(c)(2)", A782, "USSG 1B1.10(d)"),
    effective_from=date("2014-11-01").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        *_federal_prisoner(A782),
        _sentenced_before("2014-11-01", A782),
        Criterion(
            id="drug_offense",
            node=ListHasAny(Fact("offense_categories"), Const(("drug",)), citation="USSG 2D1.1"),
            citation="USSG 2D1.1",
            explain_true="The offense is a drug offense sentenced under the drug guidelines.",
            explain_false="The offense is not a drug offense ({offense_categories}).",
            explain_unknown="The offense categories are not known.",
            verified=True,
        ),
        Criterion(
            id="range_lowered",
            node=is_true("sentencing_guideline_range_lowered", citation="USSG 1B1.10(a)(2)(B)"),
            citation="USSG 1B1.10(a)(2)(B)",
            explain_true="Amendment 782 lowers the applicable guideline range.",
            explain_false="Amendment 782 does not lower the applicable range (e.g. career offender or "
            "a mandatory minimum), so no reduction is authorised.",
            explain_unknown="Whether Amendment 782 lowers the range has not been computed.",
            verified=True,
        ),
    ),
    eligible_from=date("2014-11-01"),
    eligible_from_citation=A782,
    deadlines=(
        Deadline(
            id="earliest_release",
            title="No release under the reduction before this day",
            node=date("2015-11-01"),
            citation="USSG 1B1.10(e)(1) (Amendment 788)",
            verified=False,
        ),
    ),
)

FSA404 = "First Step Act of 2018, Pub. L. 115-391, sec. 404"

fsa_404 = Pathway(
    id="us.fsa_404",
    title="First Step Act sec. 404: retroactive Fair Sentencing Act for crack offenses",
    jurisdiction="us",
    authority="The sentencing court, on motion",
    kind=Kind.COURT_MOTION,
    citations=(
        FSA404,
        "Fair Sentencing Act of 2010, Pub. L. 111-220, secs. 2-3",
        "Terry v. United States, 593 U.S. 486 (2021)",
    ),
    effective_from=date("2018-12-21").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        Criterion(
            id="federal_sentence",
            node=federal_conviction(),
            citation=FSA404 + "(b)",
            explain_true="The sentence was imposed by a federal court.",
            explain_false="Sec. 404 reaches only federal sentences.",
            explain_unknown="Whether the sentence is federal is not known.",
            verified=True,
        ),
        Criterion(
            id="still_serving",
            node=any_of(in_custody_now(), is_true("on_supervision"), citation=FSA404 + "(b)"),
            citation=FSA404 + "(b)",
            explain_true="The person is still serving the sentence (prison or supervised release).",
            explain_false="The sentence has been fully served; there is nothing to reduce.",
            explain_unknown="Whether the person is still serving the sentence is not known.",
            verified=False,
        ),
        Criterion(
            id="covered_offense",
            node=all_of(
                is_true("crack_cocaine_offense"),
                ListHasAny(Fact("statutes"), param("us.fsa_404.covered_statutes"), match="section"),
                lt(Fact("offense_date"), date("2010-08-03")),
                citation=FSA404 + "(a); Fair Sentencing Act of 2010 secs. 2-3; Terry v. United States (2021)",
            ),
            citation=FSA404 + "(a)",
            explain_true="A covered offense: crack cocaine under a penalty the Fair Sentencing Act changed "
            "({statutes}), committed before 2010-08-03.",
            explain_false="Not a covered offense: it must be a crack offense under 21 U.S.C. 841(b)(1)(A) "
            "or (B), 960(b)(1)(C) or (2)(C), or possession under 844(a), committed before 2010-08-03.",
            explain_unknown="Whether the offense is covered depends on the statute, substance or offense "
            "date.",
            verified=True,
        ),
        Criterion(
            id="not_already_under_fsa",
            node=is_false("sentenced_under_fair_sentencing_act", citation=FSA404 + "(c)"),
            citation=FSA404 + "(c)",
            explain_true="The sentence was not imposed or reduced under the Fair Sentencing Act.",
            explain_false="The sentence was already imposed or reduced under the Fair Sentencing Act.",
            explain_unknown="Whether the Fair Sentencing Act already applied is not known.",
            verified=True,
        ),
        Criterion(
            id="no_prior_merits_denial",
            node=is_false("prior_404_motion_decided_on_merits", citation=FSA404 + "(c)"),
            citation=FSA404 + "(c)",
            explain_true="No earlier sec. 404 motion was denied after a complete review on the merits.",
            explain_false="An earlier sec. 404 motion was denied after a complete review on the merits.",
            explain_unknown="Whether an earlier sec. 404 motion was decided on the merits is not known.",
            verified=True,
        ),
    ),
)

PATHWAYS = (status_points, zero_point, amendment_782, fsa_404)
