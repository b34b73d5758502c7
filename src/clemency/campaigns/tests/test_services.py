"""Campaign lifecycle: attorney-only steps, consent, the victim check, routing, outcomes, anonymisation."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from clemency.campaigns import services, signing
from clemency.campaigns.models import Campaign, CampaignStatus, Signature, StateCount
from clemency.campaigns.routing import route_for
from clemency.campaigns.tests.conftest import consent_document, make_campaign, make_campaign_case, signer
from clemency.campaigns.text import render_markdown


@pytest.mark.parametrize(
    ("jurisdiction", "office"),
    [
        ("federal", "The President of the United States"),
        ("dc", "The President of the United States"),
        ("us-wi", "Governor of Wisconsin"),
        ("us-tx", "Texas Board of Pardons and Paroles"),
        ("us-ok", "Oklahoma Pardon and Parole Board"),
    ],
)
def test_the_decision_maker_is_routed_by_where_the_conviction_happened(
    cast: Any, jurisdiction: str, office: str
) -> None:
    campaign = make_campaign(cast, publish=False, jurisdiction=jurisdiction)
    assert campaign.decision_maker_title == office
    assert campaign.decision_maker.name == office


def test_a_state_conviction_never_routes_to_the_president() -> None:
    from clemency.cases.jurisdictions import JURISDICTION_CHOICES

    for code, _ in JURISDICTION_CHOICES:
        route = route_for(code)
        if code.startswith("us-") and route is not None:
            assert route.seed_key != "federal.president", code


def test_choosing_the_president_for_a_state_case_is_refused(cast: Any) -> None:
    from clemency.advocacy.models import Office

    campaign = make_campaign(cast, publish=False, jurisdiction="us-wi")
    president = Office.objects.get(seed_key="federal.president")
    with pytest.raises(ValidationError) as raised:
        services.update_campaign(campaign, actor=cast.attorney, decision_maker=president)
    assert "never sent to the President" in str(raised.value)


def test_only_an_attorney_creates_records_consent_and_publishes(cast: Any) -> None:
    case = make_campaign_case(cast)
    with pytest.raises(PermissionDenied):
        services.create_campaign(
            case=case,
            actor=cast.staff,
            title="T",
            slug="t",
            person_name="R",
            story="S",
            ask="pardon",
            data_holder="Clinic",
        )
    campaign = make_campaign(cast, publish=False, case=case)
    with pytest.raises(PermissionDenied):
        services.record_consent(campaign, actor=cast.admin, document=consent_document(case))
    with pytest.raises(PermissionDenied):
        services.publish(campaign, actor=cast.staff)


def test_nothing_is_public_without_the_clients_consent(cast: Any) -> None:
    campaign = make_campaign(cast, publish=False)
    with pytest.raises(ValidationError) as raised:
        services.publish(campaign, actor=cast.attorney)
    assert "the client's written consent" in str(raised.value)
    assert Campaign.objects.get(pk=campaign.pk).status == CampaignStatus.DRAFT


def test_the_consent_must_be_a_document_of_the_same_case(cast: Any) -> None:
    campaign = make_campaign(cast, publish=False)
    other = make_campaign_case(cast)
    with pytest.raises(ValidationError):
        services.record_consent(campaign, actor=cast.attorney, document=consent_document(other))


def test_publishing_is_refused_while_the_text_names_a_victim_and_the_match_is_shown(cast: Any) -> None:
    campaign = make_campaign(cast, publish=False, victim="Dana Marie Whitlock")
    campaign = services.update_campaign(
        campaign, actor=cast.attorney, story="He has apologised to the family of Dana Whitlock every year."
    )
    services.record_consent(campaign, actor=cast.attorney, document=consent_document(campaign.case))
    matches = services.victim_matches(campaign)
    assert [(m.name, m.where) for m in matches] == [("Dana Marie Whitlock", "Story")]
    assert "Dana Whitlock" in matches[0].excerpt
    with pytest.raises(ValidationError) as raised:
        services.publish(campaign, actor=cast.attorney)
    assert "names a victim" in str(raised.value) and "Dana Whitlock" in str(raised.value)
    campaign = services.update_campaign(
        campaign, actor=cast.attorney, story="He has apologised to the family every year."
    )
    assert services.publish(campaign, actor=cast.attorney).status == CampaignStatus.PUBLISHED


def test_markdown_is_sanitised() -> None:
    html = render_markdown(
        "**Free** her <script>alert(1)</script> [x](javascript:alert(1)) "
        "![p](https://t.example/p.gif) <a href='https://t.example'>raw</a>"
    )
    assert "<strong>Free</strong>" in html
    assert "<script" not in html and 'href="javascript' not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;a href" in html


def test_an_execution_turns_the_page_into_a_memorial_closes_signing_and_tells_supporters(
    cast: Any, campaign: Any
) -> None:
    signing.sign(campaign, **signer(wants_updates=True))
    import re

    token = re.search(r"/c/confirm/([^/]+)/", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    signing.confirm(token)
    signing.sign(campaign, **signer(email="quiet@example.org"))
    services.record_outcome(
        campaign,
        actor=cast.attorney,
        outcome="executed",
        on=timezone.localdate(),
        message="We will carry his name.",
    )
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.CLOSED and not campaign.is_signing_open
    update = mail.outbox[-1]
    assert update.to == ["avery.signer@gmail.com"]
    assert update.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/c/unsubscribe/" in update.extra_headers["List-Unsubscribe"]


def test_anonymisation_waits_for_the_retention_period_and_keeps_counts_by_state(
    cast: Any, campaign: Any
) -> None:
    import re

    for n, state in enumerate(["WI", "WI", "TX"]):
        signing.sign(campaign, **signer(email=f"s{n}@example.org", state=state, address=f"192.0.2.{n}"))
        signing.confirm(re.search(r"/c/confirm/([^/]+)/", mail.outbox[-1].body).group(1))  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        services.anonymise(campaign, actor=cast.attorney)  # still open
    campaign = services.close(campaign, actor=cast.attorney)
    closed_at = campaign.closed_at
    with pytest.raises(ValidationError) as raised:
        services.anonymise(campaign, actor=cast.attorney, now=closed_at + datetime.timedelta(days=182))
    assert "retention period" in str(raised.value)
    assert services.anonymise_due(now=closed_at + datetime.timedelta(days=182)) == 0
    assert services.anonymise_due(now=closed_at + datetime.timedelta(days=183)) == 1
    assert set(Signature.objects.values_list("name", "email", "zip_code", "address_hash")) == {
        ("", "", "", "")
    }
    assert dict(StateCount.objects.values_list("state", "count")) == {"WI": 2, "TX": 1}
    assert Campaign.objects.get(pk=campaign.pk).confirmed_count == 3


def test_the_attorney_sees_the_victim_match_on_the_campaign_page_and_publishing_is_refused(
    client: Any, cast: Any
) -> None:
    campaign = make_campaign(cast, publish=False, victim="Dana Whitlock")
    services.update_campaign(campaign, actor=cast.attorney, title="Justice after Dana Whitlock")
    services.record_consent(campaign, actor=cast.attorney, document=consent_document(campaign.case))
    client.force_login(cast.attorney)
    page = client.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert "names a victim recorded on the case" in page and "Justice after Dana Whitlock" in page
    refused = client.post(f"/campaigns/{campaign.pk}/publish/", follow=True).content.decode()
    assert "Remove the name before publishing" in refused
    assert Campaign.objects.get(pk=campaign.pk).status == CampaignStatus.DRAFT
