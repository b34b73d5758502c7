from __future__ import annotations

from django.utils import timezone

from clemency.deadlines import demo
from clemency.deadlines.models import Deadline, DeadlineKind
from clemency.deadlines.selectors import cases_by_urgency
from clemency.deadlines.tests.conftest import make_case

KEYS = [
    "federal_drug_life",
    "wisconsin_juvenile_life",
    "federal_death",
    "texas_death_dna",
    "tennessee_juvenile_51",
    "oklahoma_death_clemency",
    "federal_simple_possession",
]


def test_the_demo_seed_gives_the_capital_cases_execution_dates_ahead(cast):
    cases = {key: make_case(cast.team, "Demo", key) for key in KEYS}
    assert demo.seed(cases, cast.attorney) == Deadline.objects.count() == len(demo.DEMO_DEADLINES)
    executions = Deadline.objects.filter(kind=DeadlineKind.EXECUTION, done=False)
    assert {d.case_id for d in executions} == {
        cases[k].pk for k in ("federal_death", "texas_death_dna", "oklahoma_death_clemency")
    }
    assert all(d.date > timezone.localdate() for d in executions)
    ordered = list(cases_by_urgency(cast.staff))
    assert ordered[0] == cases["oklahoma_death_clemency"]  # the nearest execution date leads the dashboard
