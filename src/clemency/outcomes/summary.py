"""The team's petition groups, kept in the cache until a petition changes.

Counting 20,000 petitions of a team with 100,000 cases is a join over the whole team (a quarter of a
second); a director reloading the page, or fifty of them, should not pay it each time. The groups are
cached under the teams and the filters, and a version that any saved or deleted petition renews, so a
change shows at once. Bulk updates that skip `save()` are caught by the expiry (five minutes).
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet

from clemency.outcomes.team import petition_groups
from clemency.petitions.models import Petition

VERSION_KEY = "outcomes:petitions-version"
EXPIRY_SECONDS = 300


def renew_version(**kwargs: Any) -> None:
    """A petition was saved or deleted: every cached summary is now stale."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _version() -> str:
    found = cache.get(VERSION_KEY)
    if found is None:
        found = uuid.uuid4().hex
        cache.add(VERSION_KEY, found, None)
        found = cache.get(VERSION_KEY) or found
    return str(found)


def cached_groups(petitions: QuerySet[Petition], team_ids: list[int], filters: str) -> list[dict[str, Any]]:
    scope = hashlib.sha256(f"{sorted(team_ids)}|{filters}".encode()).hexdigest()
    key = f"outcomes:groups:{_version()}:{scope}"
    found = cache.get(key)
    if found is None:
        found = petition_groups(petitions)
        cache.set(key, found, EXPIRY_SECONDS)
    return list(found)
