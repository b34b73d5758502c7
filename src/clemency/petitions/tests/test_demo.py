from __future__ import annotations

from clemency.petitions import demo
from clemency.petitions.models import Petition, PetitionStatus
from clemency.petitions.tests.conftest import make_case

KEYS = [
    "federal_drug_life",
    "wisconsin_juvenile_life",
    "federal_death",
    "texas_death_dna",
    "tennessee_juvenile_51",
    "oklahoma_death_clemency",
    "federal_simple_possession",
]


def test_the_demo_seed_puts_petitions_at_different_stages(cast):
    cases = {key: make_case(cast.team, "Demo", key) for key in KEYS}
    made = demo.seed(cases, cast.attorney)
    assert made == Petition.objects.count() == len(demo.DEMO_PETITIONS)
    statuses = set(Petition.objects.values_list("status", flat=True))
    assert {
        PetitionStatus.DRAFT,
        PetitionStatus.FILED,
        PetitionStatus.UNDER_REVIEW,
        PetitionStatus.GRANTED,
    } <= statuses
    granted = Petition.objects.get(case=cases["federal_simple_possession"])
    assert granted.status == PetitionStatus.GRANTED and granted.filed_on < granted.decided_on
    assert granted.history.count() == 4


def test_missing_cases_are_skipped(cast):
    assert demo.seed({"federal_death": make_case(cast.team, "Demo", "Death")}, cast.attorney) == 1


def test_every_demo_pathway_is_in_the_rulebook():
    from clemency.screenings.eligibility import known_pathway

    assert [p for _, p, *_ in demo.DEMO_PETITIONS if not known_pathway(p)] == []
