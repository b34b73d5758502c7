"""Every document page, for every role: hidden is 404, read-only is refused, anonymous signs in first."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clemency.documents import services
from clemency.documents.models import Document

PAGES = [
    ("documents:upload", "case", "get", True),
    ("documents:upload", "case", "post", True),
    ("documents:detail", "document", "get", False),
    ("documents:download", "document", "get", False),
    ("documents:edit", "document", "get", True),
    ("documents:edit", "document", "post", True),
    ("documents:replace", "document", "post", True),
    ("documents:delete", "document", "get", True),
    ("documents:delete", "document", "post", True),
]
WRITERS = ["admin", "attorney", "staff", "student", "volunteer"]


@pytest.fixture
def objects(case, cast):
    document = services.upload_document(
        case=case,
        actor=cast.attorney,
        kind="record",
        title="Record",
        upload=SimpleUploadedFile("record.txt", b"a record"),
    )
    return {"case": case, "document": document}


@pytest.mark.parametrize(("name", "source", "method", "writes"), PAGES)
@pytest.mark.parametrize("role", [*WRITERS, "read_only", "outsider", "anonymous"])
def test_access(client, cast, objects, name, source, method, writes, role):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    response = getattr(client, method)(reverse(name, args=[objects[source].pk]))
    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif role == "outsider":
        assert response.status_code == 404
    elif role == "read_only" and writes:
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 302, 400)
    if role in ("anonymous", "outsider", "read_only"):
        document = Document.objects.get()
        assert document.title == "Record" and document.original_name == "record.txt"
