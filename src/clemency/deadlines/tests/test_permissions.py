"""Every deadline page, for every role: hidden is 404, read-only is refused, anonymous signs in first."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from clemency.deadlines import services
from clemency.deadlines.models import Deadline

PAGES = [
    ("deadlines:create", "case", "get", True),
    ("deadlines:create", "case", "post", True),
    ("deadlines:edit", "deadline", "get", True),
    ("deadlines:edit", "deadline", "post", True),
    ("deadlines:done", "deadline", "post", True),
    ("deadlines:delete", "deadline", "get", True),
    ("deadlines:delete", "deadline", "post", True),
]
WRITERS = ["admin", "attorney", "staff", "student", "volunteer"]


@pytest.fixture
def objects(case, cast):
    deadline = services.create_deadline(
        case=case, actor=cast.attorney, kind="hearing", title="Hearing", date=datetime.date(2027, 1, 5)
    )
    return {"case": case, "deadline": deadline}


@pytest.mark.parametrize(("name", "source", "method", "writes"), PAGES)
@pytest.mark.parametrize("role", [*WRITERS, "read_only", "outsider", "anonymous"])
def test_access(client, cast, objects, name, source, method, writes, role):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    url = reverse(name, args=[objects[source].pk])
    response = getattr(client, method)(url, {"done": "1"} if name == "deadlines:done" else {})
    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif role == "outsider":
        assert response.status_code == 404
    elif role == "read_only" and writes:
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 302)
    if role in ("anonymous", "outsider", "read_only"):
        deadline = Deadline.objects.get()
        assert not deadline.done and deadline.title == "Hearing"


@pytest.mark.parametrize("name", ["deadlines:list", "deadlines:calendar", "petitions:list", "documents:list"])
def test_list_pages_need_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/login/" in response["Location"]
