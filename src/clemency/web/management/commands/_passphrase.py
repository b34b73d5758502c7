"""The backup passphrase: from CLEMENCY_BACKUP_PASSPHRASE, or asked for at a terminal."""

from __future__ import annotations

import getpass
import os
import sys

from django.core.management.base import CommandError

from clemency.web.backup_crypto import PASSPHRASE_VARIABLE


def backup_passphrase(*, confirm: bool) -> str:
    passphrase = os.environ.get(PASSPHRASE_VARIABLE, "")
    if passphrase:
        return passphrase
    if not sys.stdin.isatty():
        raise CommandError(f"Backups are encrypted: set {PASSPHRASE_VARIABLE} to the passphrase, or run "
                           "this command at a terminal to be asked for it. Nothing was done.")
    passphrase = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("The same passphrase again: ") != passphrase:
        raise CommandError("The two passphrases differ. Nothing was done.")
    return passphrase
