"""Uploads (built by the documents app) checked from the outside: content decides the type, size is
limited, files live outside anything served, and come back only as attachments to the case team."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.web.tests.factories import make_case

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def case(cast):
    return make_case(cast.team)


def _upload(client, case, name: str, content: bytes, content_type: str = "application/pdf", **extra):
    data = {"file": SimpleUploadedFile(name, content, content_type=content_type), "kind": "record",
            "title": "", "description": "", **extra}
    return client.post(reverse("documents:upload", args=[case.pk]), data)


def _documents(case):
    from clemency.documents.models import Document

    return Document.objects.filter(case=case)


@pytest.mark.parametrize("name, content", [
    ("record.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),  # a Windows program
    ("letter.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),  # a Linux program
    ("photo.png", b"\x00\x01\x02\x03 binary junk \xff\xfe"),
    ("archive.pdf", b"PK\x03\x04" + b"\x00" * 60),  # a ZIP that is not a DOCX
])
def test_a_file_is_judged_by_its_content_not_its_name(client, cast, case, media, name, content):
    client.force_login(cast.staff)
    response = _upload(client, case, name, content)
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert not _documents(case).exists()
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_html_named_pdf_is_never_stored_or_served_as_html(client, cast, case, media):
    client.force_login(cast.staff)
    response = _upload(client, case, "statement.pdf", b"<html><script>alert(1)</script></html>")
    documents = _documents(case)
    if response.status_code == 400:
        assert not documents.exists()
        return
    document = documents.get()
    assert document.content_type == "text/plain"
    assert not document.file.name.endswith((".pdf", ".html", ".htm"))
    download = client.get(reverse("documents:download", args=[document.pk]))
    assert download["Content-Type"].startswith("text/plain")
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_an_upload_over_the_limit_is_refused_with_the_field_named(client, cast, case, media, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    client.force_login(cast.staff)
    response = _upload(client, case, "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400
    assert "limit" in " ".join(response.context["form"].errors["file"])
    assert not _documents(case).exists()


def test_a_good_upload_is_stored_outside_static_and_served_only_as_an_attachment(client, cast, case, media,
                                                                                   settings):
    client.force_login(cast.staff)
    response = _upload(client, case, "../../etc/record.pdf", PDF)
    assert response.status_code == 302
    document = _documents(case).get()
    stored = (media / document.file.name).resolve()
    assert stored.is_file() and media.resolve() in stored.parents
    assert str(settings.STATIC_ROOT) not in str(stored)
    assert "etc" not in document.file.name and ".." not in document.file.name
    download = client.get(reverse("documents:download", args=[document.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    # Nothing serves the storage directory by URL.
    assert client.get("/media/" + document.file.name).status_code == 404
    assert client.get("/" + document.file.name).status_code == 404


def test_outsiders_cannot_download_and_privileged_reads_are_audited(client, cast, case, media):
    client.force_login(cast.attorney)
    _upload(client, case, "memo.pdf", PDF, privileged="on")
    document = _documents(case).get()
    assert document.privileged
    client.force_login(cast.outsider)
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404
    client.force_login(cast.student)
    refused = client.get(reverse("documents:download", args=[document.pk]))
    assert refused.status_code in (403, 404)
    assert not AuditEvent.objects.filter(action__contains="privileged_read").exists()
    client.force_login(cast.attorney)
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 200
    read = AuditEvent.objects.get(action__contains="privileged_read")
    assert (read.actor, read.case_id, read.object_id) == (cast.attorney, case.pk, str(document.pk))


def test_the_admin_sees_the_privileged_read_in_the_audit_log(client, cast, case, media):
    client.force_login(cast.attorney)
    _upload(client, case, "memo.pdf", PDF, privileged="on")
    document = _documents(case).get()
    client.get(reverse("documents:download", args=[document.pk]))
    client.force_login(cast.admin)
    page = client.get(reverse("audit:case", args=[case.pk]), {"action": "document.privileged"})
    rows = [row.record for row in page.context["table"].page.object_list]
    assert [(r.actor_name, r.object_id) for r in rows] == [("Test Attorney", str(document.pk))]
