"""The facts and speaker map edited as tables on the page: YAML made from the rows, the values kept
after an error, the cue grammar explained, an example set, and a warning for a single common word."""

from __future__ import annotations

import pytest
import yaml
from django.urls import reverse

from clemency.transcripts.models import TranscriptAnalysis
from clemency.transcripts.tests.conftest import upload
from clemency.transcripts.tests.samples import TRANSCRIPT

pytestmark = pytest.mark.django_db


def _table(rows: list[dict[str, str]], speakers: list[dict[str, str]] = ()) -> dict[str, str]:
    data = {"fact-TOTAL_FORMS": str(len(rows)), "fact-INITIAL_FORMS": "0",
            "speaker-TOTAL_FORMS": str(len(speakers)), "speaker-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data.update({f"fact-{index}-{key}": value for key, value in row.items()})
    for index, row in enumerate(speakers):
        data.update({f"speaker-{index}-{key}": value for key, value in row.items()})
    return data


FACT = {"id": "shot_in_head", "statement": "The victim was shot in the head.", "cues": "shot | shoot + head",
        "exclusions": "shakes head", "hints": "", "public_since": "", "truth": "true"}


def _attach(client, case, table):
    return client.post(reverse("transcripts:create", args=[case.pk]),
                       {"title": "Marsh interview", "transcript_file": upload("interview.txt", TRANSCRIPT),
                        "privileged": "on", **table})


def test_facts_from_the_table_are_analysed(client, case, cast):
    client.force_login(cast.attorney)
    page = client.get(reverse("transcripts:create", args=[case.pk])).content.decode()
    assert "“+” joins parts that must all appear" in page and "“|” separates alternatives" in page
    speakers = [{"name": "Det. Marlow", "role": "interrogator", "spellings": "MARLOW"}]
    response = _attach(client, case, _table([FACT, {"truth": "unknown"}], speakers))
    assert response.status_code == 302, response.content.decode()[:2000]
    analysis = TranscriptAnalysis.objects.get()
    assert analysis.fact_count == 1  # the empty row is ignored
    facts = yaml.safe_load(analysis.facts_file.read())
    assert facts == [{"id": "shot_in_head", "statement": "The victim was shot in the head.", "public": False,
                      "true": True, "cues": ["shot | shoot + head"], "exclusions": ["shakes head"]}]
    assert "MARLOW" in analysis.speakers_file.read().decode()


def test_an_error_names_the_row_and_keeps_every_value(client, case, cast):
    client.force_login(cast.attorney)
    bad = {**FACT, "cues": "shot + ", "public_since": "2023-02-30"}
    response = _attach(client, case, _table([bad]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "shot_in_head" in html and "The victim was shot in the head." in html  # values kept
    assert not TranscriptAnalysis.objects.exists()
    bad_cue = _attach(client, case, _table([{**FACT, "cues": "shot + "}]))
    assert bad_cue.status_code == 400
    assert "In the facts table: facts[shot_in_head].cues" in bad_cue.content.decode()
    assert "shot + " in bad_cue.content.decode()


def test_a_single_common_word_cue_is_warned_about(client, case, cast):
    client.force_login(cast.attorney)
    response = _attach(client, case, _table([{**FACT, "cues": "head"}]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "the cue “head” is a single common word with other senses" in page


def test_the_example_set_fills_the_table_and_yaml_upload_still_works(client, case, cast):
    client.force_login(cast.attorney)
    page = client.get(reverse("transcripts:create", args=[case.pk]) + "?example=1").content.decode()
    assert 'value="shot_in_head"' in page and "shot | shoot + head" in page
    neither = _attach(client, case, _table([]))
    assert neither.status_code == 400 and "Fill in the facts table below, or upload a facts file." in \
        neither.content.decode()


def test_the_speaker_map_is_corrected_as_a_table_on_the_analysis_page(client, analysis, cast):
    client.force_login(cast.staff)
    page = client.get(reverse("transcripts:analysis", args=[analysis.pk])).content.decode()
    assert 'id="speaker-table-form"' in page and 'name="speaker-0-name"' in page
    rows = {"speaker-TOTAL_FORMS": "3", "speaker-INITIAL_FORMS": "0",
            "speaker-0-name": "Rosa Vance", "speaker-0-role": "interrogator", "speaker-0-spellings": "VANCE",
            "speaker-1-name": "Owen Pike", "speaker-1-role": "interrogator", "speaker-1-spellings": "PIKE",
            "speaker-2-name": "Jody Marsh", "speaker-2-role": "suspect", "speaker-2-spellings": "MARSH"}
    response = client.post(reverse("transcripts:analysis-speakers", args=[analysis.pk]), rows)
    assert response.status_code == 302
    new = TranscriptAnalysis.objects.exclude(pk=analysis.pk).get()
    saved = yaml.safe_load(new.speakers_file.read())
    assert saved["speakers"][2] == {"name": "Jody Marsh", "role": "suspect", "spellings": ["MARSH"]}
    bad = client.post(reverse("transcripts:analysis-speakers", args=[new.pk]),
                      {**rows, "speaker-0-role": "judge"})
    assert bad.status_code == 400 and "speaker table has an error" in bad.content.decode()
