"""Backup and restore round-trip: every case, document, file and audit row comes back intact."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from clemency.audit.models import AuditEvent
from clemency.audit.services import record_event
from clemency.web.backup import EXCLUDED_MODELS, MANIFEST
from clemency.web.tests.backup_helpers import PASSPHRASE, seal, unseal
from clemency.web.tests.factories import make_case
from clemency.web.tests.mfa_helpers import give_totp


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("CLEMENCY_BACKUP_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


def _everything() -> list[dict]:
    out = io.StringIO()
    call_command("dumpdata", exclude=EXCLUDED_MODELS, natural_foreign=True, use_base_manager=True, stdout=out)
    return sorted(json.loads(out.getvalue()), key=lambda item: (item["model"], json.dumps(item["pk"])))


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def populated(transactional_db, cast, media):
    from rest_framework.authtoken.models import Token

    from clemency.documents.models import Document

    case = make_case(cast.team, title="Commutation for a fictional client")
    other = make_case(cast.other_team)
    pdf = b"%PDF-1.4\n% fictional record\n%%EOF\n"
    document = Document(case=case, kind="record", title="Sentencing record", original_name="record.pdf",
                        content_type="application/pdf", size_bytes=len(pdf), sha256="0" * 64, privileged=True)
    document.file.save("record.pdf", ContentFile(pdf), save=True)
    record_event("document.download", actor=cast.student, obj=document, case_id=case.pk, team_id=cast.team.pk)
    record_event("case.update", actor=cast.attorney, obj=other, case_id=other.pk, team_id=cast.other_team.pk,
                 before={"status": "intake"}, after={"status": "screening"})
    Token.objects.create(user=cast.attorney)
    give_totp(cast.attorney)  # an attorney's authenticator must survive, or they are locked out
    return {"case": case, "document": document}


def _empty_installation(settings, tmp_path, name: str) -> Path:
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / name
    return settings.MEDIA_ROOT


def test_a_backup_restores_into_an_empty_installation_exactly(populated, settings, tmp_path, media):
    before_data = _everything()
    before_files = _files(media)
    assert len(before_files) == 1
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    assert archive.stat().st_mode & 0o077 == 0

    new_media = _empty_installation(settings, tmp_path, "restored-media")
    assert not AuditEvent.objects.exists()
    call_command("restore", str(archive), verbosity=0)

    assert _everything() == before_data
    assert _files(new_media) == before_files
    models = {item["model"] for item in before_data}
    assert {"cases.case", "documents.document", "audit.auditevent", "authtoken.token",
            "accounts.user", "mfa.authenticator"} <= models
    from clemency.documents.models import Document

    restored = Document.objects.get(pk=populated["document"].pk)
    assert restored.file.read() == b"%PDF-1.4\n% fictional record\n%%EOF\n"


def test_restore_refuses_a_non_empty_installation_and_changes_nothing(populated, tmp_path, media):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    record_event("note.create", actor=None, team_id=1)
    before = _everything()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), verbosity=0)
    assert _everything() == before


def test_restore_with_replace_erases_then_restores(populated, tmp_path, media):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    expected = _everything()
    make_case(populated["case"].team, title="Made after the backup")
    (media / "stray.txt").write_bytes(b"not in the backup")
    call_command("restore", str(archive), replace=True, verbosity=0)
    assert _everything() == expected
    assert "stray.txt" not in _files(media)


def _rewrite(archive: Path, out: Path, change) -> None:
    """Change the archive inside and seal it again (as someone holding the passphrase could)."""
    plain = unseal(archive, out.with_suffix(".plain"))
    changed = out.with_suffix(".changed")
    with tarfile.open(plain, "r:gz") as source, tarfile.open(changed, "w:gz") as target:
        for member in source:
            data = source.extractfile(member).read()
            member, data = change(member, data)
            if member is not None:
                member.size = len(data)
                target.addfile(member, io.BytesIO(data))
    seal(changed, out)


def _tamper_file(member, data):
    return member, (data[:-2] + b"XX" if member.name.startswith("files/") else data)


def _tamper_database(member, data):
    return member, (data.replace(b"Commutation", b"Commutatiom") if member.name == "database.json" else data)


def _drop_file(member, data):
    return (None, data) if member.name.startswith("files/") else (member, data)


def _escape_path(member, data):
    if member.name.startswith("files/"):
        member.name = "files/../../escaped.txt"
    return member, data


@pytest.mark.parametrize("change, message", [
    (_tamper_file, "SHA-256 does not match"),
    (_tamper_database, "SHA-256 does not match"),
    (_drop_file, "lacks 1 file"),
    (_escape_path, "outside the installation"),
])
def test_a_damaged_archive_is_refused_before_anything_is_written(populated, settings, tmp_path, media,
                                                                 change, message):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    damaged = tmp_path / "damaged.tar.gz"
    _rewrite(archive, damaged, change)
    new_media = _empty_installation(settings, tmp_path, "restored-media")
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(damaged), verbosity=0)
    assert not AuditEvent.objects.exists()
    from clemency.cases.models import Case

    assert not Case.objects.exists()
    assert not new_media.exists() or _files(new_media) == {}
    assert not (tmp_path / "escaped.txt").exists()


def test_something_that_is_not_a_backup_is_refused(transactional_db, tmp_path, media):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar file at all")
    with pytest.raises(CommandError, match="not an encrypted Clemency backup"):
        call_command("restore", str(junk), verbosity=0)
    sealed_junk = seal(junk, tmp_path / "sealed-junk.tar.gz")
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("restore", str(sealed_junk), verbosity=0)
    plain_other = tmp_path / "other.plain.tar.gz"
    with tarfile.open(plain_other, "w:gz") as archive:
        info = tarfile.TarInfo("hello.txt")
        archive.addfile(info, io.BytesIO(b""))
    other = seal(plain_other, tmp_path / "other.tar.gz")
    with pytest.raises(CommandError, match="not a Clemency backup"):
        call_command("restore", str(other), verbosity=0)
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), verbosity=0)


def test_the_manifest_lists_every_file_with_its_sum(populated, tmp_path, media):
    import hashlib

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    with tarfile.open(unseal(archive, tmp_path / "plain.tar.gz")) as opened:
        assert opened.getnames()[0] == MANIFEST
        manifest = json.loads(opened.extractfile(MANIFEST).read())
        for entry in manifest["entries"]:
            assert hashlib.sha256(opened.extractfile(entry["path"]).read()).hexdigest() == entry["sha256"]
    stored = {f"files/{name}" for name in _files(media)}
    assert stored | {"database.json"} == {entry["path"] for entry in manifest["entries"]}
