"""The fact schema: every fact the rulebook reads, its type, allowed values, unit and question.

A person's facts are a flat mapping from these names to values. A missing fact is None (unknown),
never False or 0. `validate_facts` checks a raw mapping (parsed JSON or a Python dict) and returns
a complete mapping with every known fact name present, or raises `FactError` naming the fact.

Types:
- "date": a `datetime.date` or an ISO string "YYYY-MM-DD" (converted to a date);
- "int": a Python int (not a bool, not a float); `minimum` when set;
- "bool": True or False only;
- "enum": one string of `values`;
- "list": a list of strings, each one of `values` when `values` is set. `statutes` entries are
  read by `parse_statute` as judgments write them (one entry may name several sections:
  "21 U.S.C. 841(a)(1), (b)(1)(A)"); when any entry cannot be read the whole list is unknown
  (None), so every rule that reads it asks for it rather than answering False.

Derivation: `age_at_offense_years` is derived from `birth_date` and `offense_date` when it is
missing; when it is given and both dates are known it must agree with them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

FactType = Literal["date", "int", "bool", "enum", "list"]
Facts = dict[str, Any]

US_STATES = [
    "al",
    "ak",
    "az",
    "ar",
    "ca",
    "co",
    "ct",
    "de",
    "fl",
    "ga",
    "hi",
    "id",
    "il",
    "in",
    "ia",
    "ks",
    "ky",
    "la",
    "me",
    "md",
    "ma",
    "mi",
    "mn",
    "ms",
    "mo",
    "mt",
    "ne",
    "nv",
    "nh",
    "nj",
    "nm",
    "ny",
    "nc",
    "nd",
    "oh",
    "ok",
    "or",
    "pa",
    "ri",
    "sc",
    "sd",
    "tn",
    "tx",
    "ut",
    "vt",
    "va",
    "wa",
    "wv",
    "wi",
    "wy",
    "dc",
]
JURISDICTIONS = ("us", *(f"us-{code}" for code in US_STATES))
OFFENSE_CATEGORIES = ("drug", "violent", "sex", "weapon", "property", "fraud", "other")
SENTENCE_TYPES = ("term", "life", "life_without_parole", "death", "probation", "none")
CONTROLLED_SUBSTANCES = (
    "marijuana",
    "cocaine",
    "crack_cocaine",
    "heroin",
    "methamphetamine",
    "fentanyl",
    "other",
)
MARIJUANA_CONDUCT = (
    "simple_possession",
    "attempted_simple_possession",
    "use_or_possession_regulation",
    "possession_in_correctional_facility",
    "driving_related",
    "possession_with_intent",
    "distribution",
    "conspiracy",
    "other",
)


class FactError(ValueError):
    """A fact is unknown, of the wrong type, or impossible. `fact` names it."""

    def __init__(self, fact: str, reason: str) -> None:
        super().__init__(f"{fact}: {reason}")
        self.fact = fact
        self.reason = reason


@dataclass(frozen=True)
class FactSpec:
    name: str
    type: FactType
    question: str
    unit: str | None = None
    values: tuple[str, ...] | None = None
    minimum: int | None = None
    description: str = ""
    # The least favourable value the fact can take, when it can only move answers one way as it
    # grows (see clemency.law.bounds); `bound_note` says why, for the proof.
    bound: int | None = None
    bound_note: str = ""


def _spec(name: str, type_: FactType, question: str, **kw: Any) -> FactSpec:
    return FactSpec(name=name, type=type_, question=question, **kw)


_SPECS: tuple[FactSpec, ...] = (
    # Identity and status
    _spec("birth_date", "date", "What is the person's date of birth?"),
    _spec(
        "citizenship",
        "enum",
        "Is the person a U.S. citizen, a lawful permanent resident, or neither?",
        values=("us_citizen", "lawful_permanent_resident", "other"),
    ),
    _spec(
        "lawfully_present_at_offense",
        "bool",
        "Was the person lawfully present in the United States at the time of the offense?",
    ),
    # The conviction
    _spec(
        "jurisdiction",
        "enum",
        "Which jurisdiction convicted the person (us for federal, us-XX for a state)?",
        values=JURISDICTIONS,
    ),
    _spec(
        "court_system",
        "enum",
        "Was the conviction in federal court, D.C. Superior Court, or a state court?",
        values=("federal", "dc_superior", "state"),
    ),
    _spec("offense_date", "date", "On what date was the offense committed?"),
    _spec("conviction_date", "date", "On what date was the person convicted (verdict or plea)?"),
    _spec("sentence_date", "date", "On what date was the sentence imposed?"),
    _spec(
        "judgment_final_date",
        "date",
        "On what date did the judgment become final (including the time to seek certiorari)?",
    ),
    _spec("statutes", "list", "Under which statutes was the person convicted (as written in the judgment)?"),
    _spec(
        "offense_categories",
        "list",
        "Which categories describe the offense (drug, violent, sex, ...)?",
        values=OFFENSE_CATEGORIES,
    ),
    _spec(
        "controlled_substances",
        "list",
        "Which controlled substances did the offense involve?",
        values=CONTROLLED_SUBSTANCES,
    ),
    _spec(
        "marijuana_offense_conduct",
        "enum",
        "What conduct did the marijuana offense charge (simple possession, attempt, distribution, ...)?",
        values=MARIJUANA_CONDUCT,
    ),
    _spec(
        "felony_convictions_count",
        "int",
        "How many felony convictions does the person have in all?",
        unit="convictions",
        minimum=0,
    ),
    _spec(
        "felony_convictions_in_state_count",
        "int",
        "How many felony convictions does the person have in this state's courts?",
        unit="convictions",
        minimum=0,
    ),
    # The sentence
    _spec(
        "sentence_type",
        "enum",
        "What kind of sentence was imposed (term, life, death, probation, ...)?",
        values=SENTENCE_TYPES,
    ),
    _spec(
        "sentence_term_days",
        "int",
        "How long is the term of imprisonment imposed, in days?",
        unit="days",
        minimum=0,
    ),
    _spec("custody_start_date", "date", "On what date did the person enter custody on this sentence?"),
    _spec(
        "release_date",
        "date",
        "On what date was (or will) the person be released from confinement on the most recent conviction?",
    ),
    _spec(
        "jail_credit_days",
        "int",
        "How many days of prior custody credit (jail credit) apply?",
        unit="days",
        minimum=0,
        bound=0,
        bound_note="Jail credit is never negative and only adds to time served, so without it time "
        "served is at least the time in custody on this sentence.",
    ),
    _spec("on_supervision", "bool", "Is the person now on probation, parole or supervised release?"),
    _spec(
        "supervision_end_date",
        "date",
        "On what date does (or did) the person's probation, parole or supervised release end?",
    ),
    _spec(
        "unpaid_fine_or_restitution",
        "bool",
        "Does the person still owe part of a fine or restitution order on this sentence, to be remitted?",
    ),
    _spec(
        "citizen_or_resident_on_2022_10_06",
        "bool",
        "On 2022-10-06 (Proclamation 10467), was the person a U.S. citizen or lawful permanent resident?",
    ),
    _spec(
        "citizen_or_resident_on_2023_12_22",
        "bool",
        "On 2023-12-22 (Proclamation 10688), was the person a U.S. citizen or lawful permanent resident?",
    ),
    _spec("pending_appeal", "bool", "Is an appeal or other court challenge to the conviction pending?"),
    _spec("pending_charges", "bool", "Are any criminal charges pending against the person?"),
    _spec(
        "sentence_completed_date",
        "date",
        "On what date was the whole sentence (including supervision) completed?",
    ),
    _spec("registered_sex_offender", "bool", "Is the person on a sex-offender registry?"),
    # Guidelines
    _spec(
        "criminal_history_points",
        "int",
        "How many criminal history points were scored (USSG ch. 4)?",
        unit="points",
        minimum=0,
    ),
    _spec(
        "status_points",
        "int",
        "How many status points (USSG 4A1.1(d), offense committed under a sentence) were scored?",
        unit="points",
        minimum=0,
    ),
    _spec("offense_level", "int", "What was the total offense level under the Guidelines?", unit="levels"),
    _spec("violence_in_offense", "bool", "Did the person use violence or a credible threat of violence?"),
    _spec(
        "weapon_in_offense",
        "bool",
        "Did the person possess, receive, purchase, transport, transfer, sell or otherwise dispose of "
        "a firearm or other dangerous weapon (or induce another to do so) in the offense?",
    ),
    _spec("sex_offense", "bool", "Is the offense of conviction a sex offense?"),
    _spec(
        "death_or_serious_bodily_injury", "bool", "Did the offense result in death or serious bodily injury?"
    ),
    _spec("terrorism_adjustment", "bool", "Did the person receive the terrorism adjustment (USSG 3A1.4)?"),
    _spec("aggravating_role", "bool", "Did the person receive an aggravating-role adjustment (USSG 3B1.1)?"),
    _spec(
        "continuing_criminal_enterprise",
        "bool",
        "Was the person engaged in a continuing criminal enterprise (21 U.S.C. 848)?",
    ),
    _spec(
        "substantial_financial_hardship",
        "bool",
        "Did the person personally cause substantial financial hardship?",
    ),
    _spec(
        "individual_rights_offense",
        "bool",
        "Was the instant offense covered by USSG 2H1.1 (offenses involving individual rights)?",
    ),
    _spec(
        "hate_crime_or_vulnerable_victim",
        "bool",
        "Did the person receive a hate-crime, vulnerable-victim (3A1.1) or human-rights (3A1.5) adjustment?",
    ),
    _spec("crack_cocaine_offense", "bool", "Did the offense involve cocaine base (crack)?"),
    _spec(
        "unusually_long_sentence",
        "bool",
        "Did the person receive an unusually long sentence (USSG 1B1.13(b)(6))?",
    ),
    _spec(
        "sentenced_under_fair_sentencing_act",
        "bool",
        "Was the sentence imposed or reduced under the Fair Sentencing Act of 2010 secs. 2 and 3?",
    ),
    _spec(
        "prior_404_motion_decided_on_merits",
        "bool",
        "Was an earlier First Step Act sec. 404 motion denied after a complete review on the merits?",
    ),
    _spec(
        "sentencing_guideline_range_lowered",
        "bool",
        "Would the retroactive drug amendment (782) lower the person's guideline range?",
    ),
    _spec(
        "state_postconviction_tolled_days",
        "int",
        "How many days was a properly filed state post-conviction application pending (2244(d)(2))?",
        unit="days",
        minimum=0,
        bound=0,
        bound_note="Tolling only adds days to the federal filing period, so without it the period is "
        "at its shortest.",
    ),
    _spec(
        "state_postconviction_filed_date",
        "date",
        "On what date was the state post-conviction application filed (2244(d)(2))?",
    ),
    # Prison conduct and health
    _spec(
        "disciplinary_reports_last_5_years",
        "int",
        "How many disciplinary (incident) reports has the person had in the last five years?",
        unit="reports",
        minimum=0,
    ),
    _spec(
        "serious_health_deterioration_from_aging",
        "bool",
        "Is the person experiencing a serious deterioration in physical or mental health because of aging?",
    ),
    _spec(
        "terminal_illness",
        "bool",
        "Does the person have a terminal illness (with an end-of-life trajectory)?",
    ),
    _spec(
        "serious_condition_diminishing_self_care",
        "bool",
        "Does a serious physical or medical condition, impairment or age-related decline substantially "
        "diminish the person's ability to care for themselves in prison, without expected recovery?",
    ),
    _spec(
        "specialized_care_not_provided",
        "bool",
        "Does the person need long-term or specialised medical care that is not being provided, "
        "at risk of serious deterioration in health or death?",
    ),
    _spec(
        "caregiver_incapacitated_minor_child",
        "bool",
        "Has the caregiver of the person's minor child (or adult child unable to self-care) died or "
        "become incapacitated?",
    ),
    _spec(
        "family_member_incapacitated_sole_caregiver",
        "bool",
        "Is the person's spouse, partner, or parent incapacitated, with the person the only available "
        "caregiver?",
    ),
    _spec(
        "sentence_under_3559c", "bool", "Was the sentence imposed under 18 U.S.C. 3559(c) (three strikes)?"
    ),
    _spec(
        "bop_determined_not_a_danger",
        "bool",
        "Has the Director of the Bureau of Prisons determined the person is not a danger to the community?",
    ),
    _spec(
        "changed_law_gross_disparity",
        "bool",
        "Would a change in the law (other than a non-retroactive Guidelines amendment) produce a gross "
        "disparity between the sentence being served and the sentence likely to be imposed today?",
    ),
    _spec(
        "likely_lower_sentence_today",
        "bool",
        "Would the person likely receive a substantially lower sentence if convicted of the same offense "
        "today?",
    ),
    _spec(
        "ties_to_large_scale_organization",
        "bool",
        "Does the person have significant ties to large-scale criminal organisations, gangs or cartels?",
    ),
    _spec("significant_criminal_history", "bool", "Does the person have a significant criminal history?"),
    _spec(
        "history_of_violence",
        "bool",
        "Has the person a history of violence before or during the current term?",
    ),
    _spec("warden_request_date", "date", "On what date did the warden receive the request for a motion?"),
    # Capital cases
    _spec("execution_date", "date", "What execution date is set?"),
    _spec(
        "execution_notice_date", "date", "On what date did the person receive notice of the execution date?"
    ),
    _spec("clemency_petition_filed_date", "date", "On what date was the clemency petition filed?"),
    _spec(
        "execution_warrant_date",
        "date",
        "On what date did the court sign the warrant (or order) setting the execution date?",
    ),
    _spec(
        "authority_accepts_application",
        "bool",
        "Has a lawyer confirmed that the clemency authority will consider this application now (the "
        "jurisdiction has no written eligibility rule that settles it)?",
    ),
    # Texas DNA testing (Code Crim. Proc. art. 64.03)
    _spec(
        "biological_evidence_exists_testable",
        "bool",
        "Does the evidence still exist in a condition making DNA testing possible?",
    ),
    _spec(
        "chain_of_custody_sufficient",
        "bool",
        "Has the evidence been subject to a chain of custody sufficient to establish it has not been "
        "substituted, tampered with, replaced or altered?",
    ),
    _spec(
        "biological_material_likely",
        "bool",
        "Is there a reasonable likelihood that the evidence contains biological material suitable for DNA "
        "testing?",
    ),
    _spec("identity_was_or_is_issue", "bool", "Was or is identity an issue in the case?"),
    _spec(
        "exculpatory_results_would_prevent_conviction",
        "bool",
        "Would the person, more likely than not, not have been convicted if exculpatory DNA results "
        "had been obtained?",
    ),
    _spec(
        "request_not_to_delay",
        "bool",
        "Is the request for DNA testing made other than to unreasonably delay the sentence or justice?",
    ),
    # Post-conviction DNA testing in every jurisdiction (clemency.law.jurisdictions.dna)
    _spec(
        "innocence_asserted_under_oath",
        "bool",
        "Has the person asserted, under penalty of perjury, that they are actually innocent of the offense?",
    ),
    _spec(
        "dna_evidence_untested_or_newer_method",
        "bool",
        "Was the evidence never DNA tested, or would a newer method give a reasonably more probative result "
        "than the earlier test?",
    ),
    _spec(
        "favorable_dna_result_reasonably_probable",
        "bool",
        "Assuming the DNA results are favourable, is there a reasonable probability that the person would "
        "not have been convicted (or the verdict or sentence would have been more favourable)?",
    ),
    _spec(
        "convicted_after_trial",
        "bool",
        "Was the person convicted after a trial (not on a plea of guilty or no contest)?",
    ),
    _spec(
        "dna_untimeliness_excused",
        "bool",
        "Can the applicant rebut the presumption that a late federal DNA motion is untimely (incompetence, "
        "newly discovered DNA evidence, manifest injustice or good cause; 18 U.S.C. 3600(a)(10)(B))?",
    ),
    _spec(
        "dna_motion_served_date",
        "date",
        "On what date was the motion for DNA testing served on the prosecutor (and Attorney General)?",
    ),
    _spec(
        "dna_statute_conditions_met",
        "bool",
        "Has a lawyer confirmed that the jurisdiction's DNA testing statute's conditions are met for this "
        "evidence (the rulebook does not yet decide them from the facts)?",
    ),
    # California
    _spec(
        "serious_felony_1192_7",
        "bool",
        "Is any current conviction a serious felony under Cal. Penal Code 1192.7(c)?",
    ),
    _spec(
        "violent_felony_667_5",
        "bool",
        "Is any current conviction a violent felony under Cal. Penal Code 667.5(c)?",
    ),
    _spec(
        "requires_290_registration",
        "bool",
        "Must the person register as a sex offender under Cal. Penal Code 290?",
    ),
    _spec(
        "three_strikes_sentence",
        "bool",
        "Was the person sentenced under the Three Strikes law (Cal. Penal Code 667(b)-(i) or 1170.12)?",
    ),
    _spec(
        "one_strike_sentence",
        "bool",
        "Was the person sentenced under the One Strike law (Cal. Penal Code 667.61)?",
    ),
    _spec(
        "lwop_was_mandatory",
        "bool",
        "Was the life-without-parole sentence mandatory (no lesser sentence open to the judge)?",
    ),
    _spec(
        "juvenile_lwop_resentenced_or_parole_eligible",
        "bool",
        "Has the life-without-parole sentence for an offense committed under 18 already been reviewed "
        "(resentenced, or made parole-eligible) under Miller and Montgomery or a state statute?",
    ),
    _spec(
        "killed_peace_officer_first_degree",
        "bool",
        "Was the person convicted of first-degree murder of a peace officer (Cal. Penal Code 3055(g))?",
    ),
    _spec(
        "offense_after_age_26_with_malice",
        "bool",
        "Did the person commit a later offense after turning 26 for which malice aforethought is an element?",
    ),
    _spec(
        "ca_supreme_court_recommendation",
        "bool",
        "Has the California Supreme Court recommended clemency (four justices concurring)?",
    ),
    _spec(
        "ca_controlling_offense_sentence",
        "enum",
        "What sentence was imposed for the controlling offense committed as a youth "
        "(determinate, life under 25-to-life, 25-to-life, or life without parole)?",
        values=("determinate", "life_under_25_to_life", "life_25_to_life", "life_without_parole"),
    ),
    # Derived
    _spec(
        "age_at_offense_years",
        "int",
        "How old was the person when the offense was committed?",
        unit="years",
        minimum=0,
        description="Derived from birth_date and offense_date when missing.",
    ),
)

FACTS: dict[str, FactSpec] = {spec.name: spec for spec in _SPECS}

# (earlier, later): the later date may not precede the earlier one.
DATE_ORDER: tuple[tuple[str, str], ...] = (
    ("birth_date", "offense_date"),
    ("offense_date", "conviction_date"),
    ("conviction_date", "sentence_date"),
    ("sentence_date", "judgment_final_date"),
    ("custody_start_date", "release_date"),
    ("conviction_date", "sentence_completed_date"),
    ("execution_notice_date", "execution_date"),
    ("birth_date", "custody_start_date"),
)

_STATUTE_SPACE = re.compile(r"\s+")


def canonical_statute(text: str) -> str:
    """Spell a statute citation one way: "21 USC § 844(a)" -> "21 U.S.C. 844(a)".

    Only the spelling of "U.S.C." / "C.F.R.", the section sign and whitespace change.
    """
    out = text.replace("§", " ").replace("\u00a0", " ")
    out = re.sub(r"\bU\.?\s?S\.?\s?C\.?(?=\s|$)", "U.S.C.", out, flags=re.IGNORECASE)
    out = re.sub(r"\bC\.?\s?F\.?\s?R\.?(?=\s|$)", "C.F.R.", out, flags=re.IGNORECASE)
    out = re.sub(r"\bsec(tion|\.)?\s", " ", out, flags=re.IGNORECASE)
    return _STATUTE_SPACE.sub(" ", out).strip()


def years_between(start: dt.date, end: dt.date) -> int:
    """Whole years from start to end (the largest n with add_years(start, n) <= end)."""
    from clemency.law.tree import add_years  # the one definition of calendar years

    years = end.year - start.year
    if add_years(start, years) > end:
        years -= 1
    return years


def _check_value(spec: FactSpec, value: Any) -> Any:
    name = spec.name
    if spec.type == "date":
        if isinstance(value, dt.datetime):
            raise FactError(name, "expected a date (YYYY-MM-DD), got a date and time")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(name, value)
            except ValueError:
                _bad_date(name, value)
        raise FactError(name, f"expected a date (YYYY-MM-DD), got {type(value).__name__} {value!r}")
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise FactError(name, f"expected a whole number, got {type(value).__name__} {value!r}")
        if spec.minimum is not None and value < spec.minimum:
            raise FactError(name, f"must be at least {spec.minimum}, got {value}")
        return value
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise FactError(name, f"expected true or false, got {type(value).__name__} {value!r}")
        return value
    if spec.type == "enum":
        if not isinstance(value, str) or value not in (spec.values or ()):
            raise FactError(name, f"must be one of {', '.join(spec.values or ())}; got {value!r}")
        return value
    # list
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise FactError(name, f"expected a list of strings, got {type(value).__name__} {value!r}")
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise FactError(name, f"expected a list of strings, found {type(item).__name__} {item!r}")
        if spec.values is not None and item not in spec.values:
            raise FactError(name, f"{item!r} is not one of {', '.join(spec.values)}")
    if name == "statutes":
        parsed = [parse_statute(item) for item in items]
        if any(sections is None for sections in parsed):
            return None  # a citation that cannot be read: the statutes are unknown, and asked for
        items = [section for sections in parsed if sections for section in sections]
    return tuple(items)


_FEDERAL = re.compile(r"^(\d+) (U\.S\.C\.|C\.F\.R\.) (.+)$")
_SECTION = re.compile(r"^([0-9][0-9A-Za-z.\-]*)((?:\([0-9A-Za-z]+\))*)$")
_SUBSECTION = re.compile(r"^((?:\([0-9A-Za-z]+\))+)$")


def parse_statute(text: str) -> tuple[str, ...] | None:
    """A statute citation as a judgment writes it, as one canonical citation per section, or None
    when it cannot be read.

    "21 U.S.C. 841(a)(1), (b)(1)(A)" -> ("21 U.S.C. 841(a)(1)", "21 U.S.C. 841(b)(1)(A)");
    "18 USC s. 924(c)" -> ("18 U.S.C. 924(c)"); "21 U.S.C. sec. 841(b)(1)(A)(iii)" ->
    ("21 U.S.C. 841(b)(1)(A)(iii)"); "21 U.S.C. 841 and 846" -> both sections. A U.S.C. or C.F.R.
    citation whose sections do not parse is unreadable (None); any other text (a state code) is
    kept as `canonical_statute` spells it.
    """
    out = re.sub(r"(?<=\s)s{1,2}\.(?=\s)", " ", " " + text.replace("§", " ") + " ", flags=re.IGNORECASE)
    out = canonical_statute(re.sub(r"\bsecs\.?\s", " ", out, flags=re.IGNORECASE))
    match = _FEDERAL.match(out)
    if match is None:
        return None if re.search(r"U\.S\.C\.|C\.F\.R\.", out) else (out,)
    title, code, rest = match.groups()
    sections: list[str] = []
    base = None
    for chunk in re.split(r"\s*(?:,|;|\band\b|&)\s*", rest.strip()):
        chunk = re.sub(r"\s+(?=\()", "", chunk.strip())
        if not chunk:
            continue
        section = _SECTION.match(chunk)
        if section:
            base = section.group(1)
            sections.append(f"{title} {code} {chunk}")
        elif base is not None and _SUBSECTION.match(chunk):
            sections.append(f"{title} {code} {base}{chunk}")
        else:
            return None
    return tuple(sections) or None


def _bad_date(name: str, value: str) -> Any:
    raise FactError(name, f"{value!r} is not a real date in the form YYYY-MM-DD")


def validate_facts(raw: Mapping[str, Any]) -> Facts:
    """Check a raw mapping of facts; return every fact name with its value or None.

    Raises FactError naming the fact for unknown names, wrong types and impossible dates.
    """
    if not isinstance(raw, Mapping):
        raise FactError("facts", f"expected a mapping of fact names to values, got {type(raw).__name__}")
    facts: Facts = dict.fromkeys(FACTS)
    for name, value in raw.items():
        spec = FACTS.get(name)
        if spec is None:
            raise FactError(str(name), "is not a fact the rulebook knows (see `clemency pathways` or FACTS)")
        facts[name] = None if value is None else _check_value(spec, value)
    for earlier, later in DATE_ORDER:
        first, second = facts[earlier], facts[later]
        if first is not None and second is not None and second < first:
            raise FactError(later, f"{second.isoformat()} is before {earlier} {first.isoformat()}")
    facts["age_at_offense_years"] = _age_at_offense(facts)
    return facts


def _age_at_offense(facts: Facts) -> int | None:
    given = facts["age_at_offense_years"]
    birth, offense = facts["birth_date"], facts["offense_date"]
    if birth is None or offense is None:
        return given  # type: ignore[no-any-return]
    derived = years_between(birth, offense)
    if given is not None and given != derived:
        raise FactError(
            "age_at_offense_years",
            f"{given} disagrees with birth_date and offense_date, which give {derived}",
        )
    return derived
