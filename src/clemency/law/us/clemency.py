"""Federal executive clemency: the President's power (U.S. Const. art. II sec. 2 cl. 1) and the
Department of Justice's advisory rules, 28 C.F.R. part 1 (which bind nobody: 28 C.F.R. 1.11).

28 C.F.R. 1.2 (pardon), paraphrased: no petition for pardon should be filed until at least five
years after release from confinement or, where no prison sentence was imposed, five years after
conviction; generally no petition should be filed while on probation, parole or supervised release.
The Office of the Pardon Attorney counts from release on the most recent conviction and rarely
waives the period.

28 C.F.R. 1.3 (commutation), paraphrased: no petition for commutation should be filed if other
judicial or administrative relief is available, save in exceptional circumstances. OPA's
instructions add: federal or D.C. Superior Court convictions only; the person must have begun
serving the sentence; no appeal or other court challenge pending.

28 C.F.R. 1.10 (federal death sentences; rule effective 2000-08-02, 65 Fed. Reg. 48379, whose summary
was read: it "sets forth a deadline for filing a clemency request in a capital case"), paraphrased
from the project's reading (the operative text of 1.10 itself was not found in the sources at hand,
so the day counts stay unverified): the petition for reprieve or commutation should be filed within
30 days after the prisoner receives notice of the execution date from the Bureau of Prisons; papers
in support within 15 days after the petition is filed (later papers may be excluded); no petition
before the direct appeal and the first 2255 motion have ended. 28 C.F.R. 1.11: these rules are
advisory only. 28 C.F.R. 26.4(a) (read): the Warden notifies the prisoner of the execution date "at
least 20 days in advance", so 30 days after notice can fall after the execution: the rulebook puts
the petition due by the earlier of that day and the day before the execution, and once the
execution date has passed it asks whether the execution was stayed or reset.

The 2014 clemency initiative (announced by the Deputy Attorney General on 2014-04-23) gave
priority to people who met six factors: (1) serving a federal sentence and likely to receive a
substantially lower sentence today; (2) non-violent, low-level, without significant ties to
large-scale organisations, gangs or cartels; (3) at least 10 years served; (4) no significant
criminal history; (5) good conduct in prison; (6) no history of violence before or during the
current term. It ended with the administration on 2017-01-20.

Marijuana proclamations. Proclamation 10467 (2022-10-06) pardoned current U.S. citizens and lawful
permanent residents who committed or were convicted of simple possession of marijuana under
21 U.S.C. 844 (and earlier codifications) or D.C. Code 48-904.01(d)(1), on or before that date;
not non-citizens unlawfully present at the time of the offense; no other offense. Proclamation of
2023-12-22 (Proclamation 10688) added attempted simple possession (21 U.S.C. 846), D.C. Code
48-904.09, and federal regulations that prohibit only simple possession or use on federal property
or elsewhere, for conduct on or before 2023-12-22, charged or not. Neither reaches distribution,
possession with intent, conspiracy, driving offenses, possession in a correctional facility or
military offenses. OPA issues certificates of pardon on application.
"""

from __future__ import annotations

from clemency.law.common import (
    CUSTODIAL_SENTENCES,
    date,
    date_years_served,
    due_before_execution,
    federal_conviction,
    in_custody_now,
    param,
    unless_execution_passed,
)
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.tree import (
    AddDays,
    AddYears,
    AsOf,
    Const,
    Fact,
    If,
    IsIn,
    Latest,
    ListHasAny,
    ListOnly,
    Node,
    Unless,
    all_of,
    any_of,
    eq,
    ge,
    is_false,
    is_true,
    le,
    lt,
)

PRESIDENT = "The President of the United States (advised by the DOJ Office of the Pardon Attorney)"
PARDON_POWER = "U.S. Const. art. II, sec. 2, cl. 1"
P10467 = "Proclamation 10467, 87 Fed. Reg. 61441 (Oct. 12, 2022)"
P10688 = "Proclamation 10688, 88 Fed. Reg. 90083 (Dec. 29, 2023)"


def _federal_or_dc(citation: str) -> Criterion:
    return Criterion(
        id="federal_or_dc_conviction",
        node=IsIn(Fact("court_system"), ("federal", "dc_superior"), citation=citation),
        citation=citation,
        explain_true="The conviction is federal or from D.C. Superior Court, within the President's power.",
        explain_false="The conviction is from a state court ({court_system}); the President cannot "
        "grant clemency for it.",
        explain_unknown="Which court system entered the conviction is not known.",
        verified=True,
    )


commutation = Pathway(
    id="us.commutation",
    title="Presidential commutation of sentence",
    jurisdiction="us",
    authority=PRESIDENT,
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(PARDON_POWER, "28 C.F.R. 1.1", "28 C.F.R. 1.3", "BOP Program Statement 1330.15"),
    effective_from=date("1993-10-18").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        _federal_or_dc("28 C.F.R. 1.1; OPA commutation instructions"),
        Criterion(
            id="serving_sentence_or_owing_fine",
            node=any_of(
                in_custody_now(citation="OPA commutation instructions"),
                is_true("unpaid_fine_or_restitution", citation="28 C.F.R. 1.1; OPA commutation instructions"),
                citation="28 C.F.R. 1.1, 1.3; OPA commutation instructions",
            ),
            citation="28 C.F.R. 1.1, 1.3; OPA commutation instructions",
            explain_true="The person is serving the sentence on {as_of}, or owes a fine or restitution "
            "that a commutation can remit (no custody needed for that).",
            explain_false="The person is not serving a sentence of imprisonment on {as_of} and owes no fine "
            "or restitution to remit; a pardon, not a commutation, is the relief to consider.",
            explain_unknown="Whether the person is serving the sentence on {as_of}, or owes a fine or "
            "restitution to remit, is not known.",
            verified=True,
            note="28 C.F.R. 1.1 lists 'remission of fine' beside commutation; OPA's commutation instructions "
            "(read in a 2007 copy) include remitting 'a fine or restitution order that has not already been "
            "paid'. Service having begun is OPA's requirement for a reduction of a prison term.",
        ),
        Criterion(
            id="no_other_relief_pending",
            node=is_false("pending_appeal", citation="28 C.F.R. 1.3"),
            citation="28 C.F.R. 1.3",
            explain_true="No appeal or other court challenge is pending.",
            explain_false="An appeal or court challenge is pending; 28 C.F.R. 1.3 asks that other "
            "relief be pursued first save in exceptional circumstances.",
            explain_unknown="Whether an appeal or court challenge is pending is not known.",
            verified=False,
            note="OPA's instructions ('completion of court challenges') read; 1.3's own text not read.",
        ),
    ),
    documents=("Commutation petition (OPA form)", "Judgment and commitment order", "Prison records"),
    notes="Petitions from prisoners go through the warden (BOP Program Statement 1330.15) or by e-mail to "
    "OPA.",
)

_INITIATIVE = "DOJ clemency initiative, Deputy Attorney General James Cole, announced 2014-04-23"

initiative_2014 = Pathway(
    id="us.commutation.initiative_2014",
    title="The 2014 clemency initiative (six factors)",
    jurisdiction="us",
    authority=PRESIDENT,
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(PARDON_POWER, _INITIATIVE, "28 C.F.R. 1.3"),
    effective_from=date("2014-04-23").value,
    effective_to=date("2017-01-20").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        Criterion(
            id="initiative_open",
            node=all_of(ge(AsOf(), date("2014-04-23")), lt(AsOf(), date("2017-01-20")), citation=_INITIATIVE),
            citation=_INITIATIVE,
            explain_true="The initiative was accepting petitions on {as_of}.",
            explain_false="The initiative ran from 2014-04-23 until 2017-01-20; it was not open on {as_of}.",
            explain_unknown="Whether the initiative was open is not known.",
            verified=False,
        ),
        Criterion(
            id="federal_prisoner",
            node=all_of(federal_conviction(), in_custody_now(), citation=_INITIATIVE + ", factor 1"),
            citation=_INITIATIVE + ", factor 1",
            explain_true="The person is serving a federal sentence of imprisonment.",
            explain_false="The person is not serving a federal prison sentence.",
            explain_unknown="Whether the person is serving a federal prison sentence is not known.",
            verified=False,
        ),
        Criterion(
            id="lower_sentence_today",
            node=is_true("likely_lower_sentence_today", citation=_INITIATIVE + ", factor 1"),
            citation=_INITIATIVE + ", factor 1",
            explain_true="The person would likely receive a substantially lower sentence today.",
            explain_false="The person would not likely receive a substantially lower sentence today.",
            explain_unknown="Whether the sentence would be substantially lower today is not assessed.",
            verified=False,
        ),
        Criterion(
            id="non_violent_low_level",
            node=Unless(
                is_false("violence_in_offense"),
                any_of(is_true("aggravating_role"), is_true("ties_to_large_scale_organization")),
                citation=_INITIATIVE + ", factor 2",
            ),
            citation=_INITIATIVE + ", factor 2",
            explain_true="A non-violent, low-level offender without significant ties to large-scale "
            "organisations, gangs or cartels.",
            explain_false="Violence, an aggravating role, or ties to a large-scale organisation rule out "
            "factor 2.",
            explain_unknown="Violence, role, or organisational ties are not yet known.",
            verified=False,
            note="'Low-level' is read as no aggravating-role adjustment (USSG 3B1.1): an interpretation.",
        ),
        Criterion(
            id="no_significant_criminal_history",
            node=is_false("significant_criminal_history", citation=_INITIATIVE + ", factor 4"),
            citation=_INITIATIVE + ", factor 4",
            explain_true="No significant criminal history.",
            explain_false="A significant criminal history rules out factor 4.",
            explain_unknown="Whether the criminal history is significant is not yet assessed.",
            verified=False,
        ),
        Criterion(
            id="good_conduct",
            node=If(
                eq(Fact("disciplinary_reports_last_5_years"), 0),
                Const(True),
                Const(None),
                citation=_INITIATIVE + ", factor 5",
            ),
            citation=_INITIATIVE + ", factor 5",
            explain_true="No disciplinary reports in the last five years: good conduct in prison.",
            explain_false="(Never false: reports make this a question for counsel, not a bar.)",
            explain_unknown="Good conduct needs judgment: {disciplinary_reports_last_5_years} disciplinary "
            "reports in the last five years (or the number is unknown).",
            verified=False,
            note="The initiative named no number; any report, or an unknown record, is left to counsel.",
        ),
        Criterion(
            id="no_history_of_violence",
            node=is_false("history_of_violence", citation=_INITIATIVE + ", factor 6"),
            citation=_INITIATIVE + ", factor 6",
            explain_true="No history of violence before or during the current term.",
            explain_false="A history of violence rules out factor 6.",
            explain_unknown="Whether there is a history of violence is not known.",
            verified=False,
        ),
    ),
    eligible_from=date_years_served(
        param("us.commutation.initiative_2014.min_years_served"), citation=_INITIATIVE + ", factor 3"
    ),
    eligible_from_citation=_INITIATIVE + ", factor 3: at least 10 years served (jail credit counted)",
    notes="Historical: Clemency Project 2014 screened requests until 2015-10-19; 1,696 commutations "
    "were granted under the initiative (USSC, 2017).",
)

_PARDON_WAITING_PERIOD = If(
    IsIn(Fact("sentence_type"), CUSTODIAL_SENTENCES),
    AddYears(Fact("release_date"), param("us.pardon.waiting_period_years")),
    AddYears(Fact("conviction_date"), param("us.pardon.waiting_period_years")),
    citation="28 C.F.R. 1.2",
)

pardon = Pathway(
    id="us.pardon",
    title="Presidential pardon after completion of sentence",
    jurisdiction="us",
    authority=PRESIDENT,
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(PARDON_POWER, "28 C.F.R. 1.2"),
    effective_from=date("1993-10-18").value,
    law=__doc__ or "",
    verified=True,
    criteria=(_federal_or_dc("28 C.F.R. 1.1; OPA pardon instructions"),),
    eligible_from=If(
        is_true("on_supervision"),
        Latest((_PARDON_WAITING_PERIOD, Fact("supervision_end_date"))),
        _PARDON_WAITING_PERIOD,
        citation="28 C.F.R. 1.2",
    ),
    eligible_from_citation="28 C.F.R. 1.2: five years after release from confinement, or after conviction "
    "where no prison sentence was imposed; and, generally, not while on probation, parole or supervised "
    "release (so not before it ends)",
    documents=("Pardon petition (OPA form)", "Three character affidavits", "Credit and court records"),
    notes="OPA counts from release on the most recent conviction (release_date should be that one) and "
    "from sentencing where no prison term was imposed; waivers are rare.",
)


def _marijuana_scope(
    proclamation: str, date_text: str, statutes: Node, conducts: tuple[str, ...], status_fact: str
) -> Node:
    return all_of(
        ge(AsOf(), date(date_text), citation=proclamation),
        is_true(status_fact, citation=proclamation + " ('current' citizens and residents)"),
        statutes,
        IsIn(Fact("marijuana_offense_conduct"), conducts, citation=proclamation),
        ListOnly(Fact("controlled_substances"), Const(("marijuana",)), citation=proclamation),
        le(Fact("offense_date"), date(date_text), citation=proclamation),
        citation=proclamation,
    )


def _statutes_2023() -> Node:
    """A listed statute or regulation. The proclamation also reaches regulations not on this list
    (it names examples only); telling them apart needs the regulation's text, so an unlisted one
    answers False here and the pathway's note sends counsel to check (not yet a question: the
    tree has no test for "a C.F.R. citation" that would keep unrelated convictions decided)."""
    return ListHasAny(
        Fact("statutes"), param("us.marijuana_pardon.statutes_2023"), match="section", citation=P10688
    )


marijuana_pardon = Pathway(
    id="us.marijuana_pardon",
    title="Marijuana simple-possession pardon (certificate of pardon)",
    jurisdiction="us",
    authority="The President (categorical pardon); the Office of the Pardon Attorney issues certificates",
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(PARDON_POWER, P10467, P10688),
    effective_from=date("2022-10-06").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        _federal_or_dc(P10467),
        Criterion(
            id="lawfully_present_at_offense",
            node=is_true("lawfully_present_at_offense", citation=P10467),
            citation=P10467,
            explain_true="The person was lawfully present in the United States at the time of the offense.",
            explain_false="Non-citizens not lawfully present at the time of the offense are excluded.",
            explain_unknown="Whether the person was lawfully present at the offense is not known.",
            verified=True,
        ),
        Criterion(
            id="covered_offense",
            node=any_of(
                _marijuana_scope(
                    P10467,
                    "2022-10-06",
                    ListHasAny(
                        Fact("statutes"),
                        param("us.marijuana_pardon.statutes_2022"),
                        match="section",
                        citation=P10467,
                    ),
                    ("simple_possession",),
                    "citizen_or_resident_on_2022_10_06",
                ),
                _marijuana_scope(
                    P10688,
                    "2023-12-22",
                    _statutes_2023(),
                    ("simple_possession", "attempted_simple_possession", "use_or_possession_regulation"),
                    "citizen_or_resident_on_2023_12_22",
                ),
            ),
            citation=f"{P10467}; {P10688}",
            explain_true="The offense ({statutes}, {marijuana_offense_conduct}, on {offense_date}) is within "
            "a marijuana proclamation's scope, and the person was a citizen or lawful permanent resident on "
            "that proclamation's date.",
            explain_false="The offense is outside both proclamations: they reach only simple possession "
            "(and, from 2023-12-22, attempt and use) of marijuana alone, committed on or before their dates.",
            explain_unknown="Whether the offense is covered depends on facts not yet known (statute, "
            "conduct, substance, offense date, or citizenship or residence on the proclamation's date); a "
            "federal regulation not on the list of examples needs a lawyer's reading of the 2023 "
            "proclamation.",
            verified=True,
        ),
    ),
    documents=(
        "Certificate application (OPA online form)",
        "Proof of citizenship or residence",
        "Charging document or judgment",
    ),
    notes="Federal Register page citations of both proclamations are not verified. The pardon is "
    "self-executing; the certificate is proof of it. Citizenship or permanent residence counts on the "
    "proclamation's date ('current'), not on the screening date. The regulation list for 2023 is not "
    "exhaustive: for a regulation not on the list, counsel must read the proclamation (the rulebook "
    "answers from its list only).",
)

_PETITION_RULE_DAY = AddDays(
    Fact("execution_notice_date"),
    param("us.death_clemency.petition_days_after_notice"),
    citation="28 C.F.R. 1.10(b)",
)
_PETITION_DUE = due_before_execution(_PETITION_RULE_DAY, citation="28 C.F.R. 26.4(a)")
_PAPERS_RULE_DAY = AddDays(
    Fact("clemency_petition_filed_date"),
    param("us.death_clemency.papers_days_after_petition"),
    citation="28 C.F.R. 1.10(b)",
)

death_clemency = Pathway(
    id="us.death_clemency",
    title="Federal death sentence: reprieve or commutation",
    jurisdiction="us",
    authority=PRESIDENT,
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(PARDON_POWER, "28 C.F.R. 1.10", "28 C.F.R. 26.4(a)", "65 Fed. Reg. 48379 (Aug. 8, 2000)"),
    effective_from=date("2000-08-02").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        Criterion(
            id="federal_court",
            node=IsIn(Fact("court_system"), ("federal",), citation="28 C.F.R. 1.10"),
            citation="28 C.F.R. 1.10",
            explain_true="The death sentence was imposed by a United States District Court.",
            explain_false="28 C.F.R. 1.10 covers only death sentences imposed by a United States District "
            "Court.",
            explain_unknown="Which court imposed the sentence is not known.",
            verified=True,
        ),
        Criterion(
            id="death_sentence",
            node=eq(Fact("sentence_type"), "death", citation="28 C.F.R. 1.10"),
            citation="28 C.F.R. 1.10",
            explain_true="The person is under a sentence of death.",
            explain_false="The person is not under a sentence of death ({sentence_type}).",
            explain_unknown="Whether the sentence is death is not known.",
            verified=True,
        ),
        Criterion(
            id="execution_date_ahead",
            node=unless_execution_passed(Const(True), citation="28 C.F.R. 26.4(a)"),
            citation="28 C.F.R. 26.4(a)",
            explain_true="The execution is set for {execution_date}, after {as_of}.",
            explain_false="(Never false.)",
            explain_unknown="The execution date recorded ({execution_date}) is not after {as_of}, or none is "
            "recorded: was the execution stayed or reset? Record the current execution date.",
            verified=True,
        ),
        Criterion(
            id="petition_timely",
            node=If(le(AsOf(), _PETITION_DUE), Const(True), Const(None), citation="28 C.F.R. 1.10(b)"),
            citation="28 C.F.R. 1.10(b)",
            explain_true="On {as_of} the petition can still be filed in time (notice received "
            "{execution_notice_date}, execution set for {execution_date}).",
            explain_false="(Never false: the rule is advisory, 28 C.F.R. 1.11.)",
            explain_unknown="The petition deadline has passed, or it cannot be computed without the date "
            "notice of the execution date was received ({execution_notice_date}) and the execution date "
            "({execution_date}); the rule is advisory (28 C.F.R. 1.11), so counsel may still file.",
            verified=False,
            note="The 30-day count is from the project's reading of 1.10(b), not its text.",
        ),
    ),
    deadlines=(
        Deadline(
            id="petition_due",
            title="Clemency petition due (30 days after notice, and before the execution)",
            node=_PETITION_DUE,
            rule_day=_PETITION_RULE_DAY,
            citation="28 C.F.R. 1.10(b)",
            verified=False,
        ),
        Deadline(
            id="supporting_papers_due",
            title="Supporting papers due (15 days after the petition is filed, and before the execution)",
            node=due_before_execution(_PAPERS_RULE_DAY, citation="28 C.F.R. 1.10(b)"),
            rule_day=_PAPERS_RULE_DAY,
            citation="28 C.F.R. 1.10(b)",
            verified=False,
        ),
    ),
    notes="No petition before the direct appeal and the first 2255 motion have ended (1.10(b)); counsel may "
    "ask for an oral presentation to the Pardon Attorney (1.10(c)).",
)

PATHWAYS = (commutation, initiative_2014, pardon, marijuana_pardon, death_clemency)
