"""The demo's admin also administers the organisation, so creating a team and moving a case can be
tried from the demo. The letterhead is left for the demo's admin to fill in: drafts say what is missing."""

from __future__ import annotations

from clemency.accounts.models import User

ORGANISATION_ADMINS = ["demo-admin"]


def seed_accounts() -> None:
    User.objects.filter(username__in=ORGANISATION_ADMINS).update(is_organisation_admin=True)
