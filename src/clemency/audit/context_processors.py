"""Whether to show the audit log link: only to admins of some team (asked only when a page renders it)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from clemency.accounts.access import admin_team_ids


def audit_access(request: HttpRequest) -> dict[str, Any]:
    # A callable: the template calls it only where it is used, so other pages pay no query.
    return {"can_read_audit": lambda: bool(admin_team_ids(request.user))}  # type: ignore[arg-type]
