"""Every multi-step change is atomic: make its last step (the audit write) fail, and nothing of the
change may remain. Import, restore and upload are checked the same way with a failure injected half-way."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from clemency.audit.models import AuditEventQuerySet
from clemency.web.tests.permission_registry import World, build_world

pytestmark = pytest.mark.django_db
PLATFORM_APPS = {"accounts", "people", "cases", "petitions", "deadlines", "documents", "audit"}


class Injected(Exception):
    """The failure we cause on purpose."""


def _state() -> dict[str, list[dict[str, Any]]]:
    """Every row of every platform table, to compare before and after."""
    return {
        model._meta.label: sorted(map(repr, model._base_manager.order_by("pk").values()))
        for model in apps.get_models() if model._meta.app_label in PLATFORM_APPS
    }


@pytest.fixture
def world(cast, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world(cast)


@pytest.fixture
def failing_audit(monkeypatch):
    """The audit write, the last step of every service, raises."""

    def refuse(self: Any, **kwargs: Any) -> Any:
        raise Injected("audit store unavailable")

    def arm() -> None:
        monkeypatch.setattr(AuditEventQuerySet, "create", refuse, raising=False)

    return arm


def _changes(world: World) -> dict[str, Callable[[], Any]]:
    from clemency.cases import services as cases
    from clemency.deadlines import services as deadlines
    from clemency.documents import services as documents
    from clemency.people import services as people
    from clemency.petitions import services as petitions

    actor = world.cast.attorney
    return {
        "create person": lambda: people.create_person(actor=actor, team=world.cast.team, given_name="Ida",
                                                      family_name="Halfway"),
        "create case": lambda: cases.create_case(actor=actor, person=world["person"], title="Halfway"),
        "move case": lambda: cases.move_case(world["case"], actor=actor, to_status="screening"),
        "add conviction with sentence": lambda: cases.add_conviction(
            world["case"], actor=actor, jurisdiction="us-wi", sentence={"sentence_type": "life"}),
        "add note": lambda: cases.add_note(world["case"], actor=actor, body="half", privileged=True),
        "file petition": lambda: petitions.file_petition(world["petition"], actor=actor),
        "mark deadline done": lambda: deadlines.mark_deadline_done(world["deadline"], actor=actor),
        "upload document": lambda: documents.upload_document(
            case=world["case"], actor=actor, kind="record",
            upload=SimpleUploadedFile("letter.txt", b"Dear Governor,\n", content_type="text/plain")),
        "delete document": lambda: documents.delete_document(world["document"], actor=actor),
    }


CHANGES = ["create person", "create case", "move case", "add conviction with sentence", "add note",
           "file petition", "mark deadline done", "upload document", "delete document"]


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_whose_audit_write_fails_leaves_nothing_behind(world, failing_audit, settings, change):
    files_before = sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())
    before = _state()
    action = _changes(world)[change]
    failing_audit()
    with pytest.raises(Injected):
        action()
    assert _state() == before
    assert sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()) == files_before


def test_each_change_does_change_something_when_nothing_fails(world):
    """The test above could pass vacuously; here every change, unhindered, changes the rows."""
    for name in CHANGES:
        before = _state()
        _changes(world)[name]()
        assert _state() != before, name


def test_an_import_that_fails_half_way_writes_nothing(world, monkeypatch):
    from clemency.cases import importing
    from clemency.cases import services as case_services

    real = case_services.create_case
    calls = {"n": 0}

    def fail_on_second(**kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise Injected("disk full on row 2")
        return real(**kwargs)

    monkeypatch.setattr(case_services, "create_case", fail_on_second)
    rows = b"given_name,family_name\nAna,Rowone\nBo,Rowtwo\nCy,Rowthree\n"
    before = _state()
    with pytest.raises(Injected):
        importing.import_people_cases(rows, team=world.cast.team, actor=world.cast.attorney)
    assert calls["n"] == 2
    assert _state() == before


def test_a_restore_whose_load_fails_half_way_writes_nothing(transactional_db, cast, settings, tmp_path,
                                                            monkeypatch):
    """A backup whose sums are right but whose data cannot all be loaded (the last record points at a
    case that does not exist): the database and MEDIA_ROOT stay empty."""
    import hashlib

    from clemency.web.tests.backup_helpers import PASSPHRASE, seal, unseal

    monkeypatch.setenv("CLEMENCY_BACKUP_PASSPHRASE", PASSPHRASE)

    settings.MEDIA_ROOT = tmp_path / "media"
    build_world(cast)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive), verbosity=0)
    broken_plain = tmp_path / "broken.plain.tar.gz"
    with tarfile.open(unseal(archive, tmp_path / "plain.tar.gz")) as source:
        members = {m.name: source.extractfile(m).read() for m in source if m.isfile()}
    data = json.loads(members["database.json"])
    orphan = {"case": 999_999, "author": None, "body": "x", "privileged": False,
              "created_at": "2026-01-01T00:00:00Z"}
    data.append({"model": "cases.note", "pk": 999_999, "fields": orphan})
    members["database.json"] = json.dumps(data).encode()
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["entries"]:
        entry["sha256"] = hashlib.sha256(members[entry["path"]]).hexdigest()
        entry["size"] = len(members[entry["path"]])
    members["manifest.json"] = json.dumps(manifest).encode()
    with tarfile.open(broken_plain, "w:gz") as target:
        for name in ["manifest.json", *[n for n in members if n != "manifest.json"]]:
            info = tarfile.TarInfo(name)
            info.size = len(members[name])
            target.addfile(info, io.BytesIO(members[name]))
    broken = seal(broken_plain, tmp_path / "broken.tar.gz")
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "restored"
    with pytest.raises(CommandError, match="nothing was restored"):
        call_command("restore", str(broken), verbosity=0)
    from clemency.cases.models import Case

    assert not Case.objects.exists()
    assert not settings.MEDIA_ROOT.exists() or not any(p.is_file() for p in settings.MEDIA_ROOT.rglob("*"))
