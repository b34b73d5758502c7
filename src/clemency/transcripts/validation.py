"""What a transcript, a facts file and a speaker map must be before an analysis is queued.

Each check raises a ValidationError on the form field it concerns, with the library's own message
(which names the fact or speaker and the key) so the lawyer can fix the file and upload it again.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from clemency.documents.validation import human_size
from clemency.interrogation import FactsError, SpeakerMapError, TranscriptError
from clemency.interrogation.facts import load_facts
from clemency.interrogation.parse import parse
from clemency.interrogation.speakers import load_speaker_map

TRANSCRIPT_EXTENSIONS = ("txt", "vtt", "srt")
YAML_EXTENSIONS = ("yaml", "yml", "txt")
# A 150-page transcript is about 200 KB of text; the limit leaves room for a very long one.
DEFAULT_MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024
MAX_YAML_BYTES = 512 * 1024


def max_transcript_bytes() -> int:
    return int(getattr(settings, "MAX_TRANSCRIPT_BYTES", DEFAULT_MAX_TRANSCRIPT_BYTES))


@dataclass(frozen=True)
class TextFile:
    """An uploaded text file, read and checked."""

    original_name: str
    text: str
    size_bytes: int
    sha256: str


def _name(upload: Any, field: str) -> str:
    name = os.path.basename((getattr(upload, "name", "") or "").replace("\\", "/")).strip()
    if not name:
        raise ValidationError({field: "The file has no name."})
    return name


def decode_utf8(data: bytes, field: str, what: str) -> str:
    """The text, or a field error saying where the first byte that is not UTF-8 is."""
    if b"\x00" in data:
        raise ValidationError({field: f"The {what} holds NUL bytes: it is not a text file."})
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            {
                field: f"The {what} is not UTF-8 text (byte {error.start + 1} cannot be read). "
                "Save it as UTF-8 (\u201cUnicode\u201d) and upload it again."
            }
        ) from None


def read_text_upload(
    upload: Any, *, field: str, what: str, extensions: tuple[str, ...], max_bytes: int
) -> TextFile:
    name = _name(upload, field)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in extensions:
        allowed = " or ".join("." + e for e in extensions)
        raise ValidationError({field: f"The {what} \u201c{name}\u201d must end in {allowed}."})
    size = int(upload.size)
    if size == 0:
        raise ValidationError({field: f"The {what} is empty."})
    if size > max_bytes:
        raise ValidationError(
            {field: f"The {what} is {human_size(size)}; the limit is {human_size(max_bytes)}."}
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    upload.seek(0)
    if len(data) > max_bytes:  # the size the client claimed was wrong
        raise ValidationError({field: f"The {what} is over the limit of {human_size(max_bytes)}."})
    text = decode_utf8(data, field, what)
    return TextFile(name, text, len(data), hashlib.sha256(data).hexdigest())


def read_transcript(upload: Any) -> TextFile:
    found = read_text_upload(
        upload,
        field="transcript_file",
        what="transcript",
        extensions=TRANSCRIPT_EXTENSIONS,
        max_bytes=max_transcript_bytes(),
    )
    check_transcript_text(found.text)
    return found


def check_transcript_text(text: str) -> None:
    try:
        parse(text)
    except TranscriptError as error:
        raise ValidationError({"transcript_file": str(error)}) from None


def check_facts_text(text: str, field: str = "facts_file") -> int:
    """The number of facts, or a field error naming the fact and the key that is wrong."""
    try:
        return len(load_facts(text))
    except FactsError as error:
        raise ValidationError({field: str(error)}) from None


def check_speakers_text(text: str, field: str = "speakers_file") -> int:
    try:
        return len(load_speaker_map(text))
    except SpeakerMapError as error:
        raise ValidationError({field: str(error)}) from None


def read_facts(upload: Any) -> tuple[TextFile, int]:
    found = read_text_upload(
        upload, field="facts_file", what="facts file", extensions=YAML_EXTENSIONS, max_bytes=MAX_YAML_BYTES
    )
    return found, check_facts_text(found.text)


def read_speakers(upload: Any) -> TextFile:
    found = read_text_upload(
        upload,
        field="speakers_file",
        what="speaker map",
        extensions=YAML_EXTENSIONS,
        max_bytes=MAX_YAML_BYTES,
    )
    check_speakers_text(found.text)
    return found
