from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from clemency.dna import services

pytestmark = pytest.mark.django_db


def test_requests_with_durations_are_listed_only_to_the_team(client: Any, case: Any, cast: Any) -> None:
    request = services.file_request(
        case=case, actor=cast.attorney, title="Motion", filed_on=dt.date(2020, 1, 1), court="Court"
    )
    client.force_login(cast.staff)
    body = client.get("/api/dna-requests/").json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [row["id"] for row in rows] == [request.pk]
    assert rows[0]["durations"]["days_since_request"] == (dt.date.today() - dt.date(2020, 1, 1)).days
    assert rows[0]["durations"]["days_since_order"] is None
    client.force_login(cast.outsider)
    assert client.get(f"/api/dna-requests/{request.pk}/").status_code == 404
    assert client.post("/api/dna-requests/", {}).status_code == 405
