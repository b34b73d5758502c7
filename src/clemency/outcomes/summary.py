"""The team's petition charts, kept in the cache until a petition changes.

Counting 20,000 petitions of a team with 100,000 cases is a join over the whole team (a quarter of a
second); a director reloading the page, or fifty of them, should not pay it each time. The charts are
cached under the teams, the filters and the day, and a version that any saved or deleted petition renews,
so a change shows at once. Bulk updates that skip `save()` are caught by the expiry (five minutes).
Deadlines are counted afresh on each request (one indexed aggregate).
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet

from clemency.deadlines.models import Deadline
from clemency.outcomes.charts import Chart
from clemency.outcomes.team import deadlines_kept, petition_charts, petition_groups
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


def team_charts(
    petitions: QuerySet[Petition],
    deadlines: QuerySet[Deadline],
    team_ids: list[int],
    filters: str,
    today: datetime.date,
) -> list[Chart]:
    scope = hashlib.sha256(f"{sorted(team_ids)}|{filters}|{today.isoformat()}".encode()).hexdigest()
    key = f"outcomes:team-charts:{_version()}:{scope}"
    charts = cache.get(key)
    if charts is None:
        charts = petition_charts(petition_groups(petitions), today)
        cache.set(key, charts, EXPIRY_SECONDS)
    return [*charts, deadlines_kept(deadlines, today)]
