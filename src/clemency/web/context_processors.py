"""What the site navigation needs to know about the signed-in user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from clemency.accounts.access import writable_teams


def navigation(request: HttpRequest) -> dict[str, Any]:
    # Lazy, so pages that never draw the menu never query for it.
    return {"can_import": lambda: writable_teams(request.user).exists()}  # type: ignore[arg-type]
