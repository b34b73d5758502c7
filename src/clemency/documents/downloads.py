"""Reading a document's content: the privilege check, the audit of privileged reads, the response.

Shared by the download page and the API, so both decide the same way.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404

from clemency.accounts.access import can_read_privileged
from clemency.documents import services
from clemency.documents.models import Document

PRIVILEGED_REFUSAL = "This document is privileged; ask an attorney on the case to grant you access."


def may_read_content(user: Any, document: Document) -> bool:
    return not document.privileged or can_read_privileged(user, document.case.team_id, document.case_id)


def file_response(user: Any, document: Document) -> FileResponse:
    """The file as an attachment, after the privilege check; every privileged read is logged."""
    if document.privileged:
        if not may_read_content(user, document):
            raise PermissionDenied(PRIVILEGED_REFUSAL)
        services.record_privileged_read(document, actor=user)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The stored file is missing; ask an administrator to restore it from backup.")
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
