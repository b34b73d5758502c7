"""A member whose authenticator was reset is done with the reset once they set up a new one."""

from __future__ import annotations

from typing import Any

from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver


@receiver(authenticator_added)
def _enrolled(sender: Any, request: Any = None, user: Any = None, authenticator: Any = None,
              **kwargs: Any) -> None:
    from clemency.accounts.team_admin import authenticator_enrolled

    # Recovery codes alone are not a second factor to sign in with; an authenticator app is.
    if user is not None and getattr(authenticator, "type", None) == "totp":
        authenticator_enrolled(user)
