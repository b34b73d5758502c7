"""California: executive clemency, and the parole-eligibility rules clemency advocates use beside it.

Cal. Const. art. V, sec. 8(a) (read as quoted in the California Supreme Court's administrative order
of 2018-03-28 on requests for clemency recommendations), paraphrased: subject to application
procedures provided by statute, the Governor, on conditions the Governor deems proper, may grant a
reprieve, pardon and commutation after sentence, except in case of impeachment; but may not grant a
pardon or commutation to a person twice convicted of a felony except on the recommendation of the
Supreme Court, four judges concurring. The recommendation is a step after the application, not a
condition of applying: a twice-convicted person applies like anyone else, and the application goes
to the Supreme Court for its recommendation (Penal Code 4800-4813: through the Board of Parole
Hearings, 4802, 4813; the district attorney gets notice, 4804-4805). So the rulebook never answers
INELIGIBLE for want of a recommendation; it shows the extra step.

"Non-serious, non-violent, non-sex" (realignment, Penal Code 1170(h)(3), operative 2011-10-01): a
felony that is not a serious felony under 1192.7(c), not a violent felony under 667.5(c), and that
does not require registration under 290. The rulebook keeps it as a classification other rules use.

Elderly Parole Program, Penal Code 3055 (paraphrased): the Board of Parole Hearings reviews the
parole suitability of a person 50 or older who has served at least 20 years of continuous
incarceration on the current sentence. Not for people sentenced to death or to life without parole;
people sentenced under the Three Strikes law or convicted of first-degree murder of a peace officer
are excluded by statute but may qualify at 60 years of age and 25 years served under the Plata court
order.

Youth offender parole, Penal Code 3051 (paraphrased): a person whose controlling offense was
committed at 25 or younger gets a youth offender parole hearing during the 15th year of incarceration
(determinate sentence), the 20th year (life term under 25 years to life) or the 25th year (25 years
to life; and life without parole for an offense committed before 18). Excluded (3051(h)): Three
Strikes sentences, life without parole for an offense committed at 18 or older, and people who after
turning 26 committed another crime with malice aforethought as an element or received a life term.
"""

from __future__ import annotations

from clemency.law.common import credited_start, date, in_custody_now, param
from clemency.law.pathway import Criterion, Kind, Pathway
from clemency.law.tree import (
    AddYears,
    Const,
    Fact,
    If,
    IsIn,
    Not,
    Sub,
    any_of,
    eq,
    is_false,
    is_true,
    latest,
    le,
    lt,
)

ART_V_8 = "Cal. Const. art. V, sec. 8(a)"
GOVERNOR = "The Governor of California (applications through the Board of Parole Hearings)"
BPH = "The Board of Parole Hearings"


def _california(citation: str) -> Criterion:
    return Criterion(
        id="california_conviction",
        node=eq(Fact("jurisdiction"), "us-ca", citation=citation),
        citation=citation,
        explain_true="The conviction is from a California court.",
        explain_false="The conviction is not from California ({jurisdiction}).",
        explain_unknown="The convicting jurisdiction is not known.",
        verified=True,
    )


clemency = Pathway(
    id="us-ca.clemency",
    title="California pardon or commutation by the Governor",
    jurisdiction="us-ca",
    authority=GOVERNOR,
    kind=Kind.EXECUTIVE_CLEMENCY,
    citations=(ART_V_8, "Cal. Penal Code 4800-4813"),
    effective_from=date("1879-05-07").value,
    law=__doc__ or "",
    verified=True,
    criteria=(_california(ART_V_8),),
    eligible_from=Fact("sentence_date", citation=ART_V_8),
    eligible_from_citation=ART_V_8 + ": clemency is granted after sentence",
    documents=(
        "Application for pardon or commutation (Governor's form)",
        "Notice to the district attorney (Penal Code 4804)",
    ),
    notes="A person twice convicted of a felony may apply: the application goes through the Board of "
    "Parole Hearings to the Supreme Court, and the Governor may grant only on its recommendation, four "
    "justices concurring (art. V, sec. 8(a); Penal Code 4802, 4813). The constitution's twice-convicted "
    "limit dates from 1879; forms change.",
)

nsnvns = Pathway(
    id="us-ca.non_serious_non_violent_non_sex",
    title="California 'non-serious, non-violent, non-sex' classification",
    jurisdiction="us-ca",
    authority="Classification (used by courts, CDCR and other rules)",
    kind=Kind.CLASSIFICATION,
    citations=(
        "Cal. Penal Code 1170(h)(3)",
        "Cal. Penal Code 1192.7(c)",
        "Cal. Penal Code 667.5(c)",
        "Cal. Penal Code 290",
    ),
    effective_from=date("2011-10-01").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        _california("Cal. Penal Code 1170(h)(3)"),
        Criterion(
            id="not_serious",
            node=is_false("serious_felony_1192_7", citation="Cal. Penal Code 1192.7(c)"),
            citation="Cal. Penal Code 1192.7(c)",
            explain_true="No current conviction is a serious felony under 1192.7(c).",
            explain_false="A current conviction is a serious felony under 1192.7(c).",
            explain_unknown="Whether a conviction is a serious felony under 1192.7(c) is not known.",
        ),
        Criterion(
            id="not_violent",
            node=is_false("violent_felony_667_5", citation="Cal. Penal Code 667.5(c)"),
            citation="Cal. Penal Code 667.5(c)",
            explain_true="No current conviction is a violent felony under 667.5(c).",
            explain_false="A current conviction is a violent felony under 667.5(c).",
            explain_unknown="Whether a conviction is a violent felony under 667.5(c) is not known.",
        ),
        Criterion(
            id="not_sex_registrant",
            node=is_false("requires_290_registration", citation="Cal. Penal Code 290"),
            citation="Cal. Penal Code 290",
            explain_true="No duty to register under Penal Code 290.",
            explain_false="The person must register under Penal Code 290.",
            explain_unknown="Whether the person must register under Penal Code 290 is not known.",
        ),
    ),
    notes="1170(h)(3) also looks at prior serious or violent felonies; not modelled here.",
)

_excluded_by_statute = any_of(is_true("three_strikes_sentence"), is_true("killed_peace_officer_first_degree"))

elderly_parole = Pathway(
    id="us-ca.elderly_parole",
    title="California Elderly Parole Program hearing",
    jurisdiction="us-ca",
    authority=BPH,
    kind=Kind.ADMINISTRATIVE,
    citations=("Cal. Penal Code 3055", "Plata v. Newsom, No. C01-1351 (N.D. Cal.)"),
    effective_from=date("2018-01-01").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        _california("Cal. Penal Code 3055"),
        Criterion(
            id="in_prison",
            node=in_custody_now(citation="Cal. Penal Code 3055(a)"),
            citation="Cal. Penal Code 3055(a)",
            explain_true="The person is serving the sentence on {as_of}.",
            explain_false="The person is not in custody on {as_of}.",
            explain_unknown="Whether the person is in custody on {as_of} is not known.",
            verified=True,
        ),
        Criterion(
            id="not_death_or_lwop",
            node=Not(
                IsIn(Fact("sentence_type"), ("death", "life_without_parole")), citation="Cal. Penal Code 3055"
            ),
            citation="Cal. Penal Code 3055",
            explain_true="The sentence is neither death nor life without parole.",
            explain_false="People sentenced to death or life without parole are excluded.",
            explain_unknown="The sentence type is not known.",
            verified=False,
        ),
    ),
    eligible_from=If(
        _excluded_by_statute,
        latest(
            AddYears(Fact("birth_date"), param("us-ca.elderly_parole.court_order_min_age_years")),
            AddYears(credited_start(), param("us-ca.elderly_parole.court_order_min_years_served")),
        ),
        latest(
            AddYears(Fact("birth_date"), param("us-ca.elderly_parole.min_age_years")),
            AddYears(credited_start(), param("us-ca.elderly_parole.min_years_served")),
        ),
        citation="Cal. Penal Code 3055(a); Plata court order",
    ),
    eligible_from_citation="Cal. Penal Code 3055(a): the later of the 50th birthday and 20 years of "
    "continuous "
    "incarceration (60 and 25 for Three Strikes and peace-officer-murder cases, under the Plata order); "
    "thresholds in force on the as-of date",
    notes="Jail credit is counted as incarceration (3055(a)(2) includes county jail).",
)

_HEARING_YEAR = If(
    eq(Fact("ca_controlling_offense_sentence"), "determinate"),
    param("us-ca.youth_offender_parole.hearing_year_determinate"),
    If(
        eq(Fact("ca_controlling_offense_sentence"), "life_under_25_to_life"),
        param("us-ca.youth_offender_parole.hearing_year_life_under_25"),
        param("us-ca.youth_offender_parole.hearing_year_life_25"),
    ),
    citation="Cal. Penal Code 3051(b)",
)

youth_offender_parole = Pathway(
    id="us-ca.youth_offender_parole",
    title="California youth offender parole hearing",
    jurisdiction="us-ca",
    authority=BPH,
    kind=Kind.ADMINISTRATIVE,
    citations=("Cal. Penal Code 3051", "Cal. Penal Code 4801(c)"),
    effective_from=date("2014-01-01").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        _california("Cal. Penal Code 3051"),
        Criterion(
            id="in_prison",
            node=in_custody_now(citation="Cal. Penal Code 3051(a)"),
            citation="Cal. Penal Code 3051(a)",
            explain_true="The person is in state prison on {as_of}.",
            explain_false="The person is not in custody on {as_of}.",
            explain_unknown="Whether the person is in custody on {as_of} is not known.",
            verified=True,
        ),
        Criterion(
            id="youth_at_offense",
            node=le(
                Fact("age_at_offense_years"),
                param("us-ca.youth_offender_parole.max_age_at_offense_years"),
                citation="Cal. Penal Code 3051(a)(1)",
            ),
            citation="Cal. Penal Code 3051(a)(1)",
            explain_true="The person was {age_at_offense_years} at the controlling offense: young enough.",
            explain_false="The person was {age_at_offense_years} at the controlling offense, older than the "
            "age limit in force on {as_of}.",
            explain_unknown="The person's age at the controlling offense is not known.",
            verified=True,
        ),
        Criterion(
            id="not_three_strikes",
            node=is_false("three_strikes_sentence", citation="Cal. Penal Code 3051(h)"),
            citation="Cal. Penal Code 3051(h)",
            explain_true="The controlling offense was not sentenced under the Three Strikes law.",
            explain_false="Three Strikes sentences are excluded.",
            explain_unknown="Whether the sentence is a Three Strikes sentence is not known.",
            verified=True,
        ),
        Criterion(
            id="lwop_only_if_juvenile",
            node=If(
                eq(Fact("ca_controlling_offense_sentence"), "life_without_parole"),
                lt(Fact("age_at_offense_years"), 18),
                Const(True),
                citation="Cal. Penal Code 3051(b)(4), (h)",
            ),
            citation="Cal. Penal Code 3051(b)(4), (h)",
            explain_true="The sentence is not life without parole, or the offense was committed before 18.",
            explain_false="Life without parole for an offense committed at 18 or older is excluded.",
            explain_unknown="The controlling sentence or the age at the offense is not known.",
            verified=True,
        ),
        Criterion(
            id="no_later_malice_offense",
            node=is_false("offense_after_age_26_with_malice", citation="Cal. Penal Code 3051(h)"),
            citation="Cal. Penal Code 3051(h)",
            explain_true="No later offense after 26 with malice aforethought as an element.",
            explain_false="A later offense after 26 with malice aforethought excludes the person.",
            explain_unknown="Whether there was a later offense after 26 with malice aforethought is not "
            "known.",
            verified=True,
        ),
    ),
    eligible_from=AddYears(
        credited_start(), Sub(_HEARING_YEAR, Const(1)), citation="Cal. Penal Code 3051(b)"
    ),
    eligible_from_citation="Cal. Penal Code 3051(b): the start of the 15th, 20th or 25th year of "
    "incarceration",
    notes="The hearing is held during that year: the rulebook dates eligibility from its first day.",
)

PATHWAYS = (clemency, nsnvns, elderly_parole, youth_offender_parole)
