"""A synthetic prison population for demos and benchmarks: fictional people only.

The mix follows published aggregate statistics, rounded; every figure below is APPROXIMATE and was
transcribed from the public tables named beside it, not computed from microdata:

- Federal offense mix: Federal Bureau of Prisons, "Offenses" statistics page
  (bop.gov/about/statistics/statistics_inmate_offenses.jsp, 2024): drug offenses ~45%, weapons,
  explosives and arson ~21%, sex offenses ~11%, fraud, bribery and extortion ~6%, immigration ~5%,
  robbery ~3%, homicide, aggravated assault and kidnapping ~3%, the rest small.
- Federal sentence length: BOP "Sentences Imposed" statistics (2024): under 1 year ~2%, 1-3 years
  ~10%, 3-5 ~13%, 5-10 ~29%, 10-15 ~21%, 15-20 ~10%, over 20 ~12%, life ~1.7%.
- Federal age: BOP "Inmate Age" statistics (2024): 18-25 ~6%, 26-30 ~13%, 31-35 ~17%, 36-40 ~18%,
  41-45 ~15%, 46-50 ~11%, 51-55 ~8%, 56-60 ~6%, 61-65 ~3.5%, over 65 ~2.5%.
- Federal citizenship: BOP "Inmate Citizenship" statistics (2024): United States ~85%.
- Federal criminal history: USSC, FY2023 Overview of Federal Criminal Cases: category I ~43% (about
  a third of all offenders with zero points), II ~12%, III ~16%, IV ~10%, V ~6%, VI ~13%.
- State offense mix: BJS, Prisoners in 2022 (NCJ 307149), table 15 (most serious offense of
  sentenced state prisoners): violent ~62%, property ~13%, drug ~13%, public order ~12%.
- State populations by jurisdiction: BJS, Prisoners in 2022, appendix table 1 (the largest states;
  the remainder is pooled here under states with profiles in the rulebook).
- Life and death: The Sentencing Project, "No End in Sight" (2021): about 1 in 7 people in state and
  federal prisons serves life, life without parole or a virtual life term; DPIC, "Death Row
  USA" (2024): about 2,200 people on state death rows.

The generator also plants edge cases on every threshold the rulebook uses (exact anniversaries,
leap-day birthdays, effective-date boundaries, the 30-day warden date, notice periods) and sprinkles
nulls into every fact, because a screen that only ever sees tidy rows proves little.

Everything is vectorised (numpy draws, Polars date arithmetic); 10 million rows take seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq

from clemency.screening.schema import to_arrow

DEFAULT_REFERENCE_DATE = date(2025, 7, 1)
CHUNK_ROWS = 1_000_000
_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class OffenseProfile:
    """One kind of conviction: what it is called and how it is categorised."""

    name: str
    statutes: tuple[str, ...]
    categories: tuple[str, ...]
    violent: float  # probability that violence_in_offense is true
    weapon: float
    sex: bool
    crack: float = 0.0


# Federal and D.C. profiles with weights from the BOP offense mix above (approximate).
FEDERAL_PROFILES: tuple[tuple[OffenseProfile, float], ...] = (
    (OffenseProfile("drug trafficking", ("21 U.S.C. 841(a)(1)", "21 U.S.C. 841(b)(1)(A)"), ("drug",),
                    0.03, 0.1, False, 0.15), 0.20),
    (OffenseProfile("drug conspiracy", ("21 U.S.C. 846", "21 U.S.C. 841(b)(1)(B)"), ("drug",),
                    0.03, 0.1, False, 0.2), 0.16),
    (OffenseProfile("drug trafficking (C)", ("21 U.S.C. 841(b)(1)(C)",), ("drug",), 0.02, 0.05, False,
                    0.1), 0.05),
    (OffenseProfile("simple possession", ("21 U.S.C. 844",), ("drug",), 0.0, 0.0, False), 0.02),
    (OffenseProfile("attempted simple possession", ("21 U.S.C. 846", "21 U.S.C. 844"), ("drug",), 0.0,
                    0.0, False), 0.005),
    (OffenseProfile("possession on federal land", ("36 C.F.R. 2.35(b)(2)",), ("drug",), 0.0, 0.0,
                    False), 0.003),
    (OffenseProfile("continuing criminal enterprise", ("21 U.S.C. 848",), ("drug",), 0.2, 0.4, False,
                    0.2), 0.002),
    (OffenseProfile("drug and firearm", ("21 U.S.C. 841(a)(1)", "18 U.S.C. 924(c)"), ("drug", "weapon"),
                    0.1, 1.0, False, 0.1), 0.04),
    (OffenseProfile("felon in possession", ("18 U.S.C. 922(g)(1)",), ("weapon",), 0.1, 1.0, False), 0.17),
    (OffenseProfile("child pornography", ("18 U.S.C. 2252A(a)(2)",), ("sex",), 0.0, 0.0, True), 0.11),
    (OffenseProfile("wire fraud", ("18 U.S.C. 1343",), ("fraud",), 0.0, 0.0, False), 0.06),
    (OffenseProfile("illegal reentry", ("8 U.S.C. 1326",), ("other",), 0.0, 0.0, False), 0.05),
    (OffenseProfile("bank robbery", ("18 U.S.C. 2113(a)",), ("violent", "property"), 0.9, 0.3, False),
     0.03),
    (OffenseProfile("murder", ("18 U.S.C. 1111",), ("violent",), 1.0, 0.6, False), 0.03),
    (OffenseProfile("D.C. possession", ("D.C. Code 48-904.01(d)(1)",), ("drug",), 0.0, 0.0, False), 0.01),
    (OffenseProfile("other federal offense", ("18 U.S.C. 371",), ("other",), 0.05, 0.05, False), 0.063),
)

# State profiles with weights from the BJS most-serious-offense mix above (approximate).
STATE_PROFILES: tuple[tuple[OffenseProfile, float], ...] = (
    (OffenseProfile("murder", ("Cal. Penal Code 187",), ("violent",), 1.0, 0.6, False), 0.15),
    (OffenseProfile("robbery", ("Cal. Penal Code 211",), ("violent", "property"), 0.95, 0.4, False), 0.12),
    (OffenseProfile("assault", ("Cal. Penal Code 245(a)(1)",), ("violent",), 1.0, 0.3, False), 0.17),
    (OffenseProfile("rape", ("Cal. Penal Code 261",), ("violent", "sex"), 1.0, 0.1, True), 0.13),
    (OffenseProfile("other violent", ("Cal. Penal Code 422",), ("violent",), 0.9, 0.2, False), 0.05),
    (OffenseProfile("burglary", ("Cal. Penal Code 459",), ("property",), 0.05, 0.05, False), 0.07),
    (OffenseProfile("theft", ("Cal. Penal Code 487",), ("property",), 0.0, 0.0, False), 0.06),
    (OffenseProfile("drug possession", ("Cal. Health & Safety Code 11350",), ("drug",), 0.0, 0.0, False),
     0.05),
    (OffenseProfile("drug sales", ("Cal. Health & Safety Code 11352",), ("drug",), 0.02, 0.1, False), 0.08),
    (OffenseProfile("weapons", ("Cal. Penal Code 29800",), ("weapon",), 0.1, 1.0, False), 0.06),
    (OffenseProfile("public order", ("Cal. Vehicle Code 23152",), ("other",), 0.0, 0.0, False), 0.06),
)

# Jurisdictions for state rows: BJS Prisoners in 2022 appendix table 1, largest states (approximate).
STATE_JURISDICTIONS: tuple[tuple[str, float], ...] = (
    ("us-tx", 0.20), ("us-ca", 0.17), ("us-fl", 0.12), ("us-ga", 0.07), ("us-oh", 0.06),
    ("us-ny", 0.05), ("us-pa", 0.05), ("us-az", 0.05), ("us-ok", 0.03), ("us-tn", 0.03),
    ("us-wi", 0.03), ("us-al", 0.03), ("us-la", 0.03), ("us-mi", 0.05),
)

# Age at the reference date, from the BOP age table (approximate): (low, high, weight) in years.
AGE_BRACKETS: tuple[tuple[int, int, float], ...] = (
    (18, 25, 0.06), (26, 30, 0.13), (31, 35, 0.17), (36, 40, 0.18), (41, 45, 0.15), (46, 50, 0.11),
    (51, 55, 0.08), (56, 60, 0.06), (61, 65, 0.035), (66, 85, 0.025),
)

# Term imposed in months, from the BOP sentences-imposed table (approximate): (low, high, weight).
TERM_BRACKETS_MONTHS: tuple[tuple[int, int, float], ...] = (
    (1, 12, 0.02), (13, 36, 0.10), (37, 60, 0.13), (61, 120, 0.29), (121, 180, 0.21), (181, 240, 0.10),
    (241, 720, 0.12),
)

# Criminal history points by category, USSC FY2023 (approximate): (low, high, weight).
HISTORY_POINT_BRACKETS: tuple[tuple[int, int, float], ...] = (
    (0, 0, 0.33), (1, 1, 0.10), (2, 3, 0.12), (4, 6, 0.16), (7, 9, 0.10), (10, 12, 0.06), (13, 25, 0.13),
)

# Dates the rulebook turns on; the generator plants offenses and requests on both sides of each.
BOUNDARY_DATES: tuple[date, ...] = (
    date(2010, 8, 2), date(2010, 8, 3), date(2022, 10, 6), date(2022, 10, 7), date(2023, 12, 22),
    date(2023, 12, 23), date(2014, 11, 1), date(2023, 11, 1), date(1996, 4, 24),
)


def _days(value: date) -> int:
    return (value - _EPOCH).days


def _weighted(rng: np.random.Generator, weights: list[float], n: int) -> np.ndarray:
    p = np.asarray(weights, dtype=np.float64)
    return rng.choice(len(p), size=n, p=p / p.sum())


def _bracket(rng: np.random.Generator, brackets: tuple[tuple[int, int, float], ...], n: int) -> np.ndarray:
    which = _weighted(rng, [b[2] for b in brackets], n)
    low = np.array([b[0] for b in brackets])[which]
    high = np.array([b[1] for b in brackets])[which]
    return rng.integers(low, high + 1)


def _bools(rng: np.random.Generator, p_true: np.ndarray | float, p_null: float, n: int) -> pl.Series:
    values = rng.random(n) < p_true
    return pl.Series(values).set(pl.Series(rng.random(n) < p_null), None)  # type: ignore[arg-type]


def _dates(days: np.ndarray) -> pl.Series:
    return pl.Series(days.astype(np.int32)).cast(pl.Date)


def _null_some(series: pl.Series, rng: np.random.Generator, p_null: float) -> pl.Series:
    return series.set(pl.Series(rng.random(len(series)) < p_null), None)  # type: ignore[arg-type]


def generate_chunk(n: int, rng: np.random.Generator, first_id: int, reference: date) -> pl.DataFrame:
    """`n` fictional people with ids from `first_id`, facts as of `reference`."""
    ref = _days(reference)
    court = _weighted(rng, [0.50, 0.03, 0.47], n)  # federal, D.C. Superior Court, state
    federal = court == 0
    state = court == 2

    fed_pick = _weighted(rng, [w for _, w in FEDERAL_PROFILES], n)
    state_pick = _weighted(rng, [w for _, w in STATE_PROFILES], n)
    profiles = [p for p, _ in FEDERAL_PROFILES] + [p for p, _ in STATE_PROFILES]
    profile = np.where(state, state_pick + len(FEDERAL_PROFILES), fed_pick)

    def per_profile(attr: str) -> np.ndarray:
        return np.array([getattr(p, attr) for p in profiles], dtype=np.float64)[profile]

    jurisdiction_names = ["us", "us-dc"] + [j for j, _ in STATE_JURISDICTIONS]
    state_j = _weighted(rng, [w for _, w in STATE_JURISDICTIONS], n) + 2
    jurisdiction = np.where(state, state_j, np.where(federal, 0, 1))

    # Sentence type: federal life ~1.7% (BOP), state life/LWOP ~1 in 7 (Sentencing Project),
    # death ~0.2% of state rows (DPIC); some released and some probation-only, for pardon pathways.
    kinds = ["term", "life", "life_without_parole", "death", "probation", "none"]
    fed_kind = _weighted(rng, [0.955, 0.017, 0.0, 0.0008, 0.025, 0.002], n)
    state_kind = _weighted(rng, [0.84, 0.07, 0.075, 0.002, 0.01, 0.003], n)
    kind = np.where(state, state_kind, fed_kind)
    is_term = kind == 0
    is_death = kind == 3
    is_probation = kind == 4

    term_days = (_bracket(rng, TERM_BRACKETS_MONTHS, n) * 30.4375).round().astype(np.int64)
    age_days = _bracket(rng, AGE_BRACKETS, n) * 365 + rng.integers(0, 365, n)
    # Time in custody: a share of the term for terms (some already released), years for life/death.
    served_fraction = rng.random(n) * 1.25
    served = np.where(is_term, (term_days * served_fraction).astype(np.int64), rng.integers(200, 12000, n))
    served = np.where(is_probation, 0, served)
    served = np.minimum(served, age_days - 16 * 365)
    custody_start = ref - served
    offense = custody_start - rng.integers(0, 400, n)
    conviction = custody_start + rng.integers(30, 500, n)
    conviction = np.minimum(conviction, ref - 1)
    sentence = np.minimum(conviction + rng.integers(30, 120, n), ref)
    judgment_final = sentence + rng.integers(14, 800, n)
    birth = ref - age_days

    # Release after about 87% of the term (good conduct time); a projected date for those still in.
    release = custody_start + (term_days * 0.87).astype(np.int64)
    released = is_term & (release <= ref)
    completed = np.where(released, release + rng.integers(365, 5 * 365, n), 0)
    on_supervision = released & (completed > ref)

    executions = is_death & (rng.random(n) < 0.25)
    execution = ref + rng.integers(1, 240, n)
    notice = execution - rng.integers(120, 200, n)

    warden_asked = federal & ~released & (rng.random(n) < 0.08)
    warden = ref - rng.integers(0, 90, n)

    history = _bracket(rng, HISTORY_POINT_BRACKETS, n)
    status_pts = np.where(rng.random(n) < 0.25, np.where(rng.random(n) < 0.5, 1, 2), 0)
    offense_level = np.clip(rng.normal(26, 7, n).round(), 1, 43).astype(np.int64)

    statutes = pl.Series([list(p.statutes) for p in profiles], dtype=pl.List(pl.String))
    categories = pl.Series([list(p.categories) for p in profiles], dtype=pl.List(pl.String))
    profile_index = pl.Series(profile.astype(np.int32))

    citizenship = _weighted(rng, [0.85, 0.05, 0.10], n)
    citizenship = np.where(state, _weighted(rng, [0.95, 0.03, 0.02], n), citizenship)

    frame = pl.DataFrame({
        "person_id": pl.Series(np.arange(first_id, first_id + n)).cast(pl.String).str.zfill(9),
        "birth_date": _dates(birth),
        "citizenship": pl.Series(["us_citizen", "lawful_permanent_resident", "other"])[
            pl.Series(citizenship)],
        "lawfully_present_at_offense": _bools(rng, np.where(citizenship == 2, 0.4, 1.0), 0.05, n),
        # Status on the marijuana proclamations' dates: assumed unchanged since (a screening file
        # records only the current status), with some unknown.
        "citizen_or_resident_on_2022_10_06": _bools(rng, np.where(citizenship == 2, 0.0, 1.0), 0.1, n),
        "citizen_or_resident_on_2023_12_22": _bools(rng, np.where(citizenship == 2, 0.0, 1.0), 0.1, n),
        "jurisdiction": pl.Series(jurisdiction_names)[pl.Series(jurisdiction)],
        "court_system": pl.Series(["federal", "dc_superior", "state"])[pl.Series(court)],
        "offense_date": _dates(offense),
        "conviction_date": _dates(conviction),
        "sentence_date": _dates(sentence),
        "judgment_final_date": _dates(judgment_final),
        "statutes": statutes.gather(profile_index),
        "offense_categories": categories.gather(profile_index),
        "sentence_type": pl.Series(kinds)[pl.Series(kind)],
        "sentence_term_days": pl.Series(np.where(is_term, term_days, 0)).set(
            pl.Series(~is_term), None),  # type: ignore[arg-type]
        "custody_start_date": _dates(custody_start).set(pl.Series(is_probation), None),  # type: ignore[arg-type]
        "release_date": _dates(release).set(pl.Series(~is_term), None),  # type: ignore[arg-type]
        "jail_credit_days": pl.Series(rng.integers(0, 400, n)),
        "on_supervision": pl.Series(on_supervision | is_probation),
        "supervision_end_date": _dates(completed).set(pl.Series(~on_supervision), None),  # type: ignore[arg-type]
        "unpaid_fine_or_restitution": _bools(rng, 0.15, 0.3, n),
        "pending_appeal": _bools(rng, 0.04, 0.05, n),
        "pending_charges": _bools(rng, 0.03, 0.05, n),
        "criminal_history_points": pl.Series(history),
        "status_points": pl.Series(status_pts),
        "offense_level": pl.Series(offense_level).set(pl.Series(~(federal)), None),  # type: ignore[arg-type]
        "violence_in_offense": _bools(rng, per_profile("violent"), 0.05, n),
        "weapon_in_offense": _bools(rng, per_profile("weapon"), 0.05, n),
        "sex_offense": _bools(rng, per_profile("sex"), 0.03, n),
        "death_or_serious_bodily_injury": _bools(rng, per_profile("violent") * 0.5, 0.05, n),
        "terrorism_adjustment": _bools(rng, 0.003, 0.05, n),
        "aggravating_role": _bools(rng, 0.06, 0.05, n),
        "continuing_criminal_enterprise": _bools(rng, 0.002, 0.05, n),
        "substantial_financial_hardship": _bools(rng, 0.02, 0.08, n),
        "individual_rights_offense": _bools(rng, 0.002, 0.05, n),
        "hate_crime_or_vulnerable_victim": _bools(rng, 0.01, 0.05, n),
        "crack_cocaine_offense": _bools(rng, per_profile("crack"), 0.05, n),
        "sentenced_under_fair_sentencing_act": _bools(rng, 0.6, 0.05, n),
        "prior_404_motion_decided_on_merits": _bools(rng, 0.1, 0.1, n),
        "disciplinary_reports_last_5_years": pl.Series(rng.poisson(0.6, n)),
        "serious_health_deterioration_from_aging": _bools(rng, 0.15, 0.3, n),
        "terminal_illness": _bools(rng, 0.01, 0.2, n),
        "caregiver_incapacitated_minor_child": _bools(rng, 0.02, 0.3, n),
        "sentence_under_3559c": _bools(rng, 0.01, 0.05, n),
        "changed_law_gross_disparity": _bools(rng, 0.05, 0.4, n),
        "warden_request_date": _dates(warden).set(pl.Series(~warden_asked), None),  # type: ignore[arg-type]
        "execution_date": _dates(execution).set(pl.Series(~executions), None),  # type: ignore[arg-type]
        "execution_notice_date": _dates(notice).set(pl.Series(~executions), None),  # type: ignore[arg-type]
        "registered_sex_offender": pl.Series(per_profile("sex") > 0.5),
        "sentence_completed_date": _dates(completed).set(
            pl.Series(~released | on_supervision), None),  # type: ignore[arg-type]
        "felony_convictions_count": pl.Series(1 + rng.poisson(0.8, n)),
        "age_at_offense_years": pl.Series(np.zeros(n, dtype=np.int64)).set(
            pl.Series(np.ones(n, dtype=bool)), None),  # type: ignore[arg-type]
    })
    frame = _other_facts(frame, rng, profile, [p for p, _ in FEDERAL_PROFILES + STATE_PROFILES])
    frame = _sprinkle_nulls(_plant_edge_cases(frame, rng, reference), rng)
    return _categorical(frame)


def _categorical(frame: pl.DataFrame) -> pl.DataFrame:
    """Category facts as Enums: Parquet keeps them dictionary-encoded, as a well-made file would."""
    from clemency.law import FACTS

    return frame.with_columns(
        pl.col(name).cast(pl.Enum(list(spec.values or ()))) for name, spec in FACTS.items()
        if spec.type == "enum" and name in frame.columns
    )


SUBSTANCES = ("marijuana", "cocaine", "crack_cocaine", "heroin", "methamphetamine", "fentanyl", "other")
# Drug type in federal drug cases, USSC FY2023 (approximate): methamphetamine ~50%, fentanyl ~15%,
# powder cocaine ~15%, crack ~5%, heroin ~6%, marijuana ~4%, other ~5%.
SUBSTANCE_WEIGHTS = (0.04, 0.15, 0.05, 0.06, 0.50, 0.15, 0.05)


def _other_facts(frame: pl.DataFrame, rng: np.random.Generator, profile: np.ndarray,
                 profiles: list[OffenseProfile]) -> pl.DataFrame:
    """The rulebook's remaining facts: substances for drug cases, and the rest as intake data has
    them (mostly unknown: these are the questions a screen exists to raise)."""
    from clemency.law import FACTS

    n = frame.height
    names = [p.name for p in profiles]
    drug = np.array(["drug" in p.categories for p in profiles])[profile]
    possession = np.isin(np.array(names)[profile], ["simple possession", "attempted simple possession",
                                                    "possession on federal land", "D.C. possession",
                                                    "drug possession"])
    substance = _weighted(rng, list(SUBSTANCE_WEIGHTS), n)
    substance = np.where(possession & (rng.random(n) < 0.7), 0, substance)  # possession: mostly marijuana
    substances = pl.Series([[s] for s in SUBSTANCES], dtype=pl.List(pl.String)).gather(
        pl.Series(substance.astype(np.int32)))
    conduct_names = ["simple_possession", "attempted_simple_possession", "possession_with_intent",
                     "distribution", "conspiracy"]
    conduct = np.where(possession, rng.integers(0, 2, n), rng.integers(2, 5, n))
    marijuana = substance == 0
    extra: dict[str, pl.Series] = {
        "controlled_substances": substances.set(pl.Series(~drug), None),  # type: ignore[arg-type]
        "marijuana_offense_conduct": pl.Series(conduct_names)[pl.Series(conduct)].set(
            pl.Series(~(drug & marijuana)), None),  # type: ignore[arg-type]
    }
    for name, spec in FACTS.items():
        if name in frame.columns or name in extra:
            continue
        if spec.type == "bool":
            extra[name] = _bools(rng, 0.15, 0.5, n)
        elif spec.type == "int":
            extra[name] = pl.Series(rng.poisson(1.0, n)).set(pl.Series(rng.random(n) < 0.5), None)  # type: ignore[arg-type]
        elif spec.type == "enum":
            values = list(spec.values or ())
            extra[name] = pl.Series(values)[pl.Series(rng.integers(0, len(values), n))]
        else:  # dates and lists nobody records on intake
            extra[name] = pl.Series([None] * n, dtype=pl.Date if spec.type == "date" else pl.List(pl.String))
    return frame.with_columns(**extra)


def _plant_edge_cases(frame: pl.DataFrame, rng: np.random.Generator, reference: date) -> pl.DataFrame:
    """Put about 2% of rows exactly on a threshold (and a day either side), and 0.1% on leap days."""
    n = frame.height
    which = pl.Series("edge", rng.integers(0, 60, n).astype(np.int32))  # 0..11 are edge rows
    nudge = pl.Series("nudge", rng.integers(-1, 2, n).astype(np.int32))  # -1, 0, +1 day
    ref = pl.lit(reference)
    shift = pl.duration(days=pl.col("nudge"))
    edge = pl.col("edge")
    boundary = pl.Series(list(BOUNDARY_DATES))[pl.Series(rng.integers(0, len(BOUNDARY_DATES), n))]
    leap_year = pl.Series(rng.choice(np.arange(1940, 2004, 4), n).astype(np.int32))
    return (
        frame.with_columns(which, nudge, boundary.alias("boundary"), leap_year.alias("leap_year"))
        .with_columns(
            # Ages 65 and 70 on the day (1B1.13(b)(2), 3582(c)(1)(A)(ii)), youth 18, 26.
            birth_date=pl.when(edge == 0).then(ref.dt.offset_by("-65y") + shift)
            .when(edge == 1).then(ref.dt.offset_by("-70y") + shift)
            .when(edge == 2).then(pl.col("offense_date").dt.offset_by("-18y") + shift)
            .when(edge == 11).then(pl.date(pl.col("leap_year"), 2, 29))
            .otherwise(pl.col("birth_date")),
            # Ten years served, thirty years served, five years since release.
            custody_start_date=pl.when(edge == 3).then(ref.dt.offset_by("-10y") + shift)
            .when(edge == 4).then(ref - pl.duration(days=3650) + shift)
            .when(edge == 5).then(ref.dt.offset_by("-30y") + shift)
            .otherwise(pl.col("custody_start_date")),
            release_date=pl.when(edge == 6).then(ref.dt.offset_by("-5y") + shift)
            .otherwise(pl.col("release_date")),
            sentence_completed_date=pl.when(edge == 6).then(ref.dt.offset_by("-5y") + shift)
            .otherwise(pl.col("sentence_completed_date")),
            # Offenses on both sides of each effective date (FSA, proclamations, amendments, AEDPA).
            offense_date=pl.when(edge == 7).then(pl.col("boundary")).otherwise(pl.col("offense_date")),
            # The 30-day warden date of 3582(c)(1)(A).
            warden_request_date=pl.when(edge == 8).then(ref - pl.duration(days=30) + shift)
            .otherwise(pl.col("warden_request_date")),
            # Judgment final one year ago (2255(f), 2244(d)).
            judgment_final_date=pl.when(edge == 9).then(ref.dt.offset_by("-1y") + shift)
            .otherwise(pl.col("judgment_final_date")),
            # Points exactly on the Amendment 821 lines: 0, 1, 6, 7.
            criminal_history_points=pl.when(edge == 10)
            .then(pl.lit(pl.Series([0, 1, 6, 7]))
                  .gather(pl.col("nudge") + 1))
            .otherwise(pl.col("criminal_history_points")),
        )
        .drop("edge", "nudge", "boundary", "leap_year")
        .pipe(_keep_chronology)
    )


def _keep_chronology(frame: pl.DataFrame) -> pl.DataFrame:
    """Planted edge cases move single dates; move the others with them so every row stays possible
    (birth <= offense <= conviction <= sentence <= judgment final; custody <= release; and so on)."""
    col = pl.col
    return frame.with_columns(
        custody_start_date=pl.min_horizontal("custody_start_date", "release_date"),
    ).with_columns(
        birth_date=pl.when(col("birth_date") > col("custody_start_date").dt.offset_by("-16y"))
        .then(col("custody_start_date").dt.offset_by("-30y")).otherwise(col("birth_date")),
    ).with_columns(
        offense_date=pl.min_horizontal("offense_date", "custody_start_date"),
    ).with_columns(
        # 14, not later: birth is at least 16 years before custody, so the offense stays before custody.
        offense_date=pl.when(col("offense_date") < col("birth_date").dt.offset_by("14y"))
        .then(col("birth_date").dt.offset_by("14y")).otherwise(col("offense_date")),
    ).with_columns(
        conviction_date=pl.max_horizontal("conviction_date", "offense_date"),
    ).with_columns(
        sentence_date=pl.max_horizontal("sentence_date", "conviction_date"),
    ).with_columns(
        judgment_final_date=pl.max_horizontal("judgment_final_date", "sentence_date"),
        sentence_completed_date=pl.when(col("sentence_completed_date").is_not_null())
        .then(pl.max_horizontal("sentence_completed_date", "conviction_date")),
    )


# Facts that are sometimes unknown in real intake data; each gets this share of nulls.
_NULL_RATE = 0.02
_ALWAYS_KNOWN = {"person_id", "court_system", "jurisdiction", "sentence_type", "sentence_term_days",
                 "custody_start_date", "release_date", "sentence_completed_date", "execution_date",
                 "execution_notice_date", "warden_request_date", "age_at_offense_years"}


def _sprinkle_nulls(frame: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    masks = {
        name: pl.Series(rng.random(frame.height) < _NULL_RATE)
        for name in frame.columns if name not in _ALWAYS_KNOWN
    }
    return frame.with_columns(
        pl.when(pl.lit(mask)).then(None).otherwise(pl.col(name)).alias(name) for name, mask in masks.items()
    )


def generate_population(people: int, seed: int, reference: date = DEFAULT_REFERENCE_DATE) -> pl.DataFrame:
    """The whole population in memory (for tests and small demos)."""
    return pl.concat(list(_chunks(people, seed, reference)), rechunk=True)


def _chunks(people: int, seed: int, reference: date):  # type: ignore[no-untyped-def]
    # One child seed per chunk, so the output depends only on (people, seed, reference).
    starts = range(0, people, CHUNK_ROWS)
    for start, child in zip(starts, np.random.SeedSequence(seed).spawn(len(starts)), strict=True):
        rows = min(CHUNK_ROWS, people - start)
        yield generate_chunk(rows, np.random.default_rng(child), start + 1, reference)


def write_population(path: str | Path, people: int, seed: int,
                     reference: date = DEFAULT_REFERENCE_DATE) -> Path:
    """Write `people` fictional rows one chunk at a time (bounded memory): Parquet, or CSV with
    list facts joined by "|" (the screen's default list delimiter)."""
    if people < 1:
        raise ValueError("people: must be at least 1")
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            for index, chunk in enumerate(_chunks(people, seed, reference)):
                flat = chunk.with_columns(pl.col(pl.List(pl.String)).list.join("|"))
                flat.write_csv(handle, include_header=index == 0)
        return path
    writer: pq.ParquetWriter | None = None
    try:
        for chunk in _chunks(people, seed, reference):
            table = to_arrow(chunk)
            if writer is None:
                # Version 2 data pages store booleans run-length encoded: Polars reads this file
                # in 2.6 CPU-s per 10M people against 4.4 with version 1 pages (45 boolean facts).
                writer = pq.ParquetWriter(path, table.schema, compression="zstd", data_page_version="2.0")
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
    return path
