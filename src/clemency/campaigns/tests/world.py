"""The campaign records of the generated permission tests' world (see web/tests/permission_registry.py)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.base import ContentFile


def campaign_objects(case: Any, marker: str) -> dict[str, Any]:
    from clemency.campaigns.models import Campaign, Delivery, Letter

    campaign = Campaign.objects.create(
        team_id=case.team_id,
        case=case,
        slug=f"world-{marker.lower()}",
        title=f"Campaign {marker}",
        person_name="Zephyrine",
        story=f"Story {marker}",
        data_holder="Second Look Clinic",
    )
    letter = Letter.objects.create(
        campaign=campaign,
        writer_name=f"Writer {marker}",
        writer_email="w@example.org",
        relationship="friend",
        how_known="School",
        body=f"Letter {marker} " * 10,
    )
    delivery = Delivery(
        campaign=campaign,
        recipient=f"Governor {marker}",
        delivered_on=datetime.date(2026, 11, 2),
        cover_letter="Dear Governor",
        confirmed_count=0,
        letters_count=0,
        signature_set_sha256="0" * 64,
        packet_sha256="0" * 64,
    )
    delivery.packet.save("packet.pdf", ContentFile(f"%PDF-1.4 {marker}".encode()), save=True)
    return {"campaign": campaign, "letter": letter, "delivery": delivery}
