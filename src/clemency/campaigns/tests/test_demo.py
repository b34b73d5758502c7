"""The demonstration data: two published campaigns for fictional people."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from clemency.campaigns.models import Campaign, CampaignStatus


@pytest.fixture
def demo(db: Any, settings: Any, tmp_path: Any) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path / "media"
    from clemency.web import demo as web_demo

    return web_demo.seed()


def test_two_published_campaigns_routed_to_the_right_decision_maker(
    demo: dict[str, Any], client: Any
) -> None:
    federal = Campaign.objects.get(slug="spare-corwin-haldane")
    wisconsin = Campaign.objects.get(slug="bring-tobias-home")
    assert federal.status == wisconsin.status == CampaignStatus.PUBLISHED
    assert federal.decision_maker.seed_key == "federal.president"
    assert wisconsin.decision_maker.seed_key == "us-wi.governor"
    conviction = wisconsin.case.convictions.get()
    birth = wisconsin.case.person.birth_date
    age = (
        conviction.offense_date.year
        - birth.year
        - ((conviction.offense_date.month, conviction.offense_date.day) < (birth.month, birth.day))
    )
    assert age == 16 and wisconsin.case.convictions.get().sentence.sentence_type == "life"
    page = client.get(reverse("campaigns:public-page", args=[federal.slug])).content.decode()
    assert "until the execution date" in page
    assert f"{federal.confirmed_count} people have signed" in page
    assert "Evelyn Marchbank" not in page  # the victim recorded on the case
    assert federal.updates.filter(posted_on__lte=timezone.localdate()).exists()


def test_seeding_twice_adds_nothing(demo: dict[str, Any]) -> None:
    from clemency.web import demo as web_demo

    before = Campaign.objects.count()
    web_demo.seed()
    assert Campaign.objects.count() == before == 2
