"""What the site navigation needs to know about the signed-in user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from clemency.accounts.access import admin_team_ids, writable_teams


def navigation(request: HttpRequest) -> dict[str, Any]:
    # Lazy, so pages that never draw the menu never query for it.
    return {"can_import": lambda: writable_teams(request.user).exists(),  # type: ignore[arg-type]
            "can_admin_team": lambda: bool(admin_team_ids(request.user)  # type: ignore[arg-type]
                                           or getattr(request.user, "is_organisation_admin", False))}
