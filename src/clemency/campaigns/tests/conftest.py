"""A campaign ready to sign: a fictional person's case, the client's consent on file, published."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.base import ContentFile

from clemency.web.tests.factories import make_case, make_person


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUBLIC_BASE_URL = "https://clemency.example.org"
    return settings.MEDIA_ROOT


def make_campaign_case(cast: Any, *, jurisdiction: str = "federal", victim: str | None = None) -> Any:
    from clemency.cases.models import Conviction, Party

    person = make_person(cast.team, given_name="Rowan", family_name="Testcase")
    case = make_case(cast.team, person, title="Commutation")
    conviction = Conviction.objects.create(case=case, jurisdiction=jurisdiction, docket_number="1:99-cr-1")
    if victim:
        Party.objects.create(conviction=conviction, name=victim, role="victim")
    return case


def consent_document(case: Any) -> Any:
    from clemency.documents.models import Document

    document = Document(
        case=case,
        kind="record",
        title="Client's consent to a public campaign",
        original_name="consent.txt",
        content_type="text/plain",
        size_bytes=7,
        sha256="0" * 64,
    )
    document.file.save("consent.txt", ContentFile(b"consent"), save=True)
    return document


def make_campaign(cast: Any, *, publish: bool = True, slug: str = "free-rowan", **kwargs: Any) -> Any:
    from clemency.advocacy.seed import ensure_seeded
    from clemency.campaigns import services

    # The directory comes from a data migration that a transactional test elsewhere may have flushed.
    ensure_seeded()
    case = kwargs.pop("case", None) or make_campaign_case(cast, **kwargs)
    campaign = services.create_campaign(
        case=case,
        actor=cast.attorney,
        title="Bring Rowan Home",
        slug=slug,
        person_name="Rowan",
        story="Rowan has spent **twenty years** inside and mentors young men.",
        ask="pardon_or_commutation",
        data_holder="Second Look Clinic",
    )
    if publish:
        services.record_consent(campaign, actor=cast.attorney, document=consent_document(case))
        campaign = services.publish(campaign, actor=cast.attorney)
    return campaign


@pytest.fixture
def campaign(cast: Any) -> Any:
    return make_campaign(cast)


def signer(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Avery Signer",
        "email": "avery.signer@gmail.com",
        "zip_code": "53703",
        "state": "WI",
        "comment": "",
        "wants_updates": False,
        "address": "203.0.113.7",
        "proof_of_work": True,
    }
    data.update(overrides)
    return data
