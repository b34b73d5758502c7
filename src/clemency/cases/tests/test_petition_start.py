"""'Start a petition' on the eligibility panel: pathway and deciding authority filled from the rulebook."""

from __future__ import annotations

import datetime

from django.urls import reverse

from clemency.cases import services
from clemency.cases.tests import factories
from clemency.law import get_pathway


def test_start_a_petition_fills_the_pathway_and_authority_and_the_picker_offers_the_cases_own(client, cast):
    case = factories.case(cast.team, person_values={"birth_date": datetime.date(1989, 1, 10)})
    services.add_conviction(case, actor=cast.attorney, jurisdiction="us-wi")
    client.force_login(cast.staff)
    panel = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    start = reverse("petitions:create", args=[case.pk]) + "?pathway=us-wi.pardon"
    assert f'href="{start}"' in panel and "Start a petition" in panel
    page = client.get(start).content.decode()
    pardon = get_pathway("us-wi.pardon")
    title = pardon.title.replace("'", "&#x27;")
    assert f'<option value="us-wi.pardon" selected>{title} (us-wi.pardon)</option>' in page
    assert "This case&#x27;s jurisdictions" in page or "This case's jurisdictions" in page
    assert pardon.authority.replace("'", "&#x27;") in page  # the deciding authority, filled in
    mine = page.split("Other jurisdictions")[0]
    assert "us-wi.pardon" in mine and "us.habeas_2254" in mine and "us-tx." not in mine
    created = client.post(
        reverse("petitions:create", args=[case.pk]),
        {
            "pathway": "us-wi.pardon",
            "title": pardon.title,
            "deciding_authority": pardon.authority,
            "summary": "",
        },
    )
    assert created.status_code == 302
    bad = client.post(
        reverse("petitions:create", args=[case.pk]),
        {"pathway": "us-wi.pardonn", "title": "x", "deciding_authority": "y", "summary": ""},
    )
    assert bad.status_code == 400 and "not a pathway in the rulebook" in bad.content.decode()
