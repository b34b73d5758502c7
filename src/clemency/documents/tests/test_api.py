from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from clemency.audit.models import AuditEvent
from clemency.documents import services
from clemency.documents.models import Document, DocumentKind
from clemency.documents.tests import samples


@pytest.fixture
def api():
    return APIClient()


def _post(api, case, name, content, **fields):
    body = {"case": case.pk, "kind": "record", "file": SimpleUploadedFile(name, content), **fields}
    return api.post("/api/documents/", body, format="multipart")


def test_upload_list_and_download(api, cast, case):
    api.force_authenticate(cast.staff)
    response = _post(api, case, "record.pdf", samples.pdf(), title="Sentencing transcript")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert len(body["sha256"]) == 64 and body["size_bytes"] > 0
    assert body["content_type"] == "application/pdf" and "file" not in body
    listed = api.get("/api/documents/", {"kind": "record"}).json()
    assert [row["title"] for row in listed["results"]] == ["Sentencing transcript"]
    download = api.get(body["download_url"])
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment")
    stored = Document.objects.get()
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == stored.sha256


def test_bad_uploads_are_400_naming_the_field(api, cast, case, settings):
    api.force_authenticate(cast.staff)
    response = _post(api, case, "photo.jpg", samples.pdf())
    assert response.status_code == 400 and "content is PDF" in response.json()["file"][0]
    settings.MAX_UPLOAD_BYTES = 10
    response = _post(api, case, "note.txt", b"x" * 11)
    assert response.status_code == 400 and response.json()["file"] == [
        "The file is over the limit of 10 bytes."
    ]
    response = _post(api, case, "note.txt", b"fine", kind="memo")
    assert response.status_code == 400 and "kind" in response.json()
    response = api.post("/api/documents/", {"case": case.pk, "kind": "record"}, format="multipart")
    assert response.status_code == 400 and "file" in response.json()
    assert not Document.objects.exists()


def test_privileged_content_and_access(api, cast, case, other_case):
    secret = services.upload_document(
        case=case,
        actor=cast.attorney,
        kind=DocumentKind.OTHER,
        privileged=True,
        upload=SimpleUploadedFile("memo.txt", b"work product"),
    )
    hidden = services.upload_document(
        case=other_case,
        actor=cast.outsider,
        kind=DocumentKind.OTHER,
        upload=SimpleUploadedFile("theirs.txt", b"theirs"),
    )
    api.force_authenticate(cast.volunteer)
    assert api.get(f"/api/documents/{secret.pk}/download/").status_code == 403
    assert api.patch(f"/api/documents/{secret.pk}/", {"privileged": False}, format="json").status_code == 403
    assert api.get(f"/api/documents/{hidden.pk}/").status_code == 404
    assert api.get(f"/api/documents/{hidden.pk}/download/").status_code == 404
    api.force_authenticate(cast.staff)
    assert api.get(f"/api/documents/{secret.pk}/download/").status_code == 200
    assert AuditEvent.objects.filter(action="document.privileged_read", actor=cast.staff).count() == 1
    secret.refresh_from_db()
    assert secret.privileged


def test_replace_and_delete(api, cast, case, django_capture_on_commit_callbacks):
    document = services.upload_document(
        case=case, actor=cast.attorney, kind=DocumentKind.RECORD, upload=SimpleUploadedFile("a.txt", b"first")
    )
    api.force_authenticate(cast.attorney)
    response = api.post(
        f"/api/documents/{document.pk}/replace/",
        {"file": SimpleUploadedFile("a.png", samples.image("PNG"))},
        format="multipart",
    )
    assert response.status_code == 200 and response.json()["content_type"] == "image/png"
    api.force_authenticate(cast.read_only)
    assert api.delete(f"/api/documents/{document.pk}/").status_code == 403
    api.force_authenticate(cast.attorney)
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete(f"/api/documents/{document.pk}/").status_code == 204
    assert not Document.objects.exists()


def test_a_huge_case_number_in_a_filter_is_400(api, cast):
    api.force_authenticate(cast.staff)
    response = api.get("/api/documents/", {"case": "-1.9e+130"})
    assert response.status_code == 400 and "case" in response.json()
