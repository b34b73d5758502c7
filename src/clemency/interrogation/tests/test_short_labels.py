"""Short speaker labels ("Q", "A", "AL") are whole names or roles: one edit apart is another
person, never a misspelling. Q./A. records propose Q as the questioner and A as the suspect."""

from __future__ import annotations

from collections import Counter

import pytest

from clemency.interrogation import analyze
from clemency.interrogation.speakers import _close, _person_for, cluster_keys

from .conftest import fact
from .short import FACTS

QA = """Q. Where were you that night?
A. At home, with my cousin.
Q. Who shot her in the head?
A. He did.
Q. Did he put the knife in the drawer?
A. Yeah.
Q. Did you burn her clothes?
A. No.
"""

QA_BY = """                                  12
 1   BY MR. HOLT:
 2   Q.  Where were you that night?
 3   A.  At home.
 4   MR. WEST: Objection, asked and answered.
 5   THE COURT: Overruled. Go on.
 6   Q.  Who shot her in the head?
 7   A.  He did.
"""

VTT = """WEBVTT

00:00:01.000 --> 00:00:02.000
<v Q>Who shot her in the head?

00:00:03.000 --> 00:00:04.000
<v A>He did.

00:00:05.000 --> 00:00:06.000
<v Q>Did he put the knife in the drawer?

00:00:07.000 --> 00:00:08.000
<v A>Yeah.
"""

SRT = """1
00:00:01,000 --> 00:00:02,000
Q: Who shot her in the head?

2
00:00:03,000 --> 00:00:04,000
A: He did.

3
00:00:05,000 --> 00:00:06,000
Q: Did he put the knife in the drawer?

4
00:00:07,000 --> 00:00:08,000
A: Yeah.
"""


def roles(report) -> dict[str, str]:  # noqa: ANN001 - a Report
    return {p.name: p.role for p in report.speakers}


@pytest.mark.parametrize("text", [QA, VTT, SRT], ids=["qa", "webvtt", "srt"])
def test_q_and_a_without_a_map_are_the_questioner_and_the_suspect(text):
    report = analyze(text, FACTS)
    assert roles(report) == {"Q": "interrogator", "A": "suspect"}
    assert [t.speaker for t in report.transcript.turns[:2]] == ["Q", "A"]
    reasons = {p.name: p.reason for p in report.speakers}
    assert "Q. (question) lines" in reasons["Q"] and "A. (answer) lines" in reasons["A"]
    head = fact(report, "shot_in_head")
    assert head.flag == "INTERROGATOR_FIRST" and head.first_mention.role == "interrogator"
    assert head.suspect_adoption.speaker == "A" and head.suspect_adoption.how == "agreed"
    assert fact(report, "knife_in_drawer").flag == "INTERROGATOR_FIRST"


def test_the_suspects_own_words_on_an_a_line_are_suspect_first():
    assert fact(analyze(QA, FACTS), "knife_in_drawer").first_mention.role == "interrogator"
    text = QA.replace("Did he put the knife in the drawer?", "What did he do next?").replace(
        "Yeah.", "He put the knife in the drawer."
    )
    knife = fact(analyze(text, FACTS), "knife_in_drawer")
    assert knife.flag == "SUSPECT_FIRST" and knife.first_mention.speaker == "A"


def test_an_examiner_named_on_a_by_line_asks_and_colloquy_is_not_the_suspect():
    report = analyze(QA_BY, FACTS)
    assert roles(report) == {
        "MR. HOLT": "interrogator",
        "A": "suspect",
        "MR. WEST": "other",
        "THE COURT": "other",
    }
    assert fact(report, "shot_in_head").first_mention.speaker == "MR. HOLT"


def test_a_speaker_map_naming_q_and_a_still_rules():
    speakers = (
        "speakers: [{name: Det. Holt, role: interrogator, spellings: [Q]}, "
        "{name: Jo Pike, role: suspect, spellings: [A]}]"
    )
    report = analyze(QA, FACTS, speakers)
    assert {t.speaker for t in report.transcript.turns} == {"Det. Holt", "Jo Pike"}
    assert fact(report, "shot_in_head").suspect_adoption.speaker == "Jo Pike"


def test_two_letter_names_one_edit_apart_stay_two_people():
    vtt = VTT.replace("<v Q>", "<v AL>").replace("<v A>", "<v AB>")
    assert roles(analyze(vtt, FACTS)) == {"AL": "interrogator", "AB": "suspect"}
    police = "".join(
        f"{'JO' if n % 2 == 0 else 'AL'}: {line[3:]}\n" for n, line in enumerate(QA.splitlines())
    )
    report = analyze(police, FACTS)
    assert report.transcript.format == "police"
    assert roles(report) == {"JO": "interrogator", "AL": "suspect"}
    assert fact(report, "shot_in_head").flag == "INTERROGATOR_FIRST"


def test_label_matching_rules():
    assert not _close("Q", "A") and not _close("AL", "AB") and _close("AL", "AL")
    assert _close("FASSBENDER", "FASSBENDR")  # long names still absorb OCR slips
    assert cluster_keys(Counter({"Q": 4, "A": 4})) == {"Q": "Q", "A": "A"}
    # Two short names said as often are two people; a rare one-letter slip is a misspelling.
    assert cluster_keys(Counter({"TOM": 6, "TIM": 5})) == {"TOM": "TOM", "TIM": "TIM"}
    assert cluster_keys(Counter({"TOM": 10, "TIM": 1})) == {"TOM": "TOM", "TIM": "TOM"}
    # "Interview of: Alan Reyes" names Alan, not whoever speaks on the A. lines.
    assert not _person_for("A", ["ALAN", "REYES"]) and _person_for("SAM", ["SAMUEL"])
