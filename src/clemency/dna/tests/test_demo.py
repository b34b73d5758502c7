"""The demonstration's California death-row case: testing ordered years ago, still pending, and its page
saying for how long."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from clemency.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_case_shows_years_of_waiting(client: Any) -> None:
    from clemency.web.demo import seed

    cases = seed()
    case = cases["california_death_dna"]
    client.force_login(User.objects.get(username="demo-staff"))
    page = client.get(reverse("dna:case", args=[case.pk])).content.decode()
    today = dt.date.today()
    assert f"{(today - dt.date(2016, 5, 10)).days} days (filed 2016-05-10)" in page
    assert f"{(today - dt.date(2018, 3, 19)).days} days (ordered 2018-03-19)" in page
    assert f"{(today - dt.date(2017, 9, 8)).days} days (last confirmed 2017-09-08)" in page
    assert "report from Example Forensic Laboratory (fictional)" in page
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "DNA testing: stalled steps" in dashboard
    assert "Ashdale" in dashboard
    seed()  # a second run adds nothing
    assert case.dna_requests.count() == 1
