"""A backup taken while people work restores; a backup is sealed, private, and never left half-written.

The writes happen on another connection (another thread) while the dump is half-way through the
documents, the moment that used to leave a document without its case and a row without its file.
These tests run on SQLite and on PostgreSQL alike (CI runs the suite on both)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.core.serializers import json as json_serializer
from django.db import connection

from clemency.web.tests.backup_helpers import PASSPHRASE
from clemency.web.tests.factories import make_case

PDF = b"%PDF-1.4\n% fictional record\n%%EOF\n"


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("CLEMENCY_BACKUP_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def _document(case, title: str):
    from clemency.documents.models import Document

    document = Document(case=case, kind="record", title=title, original_name="record.pdf",
                        content_type="application/pdf", size_bytes=len(PDF), sha256="0" * 64)
    document.file.save("record.pdf", ContentFile(PDF), save=True)
    return document


def _in_another_connection(work) -> None:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not errors, errors


def test_a_backup_taken_while_people_write_restores_into_an_empty_installation(
        transactional_db, cast, media, settings, tmp_path, monkeypatch):
    from clemency.cases.models import Case
    from clemency.documents.models import Document

    first = _document(make_case(cast.team, title="First case"), "First record")
    _document(make_case(cast.team, title="Second case"), "Second record")
    wrote = threading.Event()

    def write_meanwhile() -> None:
        # A new case with a document, and a document deleted with its file: the two writes that broke
        # the restore (a document whose case is not in the dump; a row whose file is gone).
        _document(make_case(cast.team, title="Made during the backup"), "Made during the backup")
        doomed = Document.objects.get(pk=first.pk)
        doomed.file.delete(save=False)
        doomed.delete()

    original_end_object = json_serializer.Serializer.end_object

    def end_object(self, obj):
        original_end_object(self, obj)
        if obj._meta.label_lower == "documents.document" and not wrote.is_set():
            wrote.set()
            _in_another_connection(write_meanwhile)

    monkeypatch.setattr(json_serializer.Serializer, "end_object", end_object)
    archive = tmp_path / "live.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    assert wrote.is_set()
    monkeypatch.undo()
    monkeypatch.setenv("CLEMENCY_BACKUP_PASSPHRASE", PASSPHRASE)

    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    call_command("restore", str(archive), verbosity=0)

    titles = set(Document.objects.values_list("title", flat=True))
    # One moment of the database: either before the writes or after them, never half of each.
    assert titles in ({"First record", "Second record"}, {"Second record", "Made during the backup"})
    for document in Document.objects.all():
        assert Case.objects.filter(pk=document.case_id).exists()
        assert document.file.read() == PDF
    stored = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert len(stored) == len(titles)  # exactly the files the rows reference


def test_a_file_deleted_after_every_snapshot_is_refused_by_name_and_nothing_is_left(
        transactional_db, cast, media, tmp_path, monkeypatch):
    from clemency.web import backup

    document = _document(make_case(cast.team), "Record")
    monkeypatch.setattr(backup.default_storage, "open",
                        lambda name, mode="rb": (_ for _ in ()).throw(FileNotFoundError(name)))
    archive = tmp_path / "out" / "backup.tar.gz"
    with pytest.raises(CommandError, match=f"{document.file.name} kept disappearing"):
        call_command("backup", out=str(archive), verbosity=0)
    assert list(archive.parent.iterdir()) == []


def test_the_archive_is_private_from_its_first_byte(transactional_db, cast, media, tmp_path, monkeypatch):
    from clemency.web import backup

    modes: list[int] = []
    original = backup.EncryptingWriter

    class Watching(original):  # type: ignore[misc, valid-type]
        def __init__(self, target, passphrase, **kwargs):
            modes.append(os.fstat(target.fileno()).st_mode & 0o777)
            super().__init__(target, passphrase, **kwargs)

    monkeypatch.setattr(backup, "EncryptingWriter", Watching)
    old_umask = os.umask(0o022)
    try:
        call_command("backup", out=str(tmp_path / "backup.tar.gz"), verbosity=0)
    finally:
        os.umask(old_umask)
    assert modes == [0o600]
    assert (tmp_path / "backup.tar.gz").stat().st_mode & 0o777 == 0o600


def test_a_failed_backup_leaves_no_partial_file(transactional_db, cast, media, tmp_path, monkeypatch):
    from clemency.web import backup

    _document(make_case(cast.team), "Record")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_add_bytes", disk_full)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="No space left"):
        call_command("backup", out=str(out / "backup.tar.gz"), verbosity=0)
    assert list(out.iterdir()) == []


def test_the_archive_is_encrypted_and_a_wrong_passphrase_or_an_edited_byte_is_refused(
        transactional_db, cast, media, settings, tmp_path, monkeypatch):
    make_case(cast.team, title="Commutation for a fictional client")
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    sealed = archive.read_bytes()
    assert b"Commutation" not in sealed and b"manifest.json" not in sealed
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "restored"

    monkeypatch.setenv("CLEMENCY_BACKUP_PASSPHRASE", "not the passphrase at all")
    with pytest.raises(CommandError, match="passphrase is wrong"):
        call_command("restore", str(archive), verbosity=0)
    monkeypatch.setenv("CLEMENCY_BACKUP_PASSPHRASE", PASSPHRASE)
    for position in (20, len(sealed) // 2, len(sealed) - 1):  # the header, the middle, the last tag
        edited = bytearray(sealed)
        edited[position] ^= 0x01
        (tmp_path / "edited.tar.gz").write_bytes(bytes(edited))
        with pytest.raises(CommandError, match="cannot be decrypted|outside the accepted range"):
            call_command("restore", str(tmp_path / "edited.tar.gz"), verbosity=0)
    (tmp_path / "short.tar.gz").write_bytes(sealed[:-5])
    with pytest.raises(CommandError, match="cut short"):
        call_command("restore", str(tmp_path / "short.tar.gz"), verbosity=0)
    from clemency.cases.models import Case

    assert not Case.objects.exists()
    call_command("restore", str(archive), verbosity=0)
    assert Case.objects.filter(title="Commutation for a fictional client").exists()


def test_a_backup_without_a_passphrase_is_refused(transactional_db, media, tmp_path, monkeypatch):
    monkeypatch.delenv("CLEMENCY_BACKUP_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="CLEMENCY_BACKUP_PASSPHRASE"):
        call_command("backup", out=str(tmp_path / "backup.tar.gz"), verbosity=0)
    monkeypatch.setenv("CLEMENCY_BACKUP_PASSPHRASE", "short")
    with pytest.raises(CommandError, match="at least 12 characters"):
        call_command("backup", out=str(tmp_path / "backup.tar.gz"), verbosity=0)
    assert not (tmp_path / "backup.tar.gz").exists()
