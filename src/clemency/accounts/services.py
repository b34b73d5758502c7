"""Changes to a user's own account that belong to the platform (sign-in itself is django-allauth's)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from rest_framework.authtoken.models import Token

from clemency.audit.services import record_event


def rotate_api_token(user: Any, *, actor: Any) -> str:
    """A new API token for the user, replacing the old one (which stops working at once).

    The key is returned to show once; the audit log records that it changed, never the key.
    """
    with transaction.atomic():
        had_token = Token.objects.filter(user=user).delete()[0] > 0
        token = Token.objects.create(user=user)
        record_event(
            "account.api_token_rotated" if had_token else "account.api_token_created", actor=actor, obj=user
        )
    return str(token.key)


def revoke_api_token(user: Any, *, actor: Any) -> None:
    with transaction.atomic():
        if Token.objects.filter(user=user).delete()[0]:
            record_event("account.api_token_revoked", actor=actor, obj=user)
