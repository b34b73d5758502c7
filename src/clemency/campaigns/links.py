"""One-time links and keyed hashes: secrets live only in e-mail; the database keeps their hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing
from django.urls import reverse


def new_token() -> tuple[str, str]:
    """A fresh secret for a link, and the hash the database keeps of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def unusable_hash() -> str:
    """A hash no link can match: what a used one-time link's hash is replaced by."""
    return token_hash(secrets.token_hex(32))


def address_hash(address: str) -> str:
    """A keyed hash of a network address: it groups signatures from one place without keeping where.

    The key is derived from SECRET_KEY, so the hash cannot be reversed by trying every address
    without it; the hash itself is erased from signatures after 24 hours.
    """
    key = hashlib.sha256(b"clemency.campaigns.address:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]


def unsubscribe_token(signature_id: int) -> str:
    """A signed, lasting token for the unsubscribe link in every update (RFC 8058 one-click)."""
    return signing.dumps(signature_id, salt="clemency.campaigns.unsubscribe", compress=True)


def signature_for_unsubscribe(token: str) -> int | None:
    try:
        value = signing.loads(token, salt="clemency.campaigns.unsubscribe")
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def public_url(name: str, *args: object) -> str:
    return f"{settings.PUBLIC_BASE_URL}{reverse(name, args=args)}"
