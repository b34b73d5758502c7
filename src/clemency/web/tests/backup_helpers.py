"""Tests open, change and re-seal backups the way someone who knows the passphrase could."""

from __future__ import annotations

from pathlib import Path

from clemency.web.backup_crypto import decrypt_file, encrypt_file

PASSPHRASE = "a fictional passphrase for tests"


def unseal(archive: Path, out: Path) -> Path:
    with archive.open("rb") as source, out.open("wb") as target:
        decrypt_file(source, target, PASSPHRASE)
    return out


def seal(plain: Path, out: Path) -> Path:
    with plain.open("rb") as source, out.open("wb") as target:
        encrypt_file(source, target, PASSPHRASE)
    return out
