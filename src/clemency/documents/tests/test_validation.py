from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from clemency.documents.tests import samples
from clemency.documents.validation import inspect_upload

LIMIT = 1024 * 1024


def _inspect(name, content, limit=LIMIT):
    return inspect_upload(SimpleUploadedFile(name, content), max_bytes=limit)


@pytest.mark.parametrize(
    ("name", "make", "content_type"),
    [
        ("letter.pdf", samples.pdf, "application/pdf"),
        (
            "letter.DOCX",
            samples.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("photo.jpg", lambda: samples.image("JPEG"), "image/jpeg"),
        ("photo.jpeg", lambda: samples.image("JPEG"), "image/jpeg"),
        ("scan.png", lambda: samples.image("PNG"), "image/png"),
        ("phone.heic", lambda: samples.image("HEIF"), "image/heic"),
        ("letter.txt", lambda: samples.TEXT, "text/plain"),
    ],
)
def test_allowed_types_are_recognised_by_content(name, make, content_type):
    content = make()
    facts = _inspect(name, content)
    assert facts.content_type == content_type
    assert facts.size_bytes == len(content)
    assert facts.sha256 == hashlib.sha256(content).hexdigest()
    assert facts.original_name == name


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("letter.pdf", lambda: samples.image("PNG"), "content is PNG image"),
        ("photo.png", samples.pdf, "content is PDF"),
        ("letter.txt", samples.pdf, "content is PDF"),
        ("notes.pdf", lambda: samples.TEXT, "content is plain text"),
        ("letter", samples.pdf, "has no extension"),
    ],
)
def test_the_name_must_agree_with_the_content(name, make, says):
    with pytest.raises(ValidationError) as refused:
        _inspect(name, make())
    assert says in refused.value.message_dict["file"][0]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("setup.exe", b"MZ\x90\x00\x03" + bytes(600), "not allowed"),
        ("archive.zip", b"PK\x03\x04" + bytes(100), "not allowed"),
        ("blob.txt", bytes(range(256)) * 4, "not a type we accept"),
        ("latin1.txt", "Caf\u00e9 cr\u00e8me".encode("latin-1"), "not a type we accept"),
        ("empty.txt", b"", "empty"),
    ],
)
def test_other_content_is_refused(name, content, says):
    with pytest.raises(ValidationError) as refused:
        _inspect(name, content)
    assert says in refused.value.message_dict["file"][0]


def test_a_file_over_the_limit_is_refused_with_both_sizes():
    with pytest.raises(ValidationError) as refused:
        _inspect("big.txt", b"a" * 2048, limit=1024)
    assert refused.value.message_dict["file"] == ["The file is 2.0 KB; the limit is 1.0 KB."]


def test_a_path_in_the_name_is_dropped():
    facts = _inspect("..\\..\\etc/letter.txt", samples.TEXT)
    assert facts.original_name == "letter.txt"


def _zip(entries):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_docx_with_a_large_first_entry_is_still_a_docx():
    # A big stored thumbnail first pushes word/ past the 8 KB that filetype reads.
    content = _zip(
        [
            ("[Content_Types].xml", "<Types/>"),
            ("docProps/thumbnail.jpeg", bytes(20_000)),
            ("word/document.xml", "<w:document/>"),
        ]
    )
    assert _inspect("letter.docx", content).content_type.endswith("wordprocessingml.document")


def test_a_plain_zip_is_refused_even_when_named_docx():
    content = _zip([("[Content_Types].xml", "<Types/>"), ("notes/readme.txt", bytes(20_000))])
    with pytest.raises(ValidationError) as refused:
        _inspect("letter.docx", content)
    assert "application/zip" in refused.value.message_dict["file"][0]
