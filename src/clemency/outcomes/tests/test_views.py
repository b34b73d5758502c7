"""The outcome pages: signed-in users only (embeds excepted), filters that say what is wrong, CSV and API."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from clemency.petitions.models import PetitionStatus

from .conftest import make_petition

PAGES = [
    "outcomes:index",
    "outcomes:federal",
    "outcomes:executions",
    "outcomes:exonerations",
    "outcomes:states",
    "outcomes:team",
]


@pytest.mark.parametrize("name", PAGES)
def test_every_outcome_page_needs_a_signed_in_user(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_every_outcome_page_shows_charts_with_text_alternatives_tables_and_sources(
    client, cast, public_record, name
):
    client.force_login(cast.staff)
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script" not in html.split("</head>", 1)[1]  # no chart script in the page's body
    if name != "outcomes:index":
        assert html.count('<img src="data:image/svg+xml;base64,') >= 2
        assert 'alt=""' not in html and "<caption>" in html
    if name not in ("outcomes:index", "outcomes:team"):
        assert "secondary source" in html or "primary source" in html


def test_the_executions_page_filters_by_jurisdiction_and_refuses_an_unknown_one(client, cast, public_record):
    client.force_login(cast.staff)
    response = client.get(reverse("outcomes:executions"), {"jurisdiction": "Texas"})
    assert (
        response.status_code == 200 and "Executions by year in Texas since 1977" in response.content.decode()
    )
    response = client.get(reverse("outcomes:executions"), {"jurisdiction": "Atlantis"})
    assert response.status_code == 400
    assert "Select a valid choice. Atlantis is not one of the available choices." in response.content.decode()


def test_the_exonerations_page_filters_by_state_and_crime(client, cast, public_record):
    client.force_login(cast.staff)
    response = client.get(reverse("outcomes:exonerations"), {"jurisdiction": "Illinois", "crime": "Murder"})
    assert response.status_code == 200
    assert "Exonerations by contributing factor in Illinois for Murder" in response.content.decode()


def test_a_chart_csv_keeps_the_page_filters_and_neutralises_formulas(client, cast, public_record, case):
    make_petition(case, "us.commutation", '=HYPERLINK("http://x")', PetitionStatus.DRAFT)
    client.force_login(cast.staff)
    response = client.get(reverse("outcomes:chart-csv", args=["team-by-decision-maker"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in response.content.decode()
    response = client.get(reverse("outcomes:chart-csv", args=["exonerations-by-year"]), {"crime": "Murder"})
    assert response.status_code == 200 and response.content.decode().startswith("Year,Exonerations")
    response = client.get(
        reverse("outcomes:chart-csv", args=["exonerations-by-year"]), {"crime": "Jaywalking"}
    )
    assert response.status_code == 400 and b"crime" in response.content
    assert client.get(reverse("outcomes:chart-csv", args=["no-such-chart"])).status_code == 404


def test_anyone_may_embed_a_public_record_chart_but_not_a_teams_numbers(client, public_record):
    response = client.get(reverse("outcomes:embed", args=["executions-by-year"]))
    assert response.status_code == 200 and "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]
    svg = client.get(reverse("outcomes:embed-svg", args=["exonerations-by-factor"]))
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert client.get(reverse("outcomes:embed", args=["team-by-pathway"])).status_code == 404
    assert client.get(reverse("outcomes:embed-svg", args=["team-grant-rates"])).status_code == 404


def test_the_team_page_counts_only_the_users_teams(client, cast, public_record, case, other_case):
    make_petition(
        case,
        "us-wi.pardon",
        "Governor of Wisconsin",
        PetitionStatus.GRANTED,
        filed_on=datetime.date(2026, 1, 5),
        decided_on=datetime.date(2026, 3, 6),
    )
    make_petition(other_case, "us-wi.pardon", "Governor of Elsewhere", PetitionStatus.DENIED)
    client.force_login(cast.staff)
    html = client.get(reverse("outcomes:team")).content.decode()
    assert "Governor of Wisconsin" in html and "Governor of Elsewhere" not in html
    assert "60 days (1 decided)" in html


def test_a_bad_team_filter_is_a_400_naming_the_field(client, cast, public_record):
    client.force_login(cast.staff)
    response = client.get(reverse("outcomes:team"), {"jurisdiction": "wi"})
    assert response.status_code == 400 and "a jurisdiction id is us or us-" in response.content.decode()
    response = client.get(
        reverse("outcomes:team"), {"filed_after": "2026-05-01", "filed_before": "2026-01-01"}
    )
    assert response.status_code == 400 and "must be on or after" in response.content.decode()
    response = client.get(reverse("outcomes:team"), {"team": cast.other_team.pk})
    assert response.status_code == 400  # another team is not a choice


def test_the_api_gives_the_team_results_with_the_same_filters(client, cast, public_record, case):
    make_petition(case, "us.commutation", "The President", PetitionStatus.DENIED)
    make_petition(case, "us-wi.pardon", "Governor of Wisconsin", PetitionStatus.GRANTED)
    client.force_login(cast.staff)
    data = client.get("/api/outcomes/team/", {"jurisdiction": "us"}).json()
    by_key = {chart["key"]: chart for chart in data["charts"]}
    assert [row[0] for row in by_key["team-by-pathway"]["rows"]] == ["us.commutation"]
    rates = by_key["team-grant-rates"]["rows"]
    assert rates[0][:4] == ["The President", 0, 1, 0.0] and rates[0][4] == 28.6
    bad = client.get("/api/outcomes/team/", {"filed_after": "not a date"})
    assert bad.status_code == 400 and "filed_after" in bad.json()


def test_the_api_gives_a_public_chart_and_refuses_a_bad_filter(client, cast, public_record):
    client.force_login(cast.staff)
    data = client.get("/api/outcomes/public/exonerations-by-factor/").json()
    assert data["columns"][0] == "Contributing factor" and data["sources"][0]["kind"] == "secondary"
    assert client.get("/api/outcomes/public/exonerations-by-factor/", {"crime": "x"}).status_code == 400
    assert client.get("/api/outcomes/public/nothing/").status_code == 404


def test_the_team_counts_are_cached_until_a_petition_changes(client, cast, public_record, case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    petition = make_petition(case, "us.commutation", "The President", PetitionStatus.FILED)
    client.force_login(cast.staff)
    url = reverse("outcomes:chart-csv", args=["team-by-pathway"])
    assert "us.commutation" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not any(
        "petitions_petition" in q["sql"] and "GROUP BY" in q["sql"] for q in queries.captured_queries
    )
    petition.pathway = "us.pardon"
    petition.save()
    body = client.get(url).content.decode()
    assert "us.pardon" in body and "us.commutation" not in body
