from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from clemency.accounts.models import Membership, Role
from clemency.cases.facts import convictions_to_facts
from clemency.cases.models import Case
from clemency.law.facts import validate_facts
from clemency.people.models import Person
from clemency.web import demo

KEYS = {
    "federal_drug_life",
    "wisconsin_juvenile_life",
    "federal_death",
    "texas_death_dna",
    "tennessee_juvenile_51",
    "oklahoma_death_clemency",
    "federal_simple_possession",
}
KEYS.add("california_death_dna")  # i22: DNA testing ordered years ago, still pending


@pytest.mark.django_db
def test_seed_creates_the_demo_team_users_and_cases():
    cases = demo.seed()
    assert set(cases) == KEYS
    assert authenticate(username="demo-attorney", password=demo.DEMO_PASSWORD) is not None
    roles = dict(Membership.objects.filter(team__name=demo.TEAM_NAME).values_list("user__username", "role"))
    assert roles == {"demo-attorney": Role.ATTORNEY, "demo-student": Role.STUDENT, "demo-admin": Role.ADMIN,
                     "demo-staff": Role.STAFF}
    assert cases["federal_death"].convictions.get().sentence.sentence_type == "death"
    assert cases["wisconsin_juvenile_life"].convictions.get().jurisdiction == "us-wi"
    assert cases["tennessee_juvenile_51"].convictions.get().sentence.sentence_term_days == 51 * 365


@pytest.mark.django_db
def test_seed_is_idempotent():
    first = demo.seed()
    second = demo.seed()
    assert {k: c.pk for k, c in first.items()} == {k: c.pk for k, c in second.items()}
    assert Case.objects.count() == len(KEYS) and Person.objects.count() == len(KEYS)


@pytest.mark.django_db
def test_if_empty_leaves_a_database_with_cases_alone(cast):
    from clemency.cases.tests import factories

    factories.case(cast.team)
    call_command("seed_demo", "--if-empty")
    assert Case.objects.count() == 1
    call_command("seed_demo")
    assert Case.objects.count() == 1 + len(KEYS)


@pytest.mark.django_db
def test_every_demo_case_gives_the_rulebook_valid_facts():
    for key, case in demo.seed().items():
        facts = validate_facts(convictions_to_facts(case))
        assert facts["sentence_type"] is not None, key
        assert facts["jurisdiction"] is not None, key
