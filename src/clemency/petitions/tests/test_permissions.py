"""Every petition page, for every role: hidden is 404, read-only is refused, anonymous signs in first."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.petitions import services
from clemency.petitions.models import Petition

# (url name, object the id comes from, method, changes something)
PAGES = [
    ("petitions:create", "case", "get", True),
    ("petitions:create", "case", "post", True),
    ("petitions:detail", "petition", "get", False),
    ("petitions:edit", "petition", "get", True),
    ("petitions:edit", "petition", "post", True),
    ("petitions:move", "petition", "post", True),
]
WRITERS = ["admin", "attorney", "staff", "student", "volunteer"]


@pytest.fixture
def objects(case, cast):
    petition = services.create_petition(
        case=case,
        actor=cast.attorney,
        pathway="us.pardon",
        title="Pardon",
        deciding_authority="The President",
    )
    return {"case": case, "petition": petition}


@pytest.mark.parametrize(("name", "source", "method", "writes"), PAGES)
@pytest.mark.parametrize("role", [*WRITERS, "read_only", "outsider", "anonymous"])
def test_access(client, cast, objects, name, source, method, writes, role):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    url = reverse(name, args=[objects[source].pk])
    response = getattr(client, method)(url, {"status": "filed"} if name == "petitions:move" else {})
    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif role == "outsider":
        assert response.status_code == 404
    elif role == "read_only" and writes:
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 302, 400)
    if role in ("anonymous", "outsider", "read_only"):
        petition = Petition.objects.get()
        assert petition.status == "draft" and petition.history.count() == 1
