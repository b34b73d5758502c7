from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse

from clemency.dna import services

pytestmark = pytest.mark.django_db


def test_case_page_shows_durations_in_words(client: Any, case: Any, cast: Any) -> None:
    services.file_request(
        case=case,
        actor=cast.attorney,
        title="Motion for testing",
        filed_on=dt.date(2020, 1, 1),
        court="Court",
    )
    client.force_login(cast.staff)
    page = client.get(reverse("dna:case", args=[case.pk])).content.decode()
    days = (dt.date.today() - dt.date(2020, 1, 1)).days
    assert f"{days} days (filed 2020-01-01)" in page
    assert "No order recorded" in page


def test_request_form_error_names_the_field_and_saves_nothing(client: Any, case: Any, cast: Any) -> None:
    client.force_login(cast.staff)
    response = client.post(
        reverse("dna:request-create", args=[case.pk]),
        {"title": "Motion", "filed_on": "2020-02-30", "court": "Court"},
    )
    assert response.status_code == 200
    assert "filed_on" in response.context["form"].errors
    assert not case.dna_requests.exists()


def test_export_neutralises_formulas_and_lists_durations(client: Any, case: Any, cast: Any) -> None:
    services.file_request(
        case=case, actor=cast.attorney, title="=HYPERLINK(1)", filed_on=dt.date(2020, 1, 1), court="Court"
    )
    client.force_login(cast.staff)
    response = client.get(reverse("dna:export"), {"team": cast.team.pk})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][7] == "Days since the request"
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][7] == str((dt.date.today() - dt.date(2020, 1, 1)).days)
    client.force_login(cast.outsider)
    assert len(list(csv.reader(io.StringIO(client.get(reverse("dna:export")).content.decode())))) == 1


def test_editing_a_request_refuses_a_served_date_before_filing(client: Any, case: Any, cast: Any) -> None:
    request = services.file_request(
        case=case, actor=cast.attorney, title="Motion", filed_on=dt.date(2020, 1, 1), court="Court"
    )
    client.force_login(cast.staff)
    url = reverse("dna:request-edit", args=[request.pk])
    values = {"title": "Motion", "filed_on": "2020-01-01", "court": "Court", "status": "pending"}
    response = client.post(url, {**values, "served_on": "2019-12-31"})
    assert response.status_code == 200
    assert "served_on" in response.context["form"].errors
    request.refresh_from_db()
    assert request.served_on is None
    response = client.post(url, {**values, "served_on": "2020-01-02", "status": "on_appeal"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.served_on, request.status) == (dt.date(2020, 1, 2), "on_appeal")
