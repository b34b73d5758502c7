"""What a public page shows, gathered once: only what the team wrote for the public, and counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from clemency.campaigns.links import public_url
from clemency.campaigns.models import Campaign, CampaignStatus, Outcome
from clemency.campaigns.services import Countdown, countdown
from clemency.campaigns.states import STATES
from clemency.campaigns.text import render_markdown

# Days before the date when the page says "what to do today".
URGENT_DAYS = 14


@dataclass(frozen=True)
class CohortProgress:
    home: int
    total: int
    goal_people: int | None
    goal_date: datetime.date | None


def count_words(number: int) -> str:
    return f"{number:,} {'person has' if number == 1 else 'people have'} signed"


def page_context(campaign: Campaign, today: datetime.date) -> dict[str, Any]:
    next_date: Countdown | None = (
        countdown(campaign, today) if campaign.outcome in ("", Outcome.DENIED) else None
    )
    states = [
        (STATES.get(row.state, row.state), row.count)
        for row in campaign.state_counts.filter(count__gt=0).order_by("-count", "state")
    ]
    updates = [(update, render_markdown(update.body)) for update in campaign.updates.all()]
    cohort = None
    if campaign.goal_people or campaign.cohort_cases.exists():
        cases = campaign.cohort_cases.all()
        home = cases.filter(
            Q(person__custody_status="released") | Q(person__custody_status="supervised_release")
        )
        cohort = CohortProgress(
            home=home.count(),
            total=cases.count(),
            goal_people=campaign.goal_people,
            goal_date=campaign.goal_date,
        )
    summary = " ".join(campaign.story.split())[:200]
    return {
        "campaign": campaign,
        "story_html": render_markdown(campaign.story),
        "photos": list(campaign.photos.all()),
        "countdown": next_date,
        "urgent": next_date is not None and next_date.days_left <= URGENT_DAYS,
        "states": states,
        "count_words": count_words(campaign.confirmed_count),
        "updates": updates,
        "cohort": cohort,
        "canonical_url": public_url("campaigns:public-page", campaign.slug),
        "share_image_url": public_url("campaigns:public-share-image", campaign.slug),
        "summary": summary,
        "memorial": campaign.outcome == Outcome.EXECUTED,
        "granted": campaign.outcome == Outcome.GRANTED,
        "stayed": campaign.outcome == Outcome.STAY,
        "signing_open": campaign.is_signing_open,
        "closed": campaign.status == CampaignStatus.CLOSED,
    }
