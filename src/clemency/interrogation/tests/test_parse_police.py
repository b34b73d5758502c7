"""The police-transcript parser on a made-up OCR page layout from another agency."""

from __future__ import annotations

from clemency.interrogation import analyze
from clemency.interrogation.parse import parse

from .short import FACTS

OCR = """CITY OF RIVERTON POLICE DEPARTMENT
Page 3 Case No. 24-00817
Interview of: Sam Reyes
Interviewers: Det. Ann Morrow
Det. Luis Kale
MORROW: Sam, you know why you're here. We already know
what happened, OK? (Sam nods “yes”)
SAM: Yeah.
KALE; Where were you on Friday?
SAM. At home.
DEF000120
________________
CITY OF RIVERTON P0LICE DEPARTMENT
Page 4 Case No. 24-00817
MORROW: Who shot her in the head? SAM: He did.
KALE:
SAM:
Did he say why?
(shakes head “no”) No.
MORR0W: OK.
SAM: I want to go home.
DEF00012l
________________
CITY 0F RIVERTON POLICE DEPARTM
MORROW: Tell us about the car.
SAM: It was in the garage.
DEF000122
"""


def test_pages_stamps_and_continuations():
    t = parse(OCR)
    assert sorted(t.pages) == [3, 4, 5]  # the last header has no page number: 4 + 1
    assert t.pages[3].stamp == "DEF000120" and t.pages[4].bates == "DEF000121"  # "l" for "1" in print
    first = t.turns[0]
    assert first.line == 6 and first.end_line == 7 and first.text.endswith("(Sam nods “yes”)")
    assert [g.answer for g in first.gestures] == ["yes"] and first.gestures[0].line == 7
    labels = [(x.label, x.line, x.page) for x in t.turns]
    assert ("KALE", 9, 3) in labels and ("SAM", 10, 3) in labels  # ";" and "." after a label


def test_merged_turns_and_a_label_column():
    t = parse(OCR)
    by_text = {x.text: x for x in t.turns}
    assert by_text["Who shot her in the head?"].label == "MORROW"
    assert by_text["He did."].label == "SAM" and by_text["He did."].line == 15
    assert by_text["Did he say why?"].label == "KALE" and by_text["Did he say why?"].line == 16
    assert by_text["(shakes head “no”) No."].label == "SAM"
    assert by_text["OK."].label == "MORR0W"


def test_the_ocr_spelling_of_a_name_joins_its_person():
    report = analyze(OCR, FACTS)
    people = {p.name: p for p in report.speakers}
    assert people["MORROW"].role == "interrogator" and "MORR0W" in people["MORROW"].spellings
    assert people["SAM"].role == "suspect" and people["KALE"].role == "interrogator"
    head = next(f for f in report.facts if f.fact.id == "shot_in_head")
    assert head.flag == "INTERROGATOR_FIRST" and (head.first_mention.line, head.first_mention.page) == (15, 4)
    car = next(f for f in report.facts if f.fact.id == "car_in_garage")
    assert car.flag == "NEVER_STATED"  # "It was in the garage" never says whose car
