"""Demonstration campaigns for two fictional demo cases (called by web/demo.py's seed).

Everyone here is fictional: the people, their stories, the supporters (all at example.org).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from clemency.campaigns import letters, services
from clemency.campaigns.links import unusable_hash
from clemency.campaigns.models import Campaign, Signature, SignatureStatus
from clemency.campaigns.signing import recount

DEMO_CAMPAIGNS: list[dict[str, Any]] = [
    {
        "case": "federal_death",
        "slug": "spare-corwin-haldane",
        "title": "Spare Corwin Haldane's life",
        "person_name": "Corwin Haldane",
        "ask": "reprieve",
        "story": (
            "Corwin Haldane has lived on federal death row for more than twenty years. He was 23 at the time "
            "of the crime, after a childhood of violence that no court ever heard about.\n\n"
            "Today he teaches other men on his unit to read, and writes to the young people who write to him "
            "asking how to turn their lives around.\n\n"
            "**We ask the President to commute his sentence to life**, so that he may go on doing good where "
            "he is. *An execution date has been set.*"
        ),
        "states": {"TX": 9, "CA": 7, "NY": 6, "IN": 5, "GA": 3, "WI": 2},
        "update": (
            "Clemency petition filed",
            "The petition, with 41 letters of support, went to the Office of the Pardon Attorney today.",
        ),
    },
    {
        "case": "wisconsin_juvenile_life",
        "slug": "bring-tobias-home",
        "title": "Bring Tobias Home",
        "person_name": "Tobias Wrenfield",
        "ask": "pardon",
        "story": (
            "Tobias Wrenfield was sixteen when he was questioned for hours, with no parent in the room, and "
            "signed a confession he has disputed ever since. He has now spent more than half his life in "
            "prison.\n\n"
            "He finished his high-school diploma inside, then an associate degree, and trains service dogs "
            "for veterans.\n\n"
            "**We ask the Governor of Wisconsin to let him come home.**"
        ),
        "states": {"WI": 24, "MN": 4, "IL": 3, "MI": 2},
        "update": (
            "Letters to the Governor",
            "Thank you to everyone who wrote. The team is reading every "
            "letter before it goes to the Governor.",
        ),
    },
]
FIRST_NAMES = ["Alex", "Sam", "Jordan", "Casey", "Morgan", "Riley", "Taylor", "Jamie", "Drew", "Quinn"]
FAMILY_NAMES = ["Demo", "Example", "Sample", "Fictive", "Placeholder"]


def seed(cases_by_key: dict[str, Any], actor: Any) -> None:
    from clemency.documents.services import upload_document

    for spec in DEMO_CAMPAIGNS:
        case = cases_by_key.get(spec["case"])
        if case is None or Campaign.objects.filter(slug=spec["slug"]).exists():
            continue
        campaign = services.create_campaign(
            case=case,
            actor=actor,
            title=spec["title"],
            slug=spec["slug"],
            person_name=spec["person_name"],
            story=spec["story"],
            ask=spec["ask"],
            data_holder=case.team.name,
        )
        consent = upload_document(
            case=case,
            actor=actor,
            kind="record",
            title="Client's written consent to a public campaign",
            upload=SimpleUploadedFile(
                "consent.txt",
                f"I agree to a public campaign for my release under the name {spec['person_name']}. "
                "(Demonstration document.)\n".encode(),
                content_type="text/plain",
            ),
        )
        services.record_consent(campaign, actor=actor, document=consent)
        campaign = services.publish(campaign, actor=actor)
        title, body = spec["update"]
        services.post_update(
            campaign,
            actor=actor,
            title=title,
            body=body,
            posted_on=timezone.localdate() - datetime.timedelta(days=3),
            email_supporters=False,
        )
        _supporters(campaign, spec["states"])
        _letters(campaign, actor)


def _supporters(campaign: Campaign, states: dict[str, int]) -> None:
    """Confirmed demo signatures (fictional people at example.org), made directly: no e-mail is sent."""
    now = timezone.now()
    number = 0
    rows = []
    for state, count in states.items():
        for _ in range(count):
            name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {FAMILY_NAMES[number % len(FAMILY_NAMES)]}"
            email = f"supporter{number}.{campaign.slug}@example.org"
            rows.append(
                Signature(
                    campaign=campaign,
                    name=name,
                    email=email,
                    canonical_email=email,
                    email_domain="example.org",
                    zip_code="00000",
                    state=state,
                    status=SignatureStatus.CONFIRMED,
                    proof_of_work=True,
                    confirm_token_hash=unusable_hash(),
                    manage_token_hash=unusable_hash(),
                    email_confirmed_at=now,
                    counted_at=now,
                )
            )
            number += 1
    Signature.objects.bulk_create(rows)
    recount(campaign)


def _letters(campaign: Campaign, actor: Any) -> None:
    approved = letters.submit_letter(
        campaign,
        writer_name="Marguerite Example",
        writer_email="marguerite@example.org",
        writer_town="Madison",
        relationship="teacher",
        how_known="I taught the prison's associate-degree courses for six years.",
        support_on_release="I will help with college applications and a first job.",
        body="I taught many students inside. Few worked as hard, or helped others as much. "
        "I ask you to give this person the chance to show outside what I saw every week.",
        keep_private=False,
    )
    letters.review_letter(approved, actor=actor, decision="approve")
    letters.submit_letter(
        campaign,
        writer_name="Former Juror Example",
        writer_email="juror@example.org",
        writer_town="",
        relationship="juror",
        how_known="I served on the jury.",
        support_on_release="",
        body="I voted with the others at the time. What I have learned since about how the case was made "
        "troubles me, and I believe mercy is right here.",
        keep_private=True,
    )
