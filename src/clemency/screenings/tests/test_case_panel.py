"""Every case page shows its live eligibility, with citations, deadlines and the open questions."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clemency.screenings.tests.conftest import make_case

pytestmark = pytest.mark.django_db


def panel(client, case, query=""):
    response = client.get(f"/cases/{case.pk}/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="eligibility-panel"')
    return html[start: html.index("</section>", start)]


def details_for(html, pathway_id):
    match = re.search(rf'<details[^>]*id="pathway-{pathway_id.replace(".", "")}".*?</details>', html, re.S)
    assert match, f"no panel entry for {pathway_id}"
    return match.group(0)


@pytest.fixture
def demo_cases(db):
    from clemency.web import demo

    return demo.seed()


@pytest.fixture
def demo_client(client, demo_cases):
    from clemency.accounts.models import User

    client.force_login(User.objects.get(username="demo-attorney"))
    return client


def test_a_texas_death_case_shows_death_commutation_eligible_and_dna_testing_questions(
    demo_client, demo_cases, fixed_today
):
    html = panel(demo_client, demo_cases["texas_death_dna"])
    assert "As of" in html and "1 June 2026" in html
    commutation = details_for(html, "us-tx.death_commutation")
    assert "Eligible" in commutation and "Tex. Const. art. IV" in commutation
    dna = details_for(html, "us-tx.dna_testing")
    assert "Needs review" in dna
    assert "Questions that would settle it" in dna
    assert "Does the evidence still exist in a condition making DNA testing possible?" in dna
    assert "Tex. Code Crim. Proc. art. 64" in dna
    assert "us.commutation" not in html.split("Also evaluate")[0]  # federal pathways not shown for Texas


def test_a_federal_death_case_shows_each_criterion_with_its_citation(demo_client, demo_cases, fixed_today):
    html = panel(demo_client, demo_cases["federal_death"])
    death = details_for(html, "us.death_clemency")
    # The case records no execution or notice date, so the death-case pathway asks for them
    # (issue 14: never ELIGIBLE without knowing the petition is still timely).
    assert "Needs review" in death
    assert death.count("28 C.F.R. 1.10") >= 2  # each criterion carries its citation
    assert "<td>Federal court</td>" in death and "<td>Death sentence</td>" in death
    assert "federal_court" not in death  # criteria by their plain label, never the id
    ineligible = details_for(html, "us.marijuana_pardon")
    assert "Not eligible" in ineligible and "Not met" in ineligible


def test_a_probation_case_is_not_yet_eligible_for_a_pardon_with_its_date(client, cast, fixed_today):
    case = make_case(
        cast.team, cast.attorney,
        person={"given_name": "Wren", "family_name": "Fictional", "birth_date": dt.date(1990, 1, 2),
                "custody_status": "in_custody"},
        conviction={"jurisdiction": "federal", "offense_date": dt.date(2023, 1, 5),
                    "conviction_date": dt.date(2024, 3, 1)},
        sentence={"sentence_type": "probation", "sentence_term_days": 365},
    )
    client.force_login(cast.student)
    pardon = details_for(panel(client, case), "us.pardon")
    assert "Not yet: from 1 March 2029" in pardon
    assert "2029-03-01" not in pardon


def test_deadlines_are_listed_with_their_dates(client, cast, fixed_today):
    case = make_case(
        cast.team, cast.attorney,
        person={"given_name": "Lark", "family_name": "Fictional", "custody_status": "in_custody"},
        conviction={"jurisdiction": "federal", "offense_date": dt.date(2023, 1, 5),
                    "sentencing_date": dt.date(2024, 3, 1), "judgment_final_date": dt.date(2025, 10, 1)},
        sentence={"sentence_type": "term", "sentence_term_days": 3650},
    )
    client.force_login(cast.attorney)
    habeas = details_for(panel(client, case), "us.habeas_2255")
    assert "Deadlines" in habeas and "1 October 2026" in habeas and "2255(f)" in habeas


def test_a_case_without_a_conviction_says_what_is_missing_and_can_ask_for_a_pathway(
    client, cast, fixed_today
):
    case = make_case(cast.team, cast.attorney, person={"given_name": "Moss", "family_name": "Fictional"})
    client.force_login(cast.volunteer)
    html = panel(client, case)
    assert "Record a conviction" in html and "<details" not in html
    asked = panel(client, case, "?pathway=us.pardon")
    assert "Needs review" in details_for(asked, "us.pardon")


def test_a_pathway_the_user_asks_for_is_added_and_an_unknown_one_is_named(
    demo_client, demo_cases, fixed_today
):
    query = "?pathway=us-ca.youth_offender_parole&pathway=us.nonsense"
    html = panel(demo_client, demo_cases["tennessee_juvenile_51"], query)
    assert details_for(html, "us-ca.youth_offender_parole")
    assert details_for(html, "us-tn.clemency")
    assert "&#x27;us.nonsense&#x27; is not a pathway in the rulebook" in html
    # Asking for one more keeps the ones already asked for.
    assert '<input type="hidden" name="pathway" value="us-ca.youth_offender_parole">' in html
    assert 'value="us.nonsense"' not in html


def test_the_panel_is_collapsible_without_javascript_and_the_page_is_hidden_from_outsiders(
    client, cast, demo_cases, fixed_today
):
    from clemency.accounts.models import User

    case = demo_cases["oklahoma_death_clemency"]
    client.force_login(User.objects.get(username="demo-student"))
    html = panel(client, case)
    assert "<details" in html and "<summary>" in html and "<script" not in html
    client.force_login(cast.outsider)
    assert client.get(f"/cases/{case.pk}/").status_code == 404
