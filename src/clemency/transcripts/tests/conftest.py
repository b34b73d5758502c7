from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clemency.transcripts.tests.samples import FACTS, TRANSCRIPT


def make_case(team: Any, given: str, family: str) -> Any:
    from clemency.cases.models import Case
    from clemency.people.models import Person

    person = Person.objects.create(team=team, given_name=given, family_name=family)
    return Case.objects.create(
        team=team, person=person, title=f"Innocence review for {given} {family}", status="active"
    )


def upload(name: str, content: str | bytes) -> SimpleUploadedFile:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/plain")


def attach(
    case: Any,
    actor: Any,
    *,
    transcript: str | bytes = TRANSCRIPT,
    facts: str = FACTS,
    speakers: str | None = None,
    **fields: Any,
) -> Any:
    from clemency.transcripts import services

    return services.attach_transcript(
        case=case,
        actor=actor,
        transcript_upload=upload("interview.txt", transcript),
        facts_upload=upload("facts.yaml", facts),
        speakers_upload=upload("speakers.yaml", speakers) if speakers else None,
        **fields,
    )


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    """Uploads and reports go to a temporary directory, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def case(cast: Any) -> Any:
    return make_case(cast.team, "Jody", "Marsh")


@pytest.fixture
def other_case(cast: Any) -> Any:
    return make_case(cast.other_team, "Otto", "Elsewhere")


@pytest.fixture
def analysis(case: Any, cast: Any) -> Any:
    """A finished analysis of the short fictional transcript (the immediate task backend runs it)."""
    return attach(case, cast.attorney, title="Marsh interview")


def flag(analysis: Any, fact_id: str) -> str:
    return next(f["flag"] for f in analysis.result["facts"] if f["id"] == fact_id)
