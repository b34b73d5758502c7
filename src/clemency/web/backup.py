"""Backup and restore: one consistent snapshot of the database and of exactly the files its rows
reference, in one encrypted archive with SHA-256 sums.

The archive is a gzipped tar holding `manifest.json` first, then `database.json` (Django `dumpdata`
of every app, natural keys for foreign keys to content types and permissions, which `migrate`
recreates) and `files/...` (every file a FileField of a backed-up row names), sealed with the
operator's passphrase (backup_crypto.py). The site may stay live: the dump reads one snapshot
(SQLite: a copy made by its online backup API; PostgreSQL: one REPEATABLE READ, READ ONLY
transaction), and the files are copied right after from the names in that snapshot; a file deleted
in between makes the backup take a new snapshot (a few times, then it refuses and says which file).

A restore decrypts and authenticates the whole archive, checks every sum before it writes anything,
refuses an installation that already holds data unless told to replace it, then migrates, loads the
data in one transaction, and puts the files in place.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend
from django.utils import timezone

from clemency.web.backup_crypto import DecryptionError, EncryptingWriter, decrypt_file

FORMAT = "clemency-backup"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DATABASE = "database.json"
FILES = "files"
# Rebuilt by `migrate` (content types, permissions) or worthless after a restore (sessions).
EXCLUDED_MODELS = ["contenttypes", "auth.permission", "sessions"]
_CHUNK = 1024 * 1024
_SNAPSHOT_ALIAS = "clemency_backup_snapshot"
# A file deleted between the snapshot and its copy: take a new snapshot this many times at most.
SNAPSHOT_ATTEMPTS = 4


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why and what to do."""


class _FileVanished(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass
class RestoreReport:
    objects: int = 0
    files: int = 0
    models: dict[str, int] = field(default_factory=dict)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _stored_files(media_root: Path) -> list[Path]:
    if not media_root.exists():
        return []
    # Symbolic links are not followed: a backup holds what the storage holds, nothing it points at.
    return sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())


def _applied_migrations(alias: str) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[alias]).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {label: sorted(names) for label, names in sorted(applied.items())}


def _referenced_files(alias: str) -> list[str]:
    """Every stored file a row of the snapshot names, in a stable order."""
    names: set[str] = set()
    for model in apps.get_models():
        file_fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        if not file_fields or not model._meta.managed:
            continue
        for row in model._base_manager.using(alias).values_list(*file_fields):
            names.update(name for name in row if name)
    return sorted(names)


@contextlib.contextmanager
def _snapshot(work: Path) -> Iterator[str]:
    """Yield a database alias whose every read sees one moment of the live database."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # The online backup API copies the pages under one read lock: a consistent copy even while
        # the web server and the worker write; the dump then reads the copy at leisure.
        copy = work / "snapshot.sqlite3"
        target = sqlite3.connect(copy)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        # A connection of this thread only, not a configured database: nothing else may use it.
        snapshot = load_backend(connection.settings_dict["ENGINE"]).DatabaseWrapper(
            {**connection.settings_dict, "NAME": str(copy)}, _SNAPSHOT_ALIAS)
        connections[_SNAPSHOT_ALIAS] = snapshot
        try:
            yield _SNAPSHOT_ALIAS
        finally:
            snapshot.close()
            del connections[_SNAPSHOT_ALIAS]
        return
    if connection.vendor != "postgresql":
        raise BackupError(f"Backups of a {connection.vendor} database are not supported "
                          "(SQLite and PostgreSQL are).")
    if connection.in_atomic_block:
        raise BackupError("A backup cannot be taken inside another transaction.")
    with transaction.atomic():
        with connection.cursor() as cursor:
            # The first statement of the transaction: every later read sees this one snapshot.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield connection.alias


def _copy_referenced(names: list[str], target: Path) -> None:
    for name in names:
        relative = _safe_member_path(f"{FILES}/{name}")
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            with default_storage.open(name, "rb") as source, destination.open("wb") as out:
                shutil.copyfileobj(source, out, _CHUNK)
        except FileNotFoundError:
            raise _FileVanished(name) from None


def _take_snapshot(work: Path, log: Callable[[str], None]) -> tuple[Path, list[str], dict[str, Any]]:
    """Dump the database and copy the files its rows name; retry when a file vanishes meanwhile."""
    vanished = ""
    for attempt in range(1, SNAPSHOT_ATTEMPTS + 1):
        staging = work / f"attempt-{attempt}"
        staging.mkdir()
        dump = staging / DATABASE
        with _snapshot(work) as alias:
            log("dumping the database from one snapshot")
            call_command("dumpdata", exclude=EXCLUDED_MODELS, natural_foreign=True, use_base_manager=True,
                         database=alias, output=str(dump), verbosity=0)
            names = _referenced_files(alias)
            facts = {"database_vendor": connections[alias].vendor, "migrations": _applied_migrations(alias)}
        log(f"copying the {len(names)} stored files the snapshot's rows name")
        try:
            _copy_referenced(names, staging)
        except _FileVanished as gone:
            vanished = gone.name
            log(f"{vanished} was deleted after the snapshot; taking a new one")
            shutil.rmtree(staging)
            continue
        return staging, names, facts
    raise BackupError(f"The stored file {vanished} kept disappearing while the backup ran "
                      f"({SNAPSHOT_ATTEMPTS} snapshots). Try again when the site is quieter. "
                      "Nothing was written.")


def _open_private(path: Path) -> IO[bytes]:
    """Create `path` readable by its owner only from the first byte (never world-readable)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(descriptor, "wb")


def create_backup(out: Path, *, passphrase: str,
                  log: Callable[[str], None] = lambda message: None) -> dict[str, Any]:
    """Write the encrypted archive to `out` (atomically: a partial archive never carries the final
    name, and is deleted when anything fails)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        from clemency.web.backup_crypto import check_passphrase

        check_passphrase(passphrase)
    except ValueError as error:
        raise BackupError(str(error)) from None
    with tempfile.TemporaryDirectory(prefix="clemency-backup-") as work:
        staging, names, facts = _take_snapshot(Path(work), log)
        dump = staging / DATABASE
        entries = [{"path": DATABASE, "sha256": _sha256_file(dump), "size": dump.stat().st_size}]
        for name in names:
            copy = staging / FILES / name
            entries.append({"path": f"{FILES}/{name}", "sha256": _sha256_file(copy),
                            "size": copy.stat().st_size})
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            **facts,
            "entries": entries,
        }
        partial = out.with_name(out.name + ".partial")
        partial.unlink(missing_ok=True)  # left by a backup killed outright; never reused
        try:
            with _open_private(partial) as sealed_file:
                writer = EncryptingWriter(sealed_file, passphrase)
                with tarfile.open(fileobj=writer, mode="w|gz") as archive:  # type: ignore[call-overload]
                    _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
                    archive.add(dump, arcname=DATABASE, recursive=False)
                    for name in names:
                        archive.add(staging / FILES / name, arcname=f"{FILES}/{name}", recursive=False)
                writer.close()
                sealed_file.flush()
                os.fsync(sealed_file.fileno())
            os.replace(partial, out)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    log(f"wrote {out} ({len(entries) - 1} files and the database)")
    return manifest


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    first = archive.next()
    if first is None or first.name != MANIFEST or not first.isfile():
        raise BackupError("This is not a Clemency backup: manifest.json is not its first member.")
    handle = archive.extractfile(first)
    assert handle is not None
    try:
        manifest = json.loads(handle.read())
    except ValueError as error:
        raise BackupError(f"manifest.json is not valid JSON: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("This is not a Clemency backup: its manifest has no 'clemency-backup' format.")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"Backup format version {manifest.get('version')!r} is not supported "
                          f"(this installation reads version {FORMAT_VERSION}).")
    entries = manifest.get("entries")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("path"), str) and isinstance(e.get("sha256"), str)
        for e in entries
    ):
        raise BackupError("The manifest's entries are malformed.")
    return manifest


def _safe_member_path(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"The archive member {name!r} points outside the installation; refusing it.")
    if path.parts[0] != FILES and name != DATABASE:
        raise BackupError(f"The archive member {name!r} is not part of a Clemency backup.")
    return path


def _copy_hashing(source: IO[bytes], target: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return digest.hexdigest(), size


def verify_into(archive_path: Path, staging: Path) -> dict[str, Any]:
    """Unpack into `staging`, checking each member against the manifest; raise on any mismatch."""
    try:
        archive = tarfile.open(archive_path, "r:*")  # noqa: SIM115 - closed by the `with` below
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{archive_path} cannot be read as a backup archive: {error}") from None
    with archive:
        manifest = _read_manifest(archive)
        expected = {entry["path"]: entry for entry in manifest["entries"]}
        if DATABASE not in expected:
            raise BackupError("The manifest lists no database.json.")
        seen: set[str] = set()
        try:
            for member in archive:
                if member.name == MANIFEST and not seen and member.offset == 0:
                    continue  # already read; iterating a tar starts again from the first member
                if not member.isfile():
                    raise BackupError(f"The archive member {member.name!r} is not a regular file; "
                                      "refusing it.")
                _safe_member_path(member.name)
                if member.name not in expected:
                    raise BackupError(f"The archive holds {member.name!r}, which its manifest does not list.")
                if member.name in seen:
                    raise BackupError(f"The archive holds {member.name!r} twice.")
                handle = archive.extractfile(member)
                assert handle is not None
                sha256, size = _copy_hashing(handle, staging / member.name)
                if sha256 != expected[member.name]["sha256"]:
                    raise BackupError(f"{member.name}: its SHA-256 does not match the manifest; "
                                      "the archive is damaged or was altered. Nothing was restored.")
                if size != expected[member.name].get("size", size):
                    raise BackupError(f"{member.name}: its size does not match the manifest.")
                seen.add(member.name)
        except (tarfile.TarError, EOFError, OSError) as error:
            raise BackupError(f"The archive is truncated or damaged: {error}. "
                              "Nothing was restored.") from None
        missing = sorted(set(expected) - seen)
        if missing:
            raise BackupError(f"The archive lacks {len(missing)} file(s) its manifest lists, "
                              f"e.g. {missing[0]}.")
    return manifest


def _held_data(media_root: Path) -> list[str]:
    """What this installation already holds (tables with rows, stored files)."""
    held: list[str] = []
    tables = set(connection.introspection.table_names())
    skipped = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in skipped or model._meta.db_table not in tables or not model._meta.managed:
            continue
        if model._base_manager.using(connection.alias).exists():
            held.append(label)
    if _stored_files(media_root):
        held.append(f"files under {media_root}")
    return held


def _unknown_migrations(manifest: dict[str, Any]) -> list[str]:
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(connection, ignore_no_migrations=True).disk_migrations)
    backed_up = manifest.get("migrations") or {}
    return sorted(f"{app}.{name}" for app, names in backed_up.items() for name in names
                  if (app, name) not in known)


def decrypt_into(archive_path: Path, target: Path, passphrase: str) -> None:
    """Decrypt and authenticate the whole archive into `target` (0600) before any of it is read."""
    try:
        with Path(archive_path).open("rb") as source, _open_private(target) as plain:
            decrypt_file(source, plain, passphrase)
    except DecryptionError as error:
        target.unlink(missing_ok=True)
        raise BackupError(f"{archive_path}: {error}") from None
    except OSError as error:
        target.unlink(missing_ok=True)
        raise BackupError(f"{archive_path} cannot be read as a backup archive: {error}") from None


def restore_backup(archive_path: Path, *, passphrase: str, replace: bool = False,
                   log: Callable[[str], None] = lambda message: None) -> RestoreReport:
    media_root = _media_root()
    staging_parent = media_root.parent if media_root.parent.exists() else None
    with tempfile.TemporaryDirectory(prefix=".clemency-restore-", dir=staging_parent) as work:
        staging = Path(work) / "contents"
        staging.mkdir()
        log("decrypting and authenticating the archive")
        plain = Path(work) / "archive.tar.gz"
        decrypt_into(Path(archive_path), plain, passphrase)
        log("checking every SHA-256 sum")
        manifest = verify_into(plain, staging)
        unknown = _unknown_migrations(manifest)
        if unknown:
            raise BackupError("The backup was made by a newer version (unknown migrations: "
                              f"{', '.join(unknown[:5])}). Upgrade this installation first. "
                              "Nothing was restored.")
        held = _held_data(media_root)
        if held and not replace:
            raise BackupError("This installation is not empty (it holds " + ", ".join(held[:8])
                              + "). Restore into an empty database and MEDIA_ROOT, or pass --replace "
                                "to erase it first. Nothing was restored.")
        log("migrating")
        call_command("migrate", interactive=False, verbosity=0)
        report = RestoreReport()
        try:
            with transaction.atomic():
                # Erase before loading, even in an empty installation: `migrate` itself writes rows (the
                # advocacy directory's seed migration, the public record loaded after migrating), and the
                # restored database must hold exactly the backup's rows. The flush's post_migrate signal
                # re-creates the content types and permissions the backup leaves out but names by natural key.
                log("erasing the existing data (--replace)" if held else "erasing what the migrations wrote")
                call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=False)
                objects = json.loads((staging / DATABASE).read_text(encoding="utf-8"))
                if objects:
                    log("loading the database")
                    call_command("loaddata", str(staging / DATABASE), verbosity=0)
        except (DatabaseError, DeserializationError, ValueError) as error:
            raise BackupError(f"The backup's data could not be loaded, so nothing was restored: "
                              f"{error}") from None
        for item in objects:
            report.models[item["model"]] = report.models.get(item["model"], 0) + 1
        report.objects = len(objects)
        if replace and media_root.exists():
            for old in _stored_files(media_root):
                old.unlink()
        staged_files = staging / FILES
        if staged_files.exists():
            for source in sorted(p for p in staged_files.rglob("*") if p.is_file()):
                target = media_root / source.relative_to(staged_files)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(source), str(target))
                report.files += 1
    log(f"restored {report.objects} records and {report.files} files")
    return report
