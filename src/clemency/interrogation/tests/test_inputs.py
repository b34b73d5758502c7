"""Inputs: facts files, speaker maps and the other transcript formats; bad input is refused
with the field and the reason."""

from __future__ import annotations

import datetime as dt

import pytest

from clemency.interrogation import FactsError, SpeakerMapError, TranscriptError, analyze
from clemency.interrogation.facts import load_facts
from clemency.interrogation.parse import parse
from clemency.interrogation.text import fold, stem

from .short import FACTS, HEAD

GOOD = """
- id: a
  statement: The victim was shot.
  public: false
  public_since: 2020-02-03
  true: null
  cues: ["shot | shoot"]
"""


def test_a_facts_file_is_read_with_unknown_truth_as_none():
    (fact,) = load_facts(GOOD)
    assert fact.true is None and fact.public is False and fact.public_since == dt.date(2020, 2, 3)
    assert fact.cues[0].parts == ((("shot",), ("shoot",)),)


def test_the_key_true_is_read_although_yaml_makes_it_a_boolean():
    (fact,) = load_facts(GOOD.replace("true: null", "true: false"))
    assert fact.true is False


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("statement: The victim was shot.", "statement: ''"), "facts[a].statement"),
        (("true: null", "true: maybe"), "facts[a].true"),
        (("public: false", "public: 'no'"), "facts[a].public"),
        (("public_since: 2020-02-03", "public_since: March"), "facts[a].public_since"),
        (('cues: ["shot | shoot"]', "cues: []"), "facts[a].cues"),
        (('cues: ["shot | shoot"]', 'cues: ["shot + "]'), "facts[a].cues"),
        (("id: a", "id: 'Bad Id'"), "facts[0].id"),
    ],
)
def test_bad_facts_are_refused_naming_the_field(change, message):
    with pytest.raises(FactsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_facts(GOOD.replace(*change))


def test_duplicate_ids_and_non_lists_are_refused():
    with pytest.raises(FactsError, match="used twice"):
        load_facts(GOOD + GOOD)
    with pytest.raises(FactsError, match="non-empty list"):
        load_facts("just words")
    with pytest.raises(FactsError, match="not valid YAML"):
        load_facts("- id: [")


def test_a_speaker_map_sets_the_roles():
    speakers = """
speakers:
  - {name: Det. Morrow, role: interrogator, spellings: [MORROW]}
  - {name: Det. Kale, role: interrogator, spellings: [KALE]}
  - {name: Sam Reyes, role: suspect, spellings: [SAM]}
"""
    report = analyze(HEAD.replace("Interview of: Sam Reyes\n", ""), FACTS, speakers)
    roles = {t.speaker: t.role for t in report.transcript.turns}
    assert roles == {"Det. Morrow": "interrogator", "Det. Kale": "interrogator", "Sam Reyes": "suspect"}
    head = next(f for f in report.facts if f.fact.id == "shot_in_head")
    assert head.first_mention.speaker == "Det. Morrow"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("speakers: [{name: X, role: judge}]", r"speakers\[0\].role"),
        ("speakers: [{role: suspect}]", r"speakers\[0\].name"),
        ("speakers: []", "non-empty list"),
        ("speakers: [{name: X, role: suspect, spellings: X}]", r"speakers\[0\].spellings"),
    ],
)
def test_bad_speaker_maps_are_refused(text, message):
    with pytest.raises(SpeakerMapError, match=message):
        analyze(HEAD, FACTS, text)


def test_without_a_header_roles_come_from_who_asks():
    text = HEAD.split("\n", 3)[3]  # no "Interview of" or officers lines
    roles = {p.name: p.role for p in analyze(text, FACTS).speakers}
    assert roles["SAM"] == "suspect"


def test_empty_and_speakerless_transcripts_are_refused():
    with pytest.raises(TranscriptError, match="empty"):
        parse("   \n")
    with pytest.raises(TranscriptError, match="no speaker turns"):
        parse("just some words\nwith no labels\n")


def test_court_reporter_question_and_answer():
    text = """                                  12
 1   BY MR. HOLT:
 2   Q.  Where were you that night?
 3   A.  At home.
 4   Q.  Who shot her in the head?
 5   A.  I don't know.
                                  13
 1   Q.  Did you see the car
 2   in the garage?
 3   A.  Yes.
"""
    t = parse(text)
    assert t.format == "qa"
    assert [(x.speaker, x.role, x.line, x.page) for x in t.turns][:2] == [
        ("MR. HOLT", "interrogator", 3, 12),
        ("A", "suspect", 4, 12),
    ]
    assert t.turns[4].text == "Did you see the car in the garage?" and t.turns[4].page == 13
    report = analyze(text, FACTS)
    head = next(f for f in report.facts if f.fact.id == "shot_in_head")
    assert head.flag == "NEVER_STATED" and head.first_mention.line == 5


def test_webvtt_and_srt_keep_times_and_lines():
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Det. Kale>Where did he shoot her?\n\n"
        "00:00:04.000 --> 00:00:05.000\n<v Sam>In the head.\n"
    )
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\nKALE: Where did he shoot her?\n\n"
        "2\n00:00:04,000 --> 00:00:05,000\nSAM: In the head.\n"
    )
    for text, fmt in ((vtt, "webvtt"), (srt, "srt")):
        t = parse(text)
        assert t.format == fmt
        assert [x.time for x in t.turns] == ["00:00:01.000", "00:00:04.000"]
        assert [x.line for x in t.turns] == ([4, 7] if fmt == "webvtt" else [3, 7])
    speakers = (
        "speakers: [{name: Kale, role: interrogator, spellings: [Det. Kale, KALE]}, "
        "{name: Sam, role: suspect, spellings: [Sam, SAM]}]"
    )
    head = next(f for f in analyze(srt, FACTS, speakers).facts if f.fact.id == "shot_in_head")
    assert head.suspect_first_statement.line == 7 and head.suspect_first_statement.supplied == ["shoot"]


def test_look_alike_letters_fold_and_stems_meet():
    assert fold("SΤΑΤΕ4597") == "STATE4597" and fold("FASSBENDËR") == "FASSBENDER"
    assert fold("wiłł ок") == "will ok"
    assert stem("shooting") == stem("shoots") == "shoot"
    assert stem("stabbed") == stem("stab") and stem("handcuffed") == stem("handcuffs")
