"""The real record: the 1 March 2006 interrogation, OCR text as published."""

from __future__ import annotations

import pytest

from clemency.interrogation.parse import parse
from clemency.interrogation.speakers import resolve

from .conftest import fact


def test_the_head_disclosure_is_interrogator_first_after_wrong_attempts(dassey_report):
    head = fact(dassey_report, "shot_in_head")
    first = head.first_mention
    assert head.flag == "INTERROGATOR_FIRST"
    assert (first.line, first.page, first.role, first.speaker) == (1445, 587, "interrogator", "WIEGERT")
    assert 584 <= first.page <= 587
    assert "Who shot her in the head?" in first.quote
    assert first.how == "presupposed"
    assert first.bates == "STATE4658"  # the stamp printed at the foot of page 587
    attempts = {a.lines[0]: a.quote for a in head.attempts}
    assert sorted(attempts) == [1377, 1397, 1408]
    assert "hair" in attempts[1377] and "punched" in attempts[1397] and "throat" in attempts[1408]
    assert all(line < first.line for line in attempts)
    assert head.window[0] == 1370  # "Something with the head" opens the episode
    kinds = {p.kind for p in head.pressure}
    assert {"evidence_claim", "honesty_appeal"} <= kinds


def test_the_suspects_answer_to_the_head_question_is_an_agreement_not_knowledge(dassey_report):
    head = fact(dassey_report, "shot_in_head")
    assert head.suspect_adoption.line == 1446 and head.suspect_adoption.how == "agreed"
    own = head.suspect_first_statement
    assert own.line == 1483 and own.supplied == ["shoot"]  # "In the head." after "Where did you shoot her?"


def test_head_in_other_senses_earlier_is_not_a_mention(dassey_report):
    head = fact(dassey_report, "shot_in_head")
    assert all(m.line >= 1445 for m in head.mentions)  # not 126 "head in on B", not 295 "shakes head"


def test_hood_first_said_by_the_suspect_in_another_sense_does_not_count(dassey_report):
    hood = fact(dassey_report, "hood_raised")
    assert hood.flag == "INTERROGATOR_FIRST"
    assert hood.first_mention.line == 1829 and hood.first_mention.role == "interrogator"
    assert 1772 not in {m.line for m in hood.mentions}  # "covered it with branches and a hood"
    assert [a.lines[0] for a in hood.attempts] == [1826]  # "he left the gun in the car"


def test_every_annotated_fact_matches_the_hand_annotation(dassey_report, dassey_annotations):
    assert len(dassey_annotations) >= 12
    mismatches = []
    for note in dassey_annotations:
        result = fact(dassey_report, note["id"])
        expected = note["first_mention"]
        got = result.first_mention
        if expected is None:
            ok = got is None
        else:
            ok = got is not None and (got.line, got.page, got.role, got.speaker) == (
                expected["line"],
                expected["page"],
                expected["role"],
                expected["speaker"],
            )
        if not ok or result.flag != note["flag"]:
            mismatches.append((note["id"], note["flag"], result.flag, got and got.line))
    assert mismatches == []


@pytest.mark.parametrize(
    ("line", "page"),
    [(9, 526), (20, 527), (570, 551), (937, 566), (1252, 579), (2013, 611), (3585, 677)],
)
def test_turns_carry_the_printed_page(dassey_text, line, page):
    transcript = parse(dassey_text)
    turn = next(t for t in transcript.turns if t.line == line)
    assert turn.page == page


def test_the_whole_transcript_parses_with_its_pages_and_stamps(dassey_text):
    transcript = parse(dassey_text)
    assert sorted(transcript.pages) == list(range(526, 678))
    assert len(transcript.turns) > 2700
    assert all(t.page is not None for t in transcript.turns)
    assert transcript.pages[526].stamp == "STATE4597"  # Greek look-alike letters folded
    assert transcript.pages[547].stamp == "STATE4818" and transcript.pages[547].bates == "STATE4618"
    assert any("STATE4818" in w for w in transcript.warnings)
    assert transcript.turns[0].line == 9 and transcript.turns[0].label == "WIEGERT"


def test_ocr_label_column_is_paired_back_with_its_words(dassey_text):
    turns = {t.line: t for t in parse(dassey_text).turns}
    assert turns[1056].label == "BRENDAN" and turns[1056].text == "That if I wanted the girlfriend."
    assert turns[1059 - 7].text == "Does he ask you?"
    assert turns[2287].text.endswith("or after you went into the house?")


def test_merged_turns_and_misplaced_words_are_separated(dassey_text):
    turns = parse(dassey_text).turns
    on_727 = [t for t in turns if t.line == 727]
    assert [t.label for t in on_727] == ["WIEGERT", "BRENDAN"]
    assert next(t for t in turns if t.line == 834).label == "WIEGERT"  # words printed before the label


def test_the_proposed_speaker_map_is_right(dassey_text):
    transcript = parse(dassey_text)
    people, _warnings = resolve(transcript.turns, transcript.preamble, None)
    roles = {p.name: p.role for p in people}
    assert roles["WIEGERT"] == "interrogator" and roles["FASSBENDER"] == "interrogator"
    assert roles["BRENDAN"] == "suspect" and roles["BARB JANDA"] == "other"
    assert [n for n, r in roles.items() if r == "suspect"] == ["BRENDAN"]
    assert sorted(n for n, r in roles.items() if r == "interrogator") == ["FASSBENDER", "WIEGERT"]
    spellings = {s for p in people for s in p.spellings if p.name == "FASSBENDER"}
    assert {"FASSBENDËR", "FASASBENDER", "FASSRENDER"} <= spellings
    assert "WEGERT" in next(p for p in people if p.name == "WIEGERT").spellings
    by_line = {t.line: t for t in transcript.turns}
    assert by_line[1244].role == "suspect"  # "B}{ENIBAN: After."
    assert by_line[1804].role == "interrogator"  # label lost to OCR noise between two answers


def test_report_json_has_the_issue_field_names(dassey_report):
    import json

    data = json.loads(dassey_report.to_json())
    head = next(f for f in data["facts"] if f["id"] == "shot_in_head")
    assert {"line", "page", "role", "speaker", "quote", "how"} <= set(head["first_mention"])
    assert head["flag"] == "INTERROGATOR_FIRST"
    assert head["first_mention"]["rules"]  # the words and rules that made the match
    assert "does not say whether" in data["notice"]


def test_the_proposed_map_can_be_edited_and_given_back(dassey_report, dassey_text, dassey_facts_text):
    from clemency.interrogation import analyze

    proposed = dassey_report.speaker_map_yaml()
    assert "FASSBENDËR" in proposed and "role: suspect" in proposed
    again = analyze(dassey_text, dassey_facts_text, proposed)
    assert [f.flag for f in again.facts] == [f.flag for f in dassey_report.facts]
    assert {t.role for t in again.transcript.turns if t.speaker == "BRENDAN"} == {"suspect"}
