"""The team page shows the demonstration data's petitions and decisions."""

from __future__ import annotations

from django.urls import reverse

from clemency.petitions.models import Petition, PetitionStatus
from clemency.web import demo


def test_the_team_page_shows_the_demo_teams_petitions_and_decisions(client, public_record):
    demo.seed()
    petitions = Petition.objects.filter(case__team__name=demo.TEAM_NAME)
    decided = petitions.filter(status__in=[PetitionStatus.GRANTED, PetitionStatus.DENIED])
    assert petitions.exists() and decided.exists()
    client.login(username="demo-staff", password=demo.DEMO_PASSWORD)
    response = client.get(reverse("outcomes:team"))
    assert response.status_code == 200
    charts = {chart.key: chart for chart in response.context["charts"]}
    by_pathway = charts["team-by-pathway"]
    assert sum(row[-1] for row in by_pathway.rows) == petitions.count()
    rates = charts["team-grant-rates"]
    assert sum(row[1] + row[2] for row in rates.rows) == decided.count()
    html = response.content.decode()
    for pathway in set(petitions.values_list("pathway", flat=True)):
        assert pathway in html
