"""What an upload is, judged by its content, not by the name or the type the browser claims."""

from __future__ import annotations

import codecs
import hashlib
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import filetype
from django.core.exceptions import ValidationError

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class AllowedType:
    label: str
    content_type: str
    extensions: frozenset[str]  # the name must end in one of these


# Keyed by the extension `filetype` reports for the content; "txt" is ours (filetype has no text type).
ALLOWED_TYPES: dict[str, AllowedType] = {
    "pdf": AllowedType("PDF", "application/pdf", frozenset({"pdf"})),
    "docx": AllowedType("Word document (DOCX)", DOCX_MIME, frozenset({"docx"})),
    "jpg": AllowedType("JPEG image", "image/jpeg", frozenset({"jpg", "jpeg"})),
    "png": AllowedType("PNG image", "image/png", frozenset({"png"})),
    "heic": AllowedType("HEIC image", "image/heic", frozenset({"heic", "heif"})),
    "txt": AllowedType("plain text", "text/plain", frozenset({"txt"})),
}
ALLOWED_LABELS = ", ".join(allowed.label for allowed in ALLOWED_TYPES.values())
CHUNK = 64 * 1024
SNIFF_BYTES = 8192  # what filetype reads


@dataclass(frozen=True)
class UploadFacts:
    original_name: str
    extension: str  # canonical, from the content
    content_type: str
    size_bytes: int
    sha256: str


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"  # pragma: no cover


def upload_chunks(upload: Any) -> Iterator[bytes]:
    """An upload's bytes in blocks, from the start; the file is rewound afterwards."""
    upload.seek(0)
    while block := upload.read(CHUNK):
        yield block
    upload.seek(0)


def is_plain_text(upload: Any) -> bool:
    """UTF-8 (with or without a byte-order mark) and no NUL bytes: what we accept as plain text
    (and as CSV). A spreadsheet, a PDF or an image is not."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        for block in upload_chunks(upload):
            if b"\x00" in block:
                return False
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def upload_sha256(upload: Any) -> str:
    digest = hashlib.sha256()
    for block in upload_chunks(upload):
        digest.update(block)
    return digest.hexdigest()


def checked_name_and_size(upload: Any, *, max_bytes: int) -> tuple[str, int]:
    """(the file's own name without any folders, its size), or a ValidationError on `file`."""
    original_name = os.path.basename((getattr(upload, "name", "") or "").replace("\\", "/")).strip()
    if not original_name:
        raise ValidationError({"file": "The file has no name."})
    size = int(upload.size)
    if size == 0:
        raise ValidationError({"file": "The file is empty."})
    if size > max_bytes:
        raise ValidationError(
            {"file": f"The file is {human_size(size)}; the limit is {human_size(max_bytes)}."}
        )
    return original_name, size


def _is_docx_archive(upload: Any) -> bool:
    """filetype reads only the first 8 KB, so a DOCX whose early entries are large (a thumbnail, say)
    looks like a plain ZIP; its table of contents settles it. Names are read, nothing is extracted."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return {"[Content_Types].xml", "word/document.xml"} <= names


def inspect_upload(upload: Any, *, max_bytes: int) -> UploadFacts:
    """The facts of a good upload, or a ValidationError on `file` saying what is wrong."""
    original_name, size = checked_name_and_size(upload, max_bytes=max_bytes)
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    guessed = filetype.guess(head)
    if guessed is not None:
        extension = "docx" if guessed.extension == "zip" and _is_docx_archive(upload) else guessed.extension
        if extension not in ALLOWED_TYPES:
            raise ValidationError(
                {"file": f"The content is {guessed.mime}, which is not allowed. Allowed: {ALLOWED_LABELS}."}
            )
    elif is_plain_text(upload):
        extension = "txt"
    else:
        raise ValidationError({"file": f"The content is not a type we accept. Allowed: {ALLOWED_LABELS}."})
    allowed = ALLOWED_TYPES[extension]
    name_extension = original_name.rsplit(".", 1)[-1].lower() if "." in original_name else ""
    if name_extension not in allowed.extensions:
        shown = f".{name_extension}" if name_extension else "no extension"
        raise ValidationError(
            {
                "file": f"The name “{original_name}” has {shown} but the content is "
                f"{allowed.label}; the name must end in "
                f"{' or '.join('.' + e for e in sorted(allowed.extensions))}."
            }
        )
    if extension in ("jpg", "png", "heic"):
        _check_image_pixels(upload)
    sha256 = upload_sha256(upload)
    return UploadFacts(
        original_name=original_name,
        extension=extension,
        content_type=allowed.content_type,
        size_bytes=size,
        sha256=sha256,
    )


def _check_image_pixels(upload: Any) -> None:
    """An image too large to bundle is refused at upload (its header is read, not its pixels)."""
    from PIL import Image, UnidentifiedImageError

    from clemency.assembly.exhibits import check_image_size

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            check_image_size(image.width, image.height)
    except ValueError as error:
        raise ValidationError({"file": f"The image cannot be bundled: {error}."}) from None
    except Image.DecompressionBombError:
        raise ValidationError({"file": "The image cannot be bundled: it has far too many pixels."}) from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        pass  # HEIC without its opener registered, or odd but readable: the bundle decides by name
    finally:
        upload.seek(0)
