"""Federal compassionate release: 18 U.S.C. 3582(c)(1)(A) and USSG 1B1.13.

The statute (paraphrased). On motion of the Director of the Bureau of Prisons, or of the defendant
after fully exhausting administrative appeals of the Bureau's failure to bring a motion or after 30
days from the warden's receipt of a request, whichever is earlier, the court may reduce a term of
imprisonment after considering 18 U.S.C. 3553(a) if (i) extraordinary and compelling reasons
warrant it, or (ii) the defendant is at least 70 years old, has served at least 30 years in prison
under a sentence imposed under 18 U.S.C. 3559(c), and the BOP Director has determined the
defendant is not a danger to any person or the community; and the reduction is consistent with
the Sentencing Commission's policy statements. (First Step Act of 2018 sec. 603(b) let the
defendant bring the motion.)

The policy statement, USSG 1B1.13(b) as amended by Amendment 814 (effective 2023-11-01), lists
extraordinary and compelling reasons, among them:
(1) medical circumstances: a terminal illness; a serious physical or medical condition, functional
    or cognitive impairment, or age-related deterioration that substantially diminishes the
    ability to provide self-care in prison, without expected recovery; a need for long-term or
    specialised care that is not being provided, at risk of serious deterioration or death;
(2) age: at least 65 years old, a serious deterioration in physical or mental health because of
    the aging process, and at least 10 years or 75 percent of the term served, whichever is less;
(3) family circumstances: the death or incapacitation of the caregiver of a minor child (or of an
    adult child incapable of self-care); the incapacitation of a spouse, registered partner or
    parent where the defendant would be the only available caregiver;
(6) unusually long sentence: a defendant who received an unusually long sentence and has served at
    least 10 years, where a change in law (other than a non-retroactive Guidelines amendment)
    produces a gross disparity with the sentence likely imposed today, after full consideration of
    individual circumstances. The unusually long sentence is an element of its own.

What the rulebook does not decide: the court's 3553(a) weighing and 1B1.13(a)(2)'s finding that
the defendant is not a danger; reasons (b)(1)(D) (outbreaks), (b)(4) (abuse in custody) and (b)(5)
(other reasons) are left to counsel. Some courts of appeals have held (b)(6) invalid: check the
circuit before relying on it.
"""

from __future__ import annotations

from clemency.law.common import (
    credited_start,
    date,
    date_lesser_of_years_or_percent,
    date_years_served,
    federal_conviction,
    in_custody_now,
    param,
)
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.tree import AddDays, AddYears, AsOf, Fact, any_of, ge, is_true, latest, le

STATUTE = "18 U.S.C. 3582(c)(1)(A)"
FSA603 = "First Step Act of 2018, Pub. L. 115-391, sec. 603(b)"
POLICY = "USSG 1B1.13 (Amendment 814, effective 2023-11-01)"
AUTHORITY = "The sentencing court (on the defendant's motion or the BOP Director's)"


def _federal_prisoner() -> tuple[Criterion, ...]:
    return (
        Criterion(
            id="federal_sentence",
            node=federal_conviction(),
            citation=STATUTE,
            explain_true="The sentence was imposed by a federal court, so 3582(c)(1)(A) applies.",
            explain_false="The sentence is not federal ({court_system}); 3582(c)(1)(A) reaches only federal "
            "terms.",
            explain_unknown="It is not known whether the sentence is federal.",
            verified=True,
        ),
        Criterion(
            id="in_custody",
            node=in_custody_now(citation=STATUTE),
            citation=STATUTE,
            explain_true="The person is serving a term of imprisonment on {as_of}.",
            explain_false="The person is not serving a term of imprisonment on {as_of}; there is no term to "
            "reduce.",
            explain_unknown="Whether the person is in custody on {as_of} is not known "
            "(custody start, sentence type or release date missing).",
            verified=True,
        ),
        Criterion(
            id="defendant_may_move",
            node=ge(AsOf(), date("2018-12-21"), citation=FSA603),
            citation=FSA603,
            explain_true="On {as_of} the defendant may bring the motion (First Step Act sec. 603(b), in "
            "force from 2018-12-21).",
            explain_false="On {as_of} only the Director of the Bureau of Prisons could move for a reduction: "
            "the defendant's own motion came with the First Step Act, sec. 603(b), on 2018-12-21.",
            explain_unknown="(Never unknown: it depends on the date only.)",
            verified=True,
        ),
    )


medical = Pathway(
    id="us.compassionate_release.medical",
    title="Compassionate release: medical circumstances",
    jurisdiction="us",
    authority=AUTHORITY,
    kind=Kind.COURT_MOTION,
    citations=(STATUTE + "(i)", "USSG 1B1.13(b)(1)"),
    effective_from=date("2023-11-01").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        *_federal_prisoner(),
        Criterion(
            id="medical_reason",
            node=any_of(
                is_true("terminal_illness", citation="USSG 1B1.13(b)(1)(A)"),
                is_true("serious_condition_diminishing_self_care", citation="USSG 1B1.13(b)(1)(B)"),
                is_true("specialized_care_not_provided", citation="USSG 1B1.13(b)(1)(C)"),
            ),
            citation="USSG 1B1.13(b)(1)",
            explain_true="A medical circumstance listed in 1B1.13(b)(1) is present.",
            explain_false="None of the medical circumstances in 1B1.13(b)(1)(A)-(C) is present.",
            explain_unknown="Whether a 1B1.13(b)(1) medical circumstance is present is not yet known.",
            verified=True,
        ),
    ),
    documents=("Medical records", "Request to the warden and any response"),
    notes="(b)(1)(D), an outbreak or public-health emergency, is not encoded.",
)

age = Pathway(
    id="us.compassionate_release.age",
    title="Compassionate release: age of the defendant (65, ageing, 10 years or 75%)",
    jurisdiction="us",
    authority=AUTHORITY,
    kind=Kind.COURT_MOTION,
    citations=(STATUTE + "(i)", "USSG 1B1.13(b)(2)"),
    effective_from=date("2023-11-01").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        *_federal_prisoner(),
        Criterion(
            id="aging_deterioration",
            node=is_true("serious_health_deterioration_from_aging", citation="USSG 1B1.13(b)(2)(B)"),
            citation="USSG 1B1.13(b)(2)(B)",
            explain_true="The person is experiencing a serious deterioration in health because of aging.",
            explain_false="No serious deterioration in health because of aging is reported.",
            explain_unknown="Whether the person's health is seriously deteriorating because of aging is not "
            "known.",
            verified=True,
        ),
    ),
    eligible_from=latest(
        AddYears(
            Fact("birth_date"),
            param("us.compassionate_release.age.min_age_years"),
            citation="USSG 1B1.13(b)(2)(A)",
        ),
        date_lesser_of_years_or_percent(
            param("us.compassionate_release.age.min_years_served"),
            param("us.compassionate_release.age.min_percent_served"),
        ),
        date("2023-11-01"),
        citation="USSG 1B1.13(b)(2)(A), (C)",
    ),
    eligible_from_citation="USSG 1B1.13(b)(2)(A), (C): the later of the 65th birthday and the day the lesser "
    "of 10 years or 75% of the term is served (jail credit counted)",
    documents=("Medical records showing age-related decline", "Sentence computation (BOP)"),
)

age70 = Pathway(
    id="us.compassionate_release.age70",
    title="Sentence reduction at 70 after 30 years under 3559(c)",
    jurisdiction="us",
    authority=AUTHORITY,
    kind=Kind.COURT_MOTION,
    citations=(STATUTE + "(ii)", "18 U.S.C. 3559(c)"),
    effective_from=date("2018-12-21").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        *_federal_prisoner(),
        Criterion(
            id="sentence_under_3559c",
            node=is_true("sentence_under_3559c", citation=STATUTE + "(ii)"),
            citation=STATUTE + "(ii)",
            explain_true="The sentence was imposed under 18 U.S.C. 3559(c).",
            explain_false="The sentence was not imposed under 18 U.S.C. 3559(c), which track (ii) requires.",
            explain_unknown="Whether the sentence was imposed under 18 U.S.C. 3559(c) is not known.",
            verified=True,
        ),
        Criterion(
            id="bop_not_a_danger",
            node=is_true("bop_determined_not_a_danger", citation=STATUTE + "(ii)"),
            citation=STATUTE + "(ii)",
            explain_true="The BOP Director has determined the person is not a danger to the community.",
            explain_false="The BOP Director has not determined that the person is not a danger.",
            explain_unknown="Whether the BOP Director has made the no-danger determination is not known.",
            verified=False,
        ),
    ),
    eligible_from=latest(
        AddYears(Fact("birth_date"), param("us.compassionate_release.age70.min_age_years")),
        date_years_served(param("us.compassionate_release.age70.min_years_served")),
        citation=STATUTE + "(ii)",
    ),
    eligible_from_citation=STATUTE + "(ii): the later of the 70th birthday and 30 years served",
    notes="The effective date is the First Step Act's enactment (defendant's own motion); track (ii) "
    "itself dates from 1994.",
)

family = Pathway(
    id="us.compassionate_release.family",
    title="Compassionate release: family circumstances",
    jurisdiction="us",
    authority=AUTHORITY,
    kind=Kind.COURT_MOTION,
    citations=(STATUTE + "(i)", "USSG 1B1.13(b)(3)"),
    effective_from=date("2023-11-01").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        *_federal_prisoner(),
        Criterion(
            id="family_reason",
            node=any_of(
                is_true("caregiver_incapacitated_minor_child", citation="USSG 1B1.13(b)(3)(A)"),
                is_true("family_member_incapacitated_sole_caregiver", citation="USSG 1B1.13(b)(3)(B)-(C)"),
            ),
            citation="USSG 1B1.13(b)(3)",
            explain_true="A family circumstance listed in 1B1.13(b)(3) is present.",
            explain_false="No 1B1.13(b)(3) family circumstance is present.",
            explain_unknown="Whether a 1B1.13(b)(3) family circumstance is present is not known.",
            verified=False,
        ),
    ),
    notes="(b)(3)(D), an immediate family member or someone like one, is left to counsel.",
)

unusually_long = Pathway(
    id="us.compassionate_release.unusually_long",
    title="Compassionate release: unusually long sentence and a change in law",
    jurisdiction="us",
    authority=AUTHORITY,
    kind=Kind.COURT_MOTION,
    citations=(STATUTE + "(i)", "USSG 1B1.13(b)(6)"),
    effective_from=date("2023-11-01").value,
    law=__doc__ or "",
    verified=False,
    criteria=(
        *_federal_prisoner(),
        Criterion(
            id="unusually_long_sentence",
            node=is_true("unusually_long_sentence", citation="USSG 1B1.13(b)(6)"),
            citation="USSG 1B1.13(b)(6)",
            explain_true="The person received an unusually long sentence.",
            explain_false="The sentence is not unusually long; (b)(6) reaches only unusually long sentences.",
            explain_unknown="Whether the sentence is unusually long is not yet assessed.",
            verified=False,
            note="The element is named in (b)(6) ('If a defendant received an unusually long sentence and "
            "has served at least 10 years'); the full text of 1B1.13(b) was not read in a primary copy.",
        ),
        Criterion(
            id="gross_disparity",
            node=is_true("changed_law_gross_disparity", citation="USSG 1B1.13(b)(6)"),
            citation="USSG 1B1.13(b)(6)",
            explain_true="A change in law produces a gross disparity with the sentence likely imposed today.",
            explain_false="No change in law producing a gross disparity is identified.",
            explain_unknown="Whether a change in law produces a gross disparity is not yet assessed.",
            verified=False,
        ),
    ),
    eligible_from=latest(
        date_years_served(param("us.compassionate_release.unusually_long.min_years_served")),
        date("2023-11-01"),
        citation="USSG 1B1.13(b)(6)",
    ),
    eligible_from_citation="USSG 1B1.13(b)(6): at least 10 years of the term served",
    notes="Held invalid by some courts of appeals; verify the circuit. (No case is cited here: none was "
    "read this session.)",
)

exhaustion = Pathway(
    id="us.compassionate_release.exhaustion",
    title="Compassionate release: when the defendant may file (exhaustion or 30 days)",
    jurisdiction="us",
    authority=AUTHORITY,
    kind=Kind.COURT_MOTION,
    citations=(STATUTE,),
    effective_from=date("2018-12-21").value,
    law=__doc__ or "",
    verified=True,
    criteria=(
        *_federal_prisoner(),
        Criterion(
            id="request_to_warden",
            node=le(Fact("warden_request_date"), AsOf(), citation=STATUTE),
            citation=STATUTE,
            explain_true="The warden received the request on {warden_request_date}.",
            explain_false="The request to the warden is dated after {as_of}.",
            explain_unknown="When (or whether) the warden received a request is not known.",
            verified=True,
        ),
    ),
    eligible_from=AddDays(
        Fact("warden_request_date"),
        param("us.compassionate_release.exhaustion.days_after_request"),
        citation=STATUTE,
    ),
    eligible_from_citation=STATUTE + ": 30 days after the warden's receipt of the request (full exhaustion "
    "of BOP appeals, the alternative, cannot in practice come sooner)",
    deadlines=(
        Deadline(
            id="may_file_motion",
            title="Earliest day the defendant may file the motion (30 days after the warden's receipt)",
            node=AddDays(
                Fact("warden_request_date"), param("us.compassionate_release.exhaustion.days_after_request")
            ),
            citation=STATUTE,
            verified=True,
        ),
    ),
)

# time served counting from the credited start, exposed for tests and the rulebook
CREDITED_START = credited_start()

PATHWAYS = (medical, age, age70, family, unusually_long, exhaustion)
