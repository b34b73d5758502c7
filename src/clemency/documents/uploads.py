"""Stop reading an uploaded file the moment it passes `MAX_UPLOAD_BYTES`.

The content check in `validation.inspect_upload` refuses an oversized file too, but only after Django
has written all of it to a temporary file; this handler, put first on the request, drops the file
as soon as it is too big, so a huge upload never fills the disk. The view then names the field.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

from clemency.documents.validation import human_size

TOO_LARGE_FLAG = "clemency_upload_too_large"


class SizeLimitUploadHandler(FileUploadHandler):
    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            setattr(self.request, TOO_LARGE_FLAG, True)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


def limit_uploads(request: HttpRequest) -> None:
    """Call before anything reads request.POST or request.FILES."""
    handlers = request.upload_handlers
    # Once the body has been read the list is frozen (a tuple); the service's own check still applies.
    if isinstance(handlers, list):
        handlers.insert(0, SizeLimitUploadHandler(request, settings.MAX_UPLOAD_BYTES))


def too_large_message(request: HttpRequest) -> str | None:
    if getattr(request, TOO_LARGE_FLAG, False):
        return f"The file is over the limit of {human_size(settings.MAX_UPLOAD_BYTES)}."
    return None
