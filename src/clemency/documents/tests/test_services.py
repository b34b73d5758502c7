from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from clemency.audit.models import AuditEvent
from clemency.documents import services
from clemency.documents.models import Document, DocumentKind
from clemency.documents.tests import samples


def _upload(case, actor, name="letter.txt", content=samples.TEXT, **fields):
    fields.setdefault("kind", DocumentKind.LETTER_OF_SUPPORT)
    return services.upload_document(
        case=case, actor=actor, upload=SimpleUploadedFile(name, content), **fields
    )


def test_an_upload_is_stored_under_a_random_name_with_its_hash(case, cast, media_root):
    document = _upload(case, cast.student)
    assert document.title == "letter" and document.original_name == "letter.txt"
    assert document.sha256 == hashlib.sha256(samples.TEXT).hexdigest() and document.size_bytes == len(
        samples.TEXT
    )
    assert document.file.name.startswith(f"cases/{case.pk}/") and document.file.name.endswith(".txt")
    assert "letter" not in document.file.name
    assert (media_root / document.file.name).read_bytes() == samples.TEXT
    event = AuditEvent.objects.get(action="document.uploaded")
    assert event.after["sha256"] == document.sha256 and event.actor_id == cast.student.pk


def test_a_refused_upload_stores_nothing(case, cast, media_root, settings):
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError) as refused:
        _upload(case, cast.student)
    assert "limit" in refused.value.message_dict["file"][0]
    settings.MAX_UPLOAD_BYTES = 10_000
    with pytest.raises(ValidationError) as refused:
        _upload(case, cast.student, kind="memo")
    assert "kind" in refused.value.message_dict
    assert not Document.objects.exists() and not AuditEvent.objects.exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_replacing_keeps_the_row_and_removes_the_old_file_after_commit(
    case, cast, django_capture_on_commit_callbacks
):
    document = _upload(case, cast.attorney)
    old_name = document.file.name
    pdf = samples.pdf()
    with django_capture_on_commit_callbacks(execute=True):
        document = services.replace_document_file(
            document, actor=cast.attorney, upload=SimpleUploadedFile("signed.pdf", pdf)
        )
    assert document.original_name == "signed.pdf" and document.content_type == "application/pdf"
    assert document.sha256 == hashlib.sha256(pdf).hexdigest() and document.replaced_at is not None
    assert not default_storage.exists(old_name) and default_storage.exists(document.file.name)
    event = AuditEvent.objects.get(action="document.replaced")
    assert event.before["original_name"] == "letter.txt" and event.after["original_name"] == "signed.pdf"


def test_a_refused_replacement_keeps_the_old_file(case, cast):
    document = _upload(case, cast.attorney)
    with pytest.raises(ValidationError):
        services.replace_document_file(
            document, actor=cast.attorney, upload=SimpleUploadedFile("signed.pdf", samples.TEXT)
        )
    document.refresh_from_db()
    assert document.original_name == "letter.txt" and default_storage.exists(document.file.name)


def test_deleting_removes_row_and_file_and_logs_it(case, cast, django_capture_on_commit_callbacks):
    document = _upload(case, cast.attorney)
    name, pk = document.file.name, document.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_document(document, actor=cast.attorney)
    assert not Document.objects.exists() and not default_storage.exists(name)
    event = AuditEvent.objects.get(action="document.deleted")
    assert event.object_id == str(pk) and event.before["sha256"] == hashlib.sha256(samples.TEXT).hexdigest()


def test_update_changes_metadata_only(case, cast):
    document = _upload(case, cast.attorney)
    document = services.update_document(
        document, actor=cast.attorney, title="From the pastor", privileged=True
    )
    assert document.title == "From the pastor" and document.privileged
    with pytest.raises(ValidationError) as refused:
        services.update_document(document, actor=cast.attorney, sha256="0" * 64)
    assert "sha256" in refused.value.message_dict
