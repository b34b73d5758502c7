"""A 400-byte facts file of nested aliases is refused at upload with a short answer, not megabytes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.interrogation.tests.test_yaml_limits import _billion_laughs
from clemency.transcripts.models import TranscriptAnalysis
from clemency.transcripts.tests.conftest import upload
from clemency.transcripts.tests.samples import TRANSCRIPT

pytestmark = pytest.mark.django_db


def test_an_alias_bomb_facts_file_is_refused_with_a_short_page(client, case, cast):
    client.force_login(cast.staff)
    response = client.post(reverse("transcripts:create", args=[case.pk]), {
        "title": "Marsh interview",
        "transcript_file": upload("interview.txt", TRANSCRIPT),
        "facts_file": upload("facts.yaml", _billion_laughs()),
        "speakers_file": upload("speakers.yaml", "speakers:\n- &p {name: Ann Able, role: suspect}\n- *p\n"),
    })
    assert response.status_code == 400
    html = response.content.decode()
    assert "anchors and aliases" in html
    assert "lol" not in html
    assert len(response.content) < 200_000
    assert not TranscriptAnalysis.objects.exists()
