"""Every change to a document goes through one of these functions: atomic, checked, audited.

Files are written to Django storage before the row commits; if the transaction fails the new file is
removed, and a replaced or deleted file is removed only after the commit, so nothing is lost.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from clemency.audit.services import record_event, snapshot
from clemency.documents.models import Document, DocumentKind
from clemency.documents.validation import UploadFacts, inspect_upload

EDITABLE_FIELDS = ("kind", "title", "description", "privileged")


def _audit(
    action: str,
    document: Document,
    *,
    actor: Any,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    record_event(
        action,
        actor=actor,
        obj=document,
        case_id=document.case_id,
        team_id=document.case.team_id,
        before=before,
        after=after,
    )


def _store(document: Document, upload: Any, facts: UploadFacts) -> None:
    document.file.save(f"upload.{facts.extension}", upload, save=False)
    document.original_name = facts.original_name[:255]
    document.content_type = facts.content_type
    document.size_bytes = facts.size_bytes
    document.sha256 = facts.sha256


def _remove_file(name: str) -> None:
    if name and default_storage.exists(name):
        default_storage.delete(name)


def upload_document(
    *,
    case: Any,
    actor: Any,
    upload: Any,
    kind: str,
    title: str = "",
    description: str = "",
    privileged: bool = False,
) -> Document:
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": f"{kind!r} is not a document kind."})
    facts = inspect_upload(upload, max_bytes=settings.MAX_UPLOAD_BYTES)
    document = Document(
        case=case,
        kind=kind,
        description=description,
        privileged=privileged,
        title=(title or "").strip() or facts.original_name.rsplit(".", 1)[0][:200],
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _store(document, upload, facts)
    try:
        with transaction.atomic():
            document.full_clean()
            document.save()
            _audit("document.uploaded", document, actor=actor, before=None, after=snapshot(document))
    except BaseException:
        _remove_file(document.file.name)
        raise
    return document


def update_document(document: Document, *, actor: Any, **changes: Any) -> Document:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed here."))
    with transaction.atomic():
        document = Document.objects.select_for_update().select_related("case").get(pk=document.pk)
        before = snapshot(document, list(EDITABLE_FIELDS))
        for name, value in changes.items():
            setattr(document, name, value.strip() if name == "title" else value)
        document.full_clean()
        document.save()
        _audit(
            "document.updated",
            document,
            actor=actor,
            before=before,
            after=snapshot(document, list(EDITABLE_FIELDS)),
        )
        if document.privileged and not before.get("privileged"):
            # What was built from it is privileged too: bundles already made keep a copy of it.
            from clemency.drafting.services import mark_bundles_privileged

            mark_bundles_privileged(document, actor=actor)
    return document


def replace_document_file(document: Document, *, actor: Any, upload: Any) -> Document:
    """A new version of the file; the old one is deleted once the change commits."""
    facts = inspect_upload(upload, max_bytes=settings.MAX_UPLOAD_BYTES)
    fields = ["file", "original_name", "content_type", "size_bytes", "sha256", "replaced_at"]
    with transaction.atomic():
        document = Document.objects.select_for_update().select_related("case").get(pk=document.pk)
        before = snapshot(document, fields)
        old_name = document.file.name
        _store(document, upload, facts)
        new_name = document.file.name
        try:
            document.replaced_at = timezone.now()
            document.save()
            _audit(
                "document.replaced", document, actor=actor, before=before, after=snapshot(document, fields)
            )
        except BaseException:
            _remove_file(new_name)
            raise
        transaction.on_commit(lambda: _remove_file(old_name))
    return document


def delete_document(document: Document, *, actor: Any) -> None:
    with transaction.atomic():
        document = Document.objects.select_for_update().select_related("case").get(pk=document.pk)
        name = document.file.name
        # Logged before the delete, while the row still has its id.
        _audit("document.deleted", document, actor=actor, before=snapshot(document), after=None)
        document.delete()
        transaction.on_commit(lambda: _remove_file(name))


def record_privileged_read(document: Document, *, actor: Any) -> None:
    """Every read of a privileged document is on the record."""
    with transaction.atomic():
        _audit(
            "document.privileged_read",
            document,
            actor=actor,
            before=None,
            after={"sha256": document.sha256, "original_name": document.original_name},
        )
