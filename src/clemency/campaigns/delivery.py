"""Delivery to the decision maker: a packet PDF, the hash that lets the count be checked later, a log."""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from clemency.audit.services import record_event
from clemency.campaigns.letters import letter_page
from clemency.campaigns.models import Campaign, Delivery, LetterStatus, Signature, SignatureStatus
from clemency.campaigns.pdf import Packet, packet_pdf
from clemency.campaigns.states import STATES

HASH_METHOD = (
    "How to check it: for every confirmed signature, sorted by its number, the line "
    "'<number>,<canonical e-mail>,<state>,<confirmed at, ISO 8601 UTC>' followed by a newline; "
    "the SHA-256 of all the lines together, in UTF-8."
)


def signature_set_sha256(campaign: Campaign) -> tuple[str, int]:
    """The hash of the confirmed signature set, and how many signatures it covers."""
    digest = hashlib.sha256()
    number = 0
    rows = (
        Signature.objects.filter(campaign=campaign, status=SignatureStatus.CONFIRMED)
        .order_by("pk")
        .values_list("pk", "canonical_email", "state", "email_confirmed_at")
    )
    for pk, canonical, state, confirmed_at in rows.iterator():
        stamp = confirmed_at.astimezone(datetime.UTC).isoformat() if confirmed_at else ""
        digest.update(f"{pk},{canonical},{state},{stamp}\n".encode())
        number += 1
    return digest.hexdigest(), number


def deliver(
    campaign: Campaign,
    *,
    actor: Any,
    recipient: str,
    delivered_on: datetime.date,
    cover_letter: str,
    include_names: bool = False,
) -> Delivery:
    if not recipient.strip():
        raise ValidationError({"recipient": "Name the decision maker the packet goes to."})
    if not cover_letter.strip():
        raise ValidationError({"cover_letter": "Write the cover letter."})
    if delivered_on > timezone.localdate():
        raise ValidationError({"delivered_on": "The delivery date cannot be in the future."})
    if campaign.status == "draft":
        raise ValidationError({"__all__": "A draft campaign cannot be delivered."})
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        sha, confirmed = signature_set_sha256(campaign)
        letters = list(campaign.letters.filter(status=LetterStatus.APPROVED).order_by("created_at", "pk"))
        counts = [
            (STATES.get(row.state, row.state), row.count)
            for row in campaign.state_counts.filter(count__gt=0).order_by("-count", "state")
        ]
        names = None
        if include_names:
            names = [
                (name, STATES.get(state, state))
                for name, state in Signature.objects.filter(
                    campaign=campaign, status=SignatureStatus.CONFIRMED
                )
                .order_by("pk")
                .values_list("name", "state")
            ]
        pdf = packet_pdf(
            Packet(
                campaign_title=campaign.title,
                person=campaign.person_name,
                recipient=recipient.strip(),
                delivered_on=delivered_on,
                cover_letter=cover_letter,
                confirmed_count=confirmed,
                counts_by_state=counts,
                names=names,
                letters=[letter_page(letter) for letter in letters],
                signature_set_sha256=sha,
                hash_method=HASH_METHOD,
            )
        )
        delivery = Delivery(
            campaign=campaign,
            recipient=recipient.strip(),
            delivered_on=delivered_on,
            cover_letter=cover_letter,
            include_names=include_names,
            confirmed_count=confirmed,
            letters_count=len(letters),
            signature_set_sha256=sha,
            packet_sha256=hashlib.sha256(pdf).hexdigest(),
            created_by=actor,
        )
        delivery.packet.save("packet.pdf", ContentFile(pdf), save=False)
        delivery.save()
        record_event(
            "campaign.delivered",
            actor=actor,
            obj=delivery,
            case_id=campaign.case_id,
            team_id=campaign.team_id,
            after={
                "recipient": delivery.recipient,
                "delivered_on": delivered_on.isoformat(),
                "signatures": confirmed,
                "letters": len(letters),
                "signature_set_sha256": sha,
            },
        )
        delivery.outreach = _log_outreach(campaign, delivery, actor=actor)
        delivery.save(update_fields=["outreach"])
        from clemency.campaigns.services import _email_supporters

        _email_supporters(
            campaign,
            f"{campaign.title}: delivered to {delivery.recipient}",
            f"On {delivered_on:%B %-d, %Y} the team delivered {confirmed:,} confirmed "
            f"signatures and {len(letters)} letters of support to {delivery.recipient}. "
            "Thank you for standing with "
            f"{campaign.person_name}.",
        )
    return delivery


def _log_outreach(campaign: Campaign, delivery: Delivery, *, actor: Any) -> Any:
    """The delivery as a contact in the advocacy outreach log, with the recipient and the date."""
    from clemency.advocacy.services import log_outreach

    office = campaign.decision_maker
    counterpart = "" if office is not None and office.name == delivery.recipient else delivery.recipient
    outreach = log_outreach(
        case=campaign.case,
        actor=actor,
        date=delivery.delivered_on,
        office=office,
        counterpart=counterpart,
        channel="delivery",
        status="done",
        subject=f"Campaign delivery: {campaign.title}"[:200],
        summary=(
            f"{delivery.confirmed_count:,} confirmed signatures and {delivery.letters_count} letters of "
            f"support delivered to {delivery.recipient}. SHA-256 of the confirmed signature set: "
            f"{delivery.signature_set_sha256}."
        ),
    )
    return outreach
