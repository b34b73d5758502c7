"""The one mapping from the case record (ORM) to the rulebook's facts (`clemency.law.facts`).

The rulebook never learns about the database: it receives a flat mapping of fact names to values.
A fact has two possible origins, both shown with where they came from:

- derived from the record (a charge's class says felony; the conviction says the jurisdiction),
  each with its source in words ("from conviction 2, charge 1: Class A felony");
- answered by a person (`FactAnswer`: value, source, author, date, with its history).

An answer overrides a derivation, and the page then shows both values. An answer of "unknown" never
overrides what the record says, and with no derivation it stays unknown to the rulebook. A fact
neither derived nor answered is None (unknown), never False or 0. Nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from clemency.cases.classification import FELONY, grade_charge
from clemency.cases.jurisdictions import DC, FEDERAL, court_system
from clemency.cases.models import Case, Charge, Conviction, FactAnswer, SentenceType
from clemency.cases.words import judgment_term
from clemency.law import all_pathways
from clemency.law.facts import FACTS, FactError, FactSpec, validate_facts, years_between
from clemency.people.models import CustodyStatus

# The rulebook names federal "us" and D.C. "us-dc"; states are spelled the same in both (us-wi).
_LAW_JURISDICTION = {FEDERAL: "us", DC: "us-dc"}
_LIFE = frozenset({SentenceType.LIFE, SentenceType.LIFE_WITHOUT_PAROLE, SentenceType.DEATH})


def law_jurisdiction(record_code: str) -> str:
    return _LAW_JURISDICTION.get(record_code, record_code)


@dataclass
class Derivation:
    """A value the record establishes, and in words where it comes from."""

    value: Any
    source: str
    verified: bool = True  # False when it rests on a classification not checked against its statute


@dataclass
class CaseFact:
    """One rulebook fact on one case: what the record says, what a person answered, what counts."""

    spec: FactSpec
    derived: Derivation | None = None
    answer: FactAnswer | None = None
    history: list[FactAnswer] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def answered_value(self) -> Any:
        return None if self.answer is None else decode_value(self.spec, self.answer.value)

    @property
    def value(self) -> Any:
        answered = self.answered_value
        if answered is not None:
            return answered
        return self.derived.value if self.derived is not None else None

    @property
    def origin(self) -> str:
        if self.answered_value is not None:
            return "answered"
        if self.derived is not None and self.derived.value is not None:
            return "derived"
        return "unknown"

    @property
    def overrides_record(self) -> bool:
        """A person's answer differs from what the record says: both are shown."""
        derived = self.derived.value if self.derived is not None else None
        answered = self.answered_value
        return answered is not None and derived is not None and answered != derived


def decode_value(spec: FactSpec, stored: Any) -> Any:
    """A stored (JSON) value as the rulebook takes it: a date for a date, a tuple for a list."""
    if stored is None:
        return None
    return check_value(spec.name, stored)


def encode_value(value: Any) -> Any:
    """A checked value as JSON: a date as YYYY-MM-DD, a list as a list."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def check_value(name: str, raw: Any) -> Any:
    """One fact's value checked by the rulebook's own schema; FactError names the fact and the reason."""
    if name not in FACTS:
        raise FactError(name, "is not a fact the rulebook knows")
    return validate_facts({name: raw})[name]


def controlling_conviction(case: Case) -> Conviction | None:
    """The conviction the facts describe: the most recently sentenced one (the latest recorded if none is)."""
    return _controlling(_convictions(case))


def _controlling(convictions: list[Conviction]) -> Conviction | None:
    if not convictions:
        return None
    return max(
        convictions,
        key=lambda c: (c.sentencing_date is not None, c.sentencing_date or c.created_at.date(), c.pk),
    )


def _convictions(case: Case) -> list[Conviction]:
    return list(case.convictions.select_related("sentence").prefetch_related("charges").order_by("pk"))


def derive(case: Case, conviction: Conviction | None = None) -> dict[str, Derivation]:
    """Every fact the record establishes, each with its source in words."""
    person = case.person
    found: dict[str, Derivation] = {}
    if person.birth_date is not None:
        found["birth_date"] = Derivation(person.birth_date, "from the person's record: date of birth")
    supervision = _on_supervision(person.custody_status)
    if supervision is not None:
        found["on_supervision"] = Derivation(
            supervision, f"from the person's custody status: {person.get_custody_status_display()}"
        )
    execution = _next_execution(case)
    if execution is not None:
        found["execution_date"] = Derivation(execution.date, f"from the case's deadlines: {execution.title}")
    convictions = _convictions(case)
    if conviction is None:
        conviction = _controlling(convictions)
    if conviction is None:
        return found
    number = _number(convictions, conviction)
    _derive_conviction(found, conviction, number)
    _derive_felonies(found, convictions, conviction)
    _derive_sentence(found, conviction, number, person.custody_status)
    birth, offense = person.birth_date, conviction.offense_date
    if birth is not None and offense is not None and offense >= birth:
        found["age_at_offense_years"] = Derivation(
            years_between(birth, offense), f"from the date of birth and conviction {number}'s offense date"
        )
    for name, value in _decided_sentence_facts(case).items():
        found[name] = Derivation(value, "from the clemency decision recorded on the case's petition")
    return found


def _decided_sentence_facts(case: Case) -> dict[str, Any]:
    """What the case's current clemency decision says of the sentence (issue 18): a commutation to a
    term replaces the term, and a commutation or a release sets the release date."""
    from clemency.petitions.models import DecisionOutcome, PetitionDecision

    decision = (
        PetitionDecision.objects.filter(petition__case=case, superseded=False)
        .filter(
            outcome__in=[
                DecisionOutcome.COMMUTATION_TIME_SERVED,
                DecisionOutcome.COMMUTATION_TERM,
                DecisionOutcome.MOOT_RELEASED,
            ]
        )
        .order_by("-decided_on", "-id")
        .first()
    )
    if decision is None:
        return {}
    facts: dict[str, Any] = {}
    if decision.new_term_days is not None:
        facts.update({"sentence_type": "term", "sentence_term_days": decision.new_term_days})
    release = decision.new_release_date
    if release is None and decision.outcome == DecisionOutcome.COMMUTATION_TIME_SERVED:
        release = decision.decided_on
    if release is not None:
        facts["release_date"] = release
    return facts


def _number(convictions: list[Conviction], conviction: Conviction) -> int:
    ids = [c.pk for c in convictions]
    return ids.index(conviction.pk) + 1 if conviction.pk in ids else 1


def _derive_conviction(found: dict[str, Derivation], conviction: Conviction, number: int) -> None:
    where = conviction.get_jurisdiction_display()
    found["jurisdiction"] = Derivation(
        law_jurisdiction(conviction.jurisdiction), f"from conviction {number}: {where}"
    )
    found["court_system"] = Derivation(
        court_system(conviction.jurisdiction), f"from conviction {number}: {where}"
    )
    for fact, field_name, label in (
        ("offense_date", "offense_date", "offense date"),
        ("conviction_date", "conviction_date", "conviction date"),
        ("sentence_date", "sentencing_date", "sentencing date"),
        ("judgment_final_date", "judgment_final_date", "date the judgment became final"),
    ):
        value = getattr(conviction, field_name)
        if value is not None:
            found[fact] = Derivation(value, f"from conviction {number}: {label}")
    charges = list(conviction.charges.all())
    if not charges:
        return
    which = _charges_words(number, charges)
    found["statutes"] = Derivation([charge.statute for charge in charges], f"{which}: statutes")
    categories = sorted({charge.offense_category for charge in charges})
    found["offense_categories"] = Derivation(categories, f"{which}: offense categories")
    # `sex_offense` is not derived from the category: the record's "Sex" label is the team's own
    # filing, while the rulebook's fact is a legal definition (e.g. USSG 4C1.1(b)(2): chapters 109A, 110,
    # 117 and 18 U.S.C. 1591), which a label does not settle. It is answered instead.


def _charges_words(number: int, charges: list[Charge]) -> str:
    if len(charges) == 1:
        return f"from conviction {number}, charge 1"
    return f"from conviction {number}, charges 1 to {len(charges)}"


def _derive_felonies(
    found: dict[str, Derivation], convictions: list[Conviction], controlling: Conviction
) -> None:
    """Felony convictions in the controlling conviction's state, as the recorded charges grade them.

    Only a lower bound is known from the record ("at least"), so only a count of one or more is given;
    no felony among the recorded charges proves nothing (the record may be incomplete), so nothing is set.
    """
    jurisdiction = controlling.jurisdiction
    if jurisdiction in (FEDERAL, DC):
        return
    reasons: list[str] = []
    verified = True
    for number, conviction in enumerate(convictions, start=1):
        if conviction.jurisdiction != jurisdiction:
            continue
        for index, charge in enumerate(conviction.charges.all(), start=1):
            grade = grade_charge(jurisdiction, charge.offense_class, charge.statute)
            if grade is not None and grade.grade == FELONY:
                reasons.append(f"conviction {number}, charge {index}: {grade.basis} ({grade.citation})")
                verified = verified and grade.verified
                break
    if reasons:
        count = len(reasons)
        found["felony_convictions_in_state_count"] = Derivation(
            count, f"at least {count}: from {'; '.join(reasons)}", verified=verified
        )


def _derive_sentence(found: dict[str, Derivation], conviction: Conviction, number: int, custody: str) -> None:
    sentence = getattr(conviction, "sentence", None)
    if sentence is None:
        return
    where = f"from conviction {number}'s sentence"
    found["sentence_type"] = Derivation(
        sentence.sentence_type, f"{where}: {sentence.get_sentence_type_display()}"
    )
    if sentence.sentence_term_days is not None:
        found["sentence_term_days"] = Derivation(
            sentence.sentence_term_days, f"{where}: {judgment_term(sentence)}"
        )
    for fact, label in (
        ("custody_start_date", "custody start"),
        ("jail_credit_days", "jail credit"),
        ("offense_level", "guideline offense level"),
        ("criminal_history_points", "criminal history points"),
    ):
        value = getattr(sentence, fact)
        if value is not None:
            found[fact] = Derivation(value, f"{where}: {label}")
    serving = custody in (CustodyStatus.IN_CUSTODY, CustodyStatus.DEATH_ROW)
    if sentence.sentence_type in _LIFE and serving:
        # Not a date the rulebook can take: the sentence is not complete, so the date stays unknown,
        # and the page says why rather than asking a question with no answer.
        found["sentence_completed_date"] = Derivation(
            None, f"not complete: {where} is {sentence.get_sentence_type_display().lower()}, being served"
        )


def _next_execution(case: Case) -> Any:
    """The execution date set for the case, from the deadlines app's record (the earliest not done)."""
    deadlines = getattr(case, "deadlines", None)
    if deadlines is None:
        return None
    return deadlines.filter(kind="execution", done=False).order_by("date").first()


def _on_supervision(status: str) -> bool | None:
    if status in (CustodyStatus.IN_CUSTODY, CustodyStatus.DEATH_ROW, CustodyStatus.DECEASED):
        return False
    if status == CustodyStatus.SUPERVISED_RELEASE:
        return True
    return None  # released (supervision may or may not remain) or unknown


def answers_by_fact(case: Case) -> tuple[dict[str, FactAnswer], dict[str, list[FactAnswer]]]:
    """The current answer to each fact, and every answer (history included), newest first."""
    current: dict[str, FactAnswer] = {}
    history: dict[str, list[FactAnswer]] = {}
    for answer in (
        FactAnswer.objects.filter(case=case).select_related("author").order_by("-answered_at", "-pk")
    ):
        history.setdefault(answer.fact, []).append(answer)
        if answer.current:
            current[answer.fact] = answer
    return current, history


def case_facts(case: Case, conviction: Conviction | None = None) -> dict[str, CaseFact]:
    """Every fact of the rulebook for this case, in the schema's order, with derivation and answer."""
    derived = derive(case, conviction)
    current, history = answers_by_fact(case) if case.pk else ({}, {})
    return {
        name: CaseFact(spec, derived.get(name), current.get(name), history.get(name, []))
        for name, spec in FACTS.items()
    }


def facts_from(facts: dict[str, CaseFact]) -> dict[str, Any]:
    """The flat mapping the rulebook reads: every known value (unknown facts left out, so None)."""
    return {name: fact.value for name, fact in facts.items() if fact.value is not None}


def convictions_to_facts(case: Case, conviction: Conviction | None = None) -> dict[str, Any]:
    """The rulebook's facts for a case: derived from the record, with people's answers over them."""
    facts = facts_from(case_facts(case, conviction))
    # Always present, so a reader of the mapping sees the person's two basic facts even when unknown.
    facts.setdefault("birth_date", None)
    facts.setdefault("on_supervision", None)
    return facts


@cache
def pathways_using() -> dict[str, list[tuple[str, str]]]:
    """For each fact, the pathways that read it: (id, title), in the rulebook's order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for pathway in all_pathways():
        for name in pathway.needed_facts:
            found.setdefault(name, []).append((pathway.id, pathway.title))
    return found


# The facts page groups the rulebook's facts the way a lawyer reads a file. A fact the rulebook adds
# later and no group names goes to "Other facts", so none is ever hidden.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The person", ("birth_date", "age_at_offense_years", "citizenship", "lawfully_present_at_offense")),
    (
        "The conviction",
        (
            "jurisdiction",
            "court_system",
            "offense_date",
            "conviction_date",
            "sentence_date",
            "judgment_final_date",
            "statutes",
            "offense_categories",
            "controlled_substances",
            "marijuana_offense_conduct",
            "felony_convictions_count",
            "felony_convictions_in_state_count",
            "sex_offense",
            "violence_in_offense",
            "weapon_in_offense",
            "death_or_serious_bodily_injury",
            "crack_cocaine_offense",
            "serious_felony_1192_7",
            "violent_felony_667_5",
            "killed_peace_officer_first_degree",
            "individual_rights_offense",
            "substantial_financial_hardship",
        ),
    ),
    (
        "The sentence",
        (
            "sentence_type",
            "sentence_term_days",
            "custody_start_date",
            "jail_credit_days",
            "release_date",
            "sentence_completed_date",
            "offense_level",
            "criminal_history_points",
            "status_points",
            "terrorism_adjustment",
            "aggravating_role",
            "continuing_criminal_enterprise",
            "hate_crime_or_vulnerable_victim",
            "sentence_under_3559c",
            "three_strikes_sentence",
            "ca_controlling_offense_sentence",
            "sentenced_under_fair_sentencing_act",
            "sentencing_guideline_range_lowered",
            "changed_law_gross_disparity",
            "likely_lower_sentence_today",
        ),
    ),
    ("Custody", ("on_supervision", "warden_request_date", "bop_determined_not_a_danger")),
    (
        "Conduct",
        (
            "disciplinary_reports_last_5_years",
            "pending_charges",
            "registered_sex_offender",
            "requires_290_registration",
            "history_of_violence",
            "significant_criminal_history",
            "ties_to_large_scale_organization",
            "offense_after_age_26_with_malice",
        ),
    ),
    (
        "Health and family",
        (
            "serious_health_deterioration_from_aging",
            "terminal_illness",
            "serious_condition_diminishing_self_care",
            "specialized_care_not_provided",
            "caregiver_incapacitated_minor_child",
            "family_member_incapacitated_sole_caregiver",
        ),
    ),
    ("Capital case", ("execution_date", "execution_notice_date", "clemency_petition_filed_date")),
    (
        "Post-conviction",
        (
            "pending_appeal",
            "state_postconviction_tolled_days",
            "prior_404_motion_decided_on_merits",
            "ca_supreme_court_recommendation",
            "biological_evidence_exists_testable",
            "chain_of_custody_sufficient",
            "biological_material_likely",
            "identity_was_or_is_issue",
            "exculpatory_results_would_prevent_conviction",
            "request_not_to_delay",
        ),
    ),
)


def grouped(facts: dict[str, CaseFact]) -> list[tuple[str, list[CaseFact]]]:
    placed: set[str] = set()
    out: list[tuple[str, list[CaseFact]]] = []
    for title, names in GROUPS:
        members = [facts[name] for name in names if name in facts]
        placed.update(name for name in names if name in facts)
        if members:
            out.append((title, members))
    rest = [fact for name, fact in facts.items() if name not in placed]
    if rest:
        out.append(("Other facts", rest))
    return out


def fact_names(names: Iterable[str]) -> list[str]:
    """Only names the rulebook knows, in the order given, once each."""
    return [name for name in dict.fromkeys(names) if name in FACTS]
