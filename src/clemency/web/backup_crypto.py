"""Encryption of backup archives with an operator's passphrase (the `cryptography` library).

A backup holds privileged notes, TOTP secrets and API tokens, so it is never written in the clear.
The key comes from the passphrase through scrypt; the archive is cut into 1 MiB chunks, each sealed
with AES-256-GCM under a nonce made of a random prefix, the chunk's number and a "last chunk" flag,
and with the file's header as associated data. So a wrong passphrase, a changed byte anywhere, chunks
reordered, dropped or cut off at the end, or an edited header (salt, cost) all fail authentication
before a single byte of the archive is used: the manifest is authenticated, not only hashed.

File layout: MAGIC (16 bytes), scrypt log2(n), r, p (one byte each), salt (16), nonce prefix (7),
then the sealed chunks (each at most CHUNK + 16 bytes).
"""

from __future__ import annotations

import os
import secrets
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"CLEMENCY-BACKUP\x02"
PASSPHRASE_VARIABLE = "CLEMENCY_BACKUP_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret
CHUNK = 1024 * 1024
_TAG = 16
# scrypt at n = 2**17, r = 8, p = 1: about 128 MB and a fraction of a second per backup or restore,
# the interactive-login cost the scrypt paper and OWASP recommend as a minimum for a passphrase.
SCRYPT_LOG2_N = 17
MIN_PASSPHRASE_LENGTH = 12
_HEADER_LENGTH = len(MAGIC) + 3 + 16 + 7


class DecryptionError(Exception):
    """The passphrase is wrong or the file was changed; nothing from it may be trusted."""


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValueError(f"The backup passphrase must be at least {MIN_PASSPHRASE_LENGTH} characters long.")


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    if not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16):
        raise DecryptionError("The backup's header names key-derivation costs outside the accepted range.")
    kdf = Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter:
    """A write-only file object: what is written to it reaches `target` sealed in chunks."""

    def __init__(self, target: IO[bytes], passphrase: str, *, log2_n: int = SCRYPT_LOG2_N) -> None:
        check_passphrase(passphrase)
        salt = secrets.token_bytes(16)
        self._prefix = secrets.token_bytes(7)
        self._header = MAGIC + bytes([log2_n, 8, 1]) + salt + self._prefix
        self._cipher = AESGCM(_key(passphrase, salt, log2_n, 8, 1))
        self._target = target
        self._buffer = bytearray()
        self._counter = 0
        self._closed = False
        target.write(self._header)

    def write(self, data: bytes) -> int:
        self._buffer += data
        # Keep at least one byte back, so the last chunk is always sealed by close() with its flag.
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        if self._counter >= 2**32 - 1:
            raise ValueError("The backup is too large for one archive (4 PiB).")
        nonce = _nonce(self._prefix, self._counter, last)
        self._target.write(self._cipher.encrypt(nonce, chunk, self._header))
        self._counter += 1

    def flush(self) -> None:
        self._target.flush()

    def close(self) -> None:
        if not self._closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._closed = True
            self._target.flush()


def is_encrypted(path: os.PathLike[str] | str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def decrypt_file(source: IO[bytes], target: IO[bytes], passphrase: str) -> None:
    """Write the plain archive to `target`; raise DecryptionError at the first chunk that fails."""
    header = source.read(_HEADER_LENGTH)
    if len(header) < _HEADER_LENGTH or not header.startswith(MAGIC):
        raise DecryptionError("This is not an encrypted Clemency backup (its header is missing).")
    log2_n, r, p = header[len(MAGIC)], header[len(MAGIC) + 1], header[len(MAGIC) + 2]
    salt = header[len(MAGIC) + 3:len(MAGIC) + 19]
    prefix = header[len(MAGIC) + 19:]
    cipher = AESGCM(_key(passphrase, salt, log2_n, r, p))
    counter = 0
    sealed = source.read(CHUNK + _TAG)
    while True:
        following = source.read(CHUNK + _TAG)
        last = not following
        try:
            target.write(cipher.decrypt(_nonce(prefix, counter, last), sealed, header))
        except InvalidTag:
            raise DecryptionError(
                "The backup cannot be decrypted: the passphrase is wrong, or the file was changed or cut "
                "short. Nothing was restored.") from None
        if last:
            return
        counter += 1
        sealed = following


def encrypt_file(source: IO[bytes], target: IO[bytes], passphrase: str) -> None:
    writer = EncryptingWriter(target, passphrase)
    while chunk := source.read(CHUNK):
        writer.write(chunk)
    writer.close()
