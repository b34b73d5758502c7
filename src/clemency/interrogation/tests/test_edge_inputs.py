"""Records without page numbers or Bates stamps, empty and one-speaker transcripts, empty facts
files: each gives a clear result or an error naming the problem, never "p. None" or a crash."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from clemency.interrogation import FactsError, TranscriptError, analyze, render_html, render_pdf
from clemency.interrogation.cites import range_text, record_cite

from .conftest import fact
from .short import FACTS, HEAD
from .test_short_labels import QA_BY, VTT

UNKNOWN = re.compile(r"p\. None|page None|line None|None,|, None|\bNone\b")


def visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def pdf_text(report) -> str:  # noqa: ANN001 - a Report
    reader = PdfReader(io.BytesIO(render_pdf(report)))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_a_cite_leaves_out_what_the_record_does_not_have():
    assert record_cite(1445, 587, "STATE4658", prefix="Tr. ") == "Tr. p. 587, line 1445, STATE4658"
    assert record_cite(14, None, None, prefix="Tr. ") == "line 14"
    assert record_cite(14, 3) == "p. 3, line 14"
    assert record_cite(None, 3, lines=[7, 9]) == "p. 3, lines 7, 9"
    assert record_cite(None, None, lines=[7]) == "line 7"
    assert range_text(526, 677) == "526\u2013677" and range_text(None, "STATE9") == "STATE9"
    assert range_text(5, 5) == "5" and range_text(None, None) == ""


def test_a_transcript_without_pages_is_cited_by_line_in_html_and_pdf():
    report = analyze(HEAD, FACTS)
    head = fact(report, "shot_in_head")
    assert head.first_mention.page is None and head.first_mention.line == 14
    assert "no page numbers found: turns are cited by input line only" in report.warnings
    html = render_html(report)
    shown = visible(html)
    assert not UNKNOWN.search(shown), UNKNOWN.search(shown)
    assert "(line 14)" in shown and "no page numbers (cited by input line)" in shown
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "page None" not in svg and ">line 1</text>" in svg  # the axis counts lines
    text = pdf_text(report)
    assert not UNKNOWN.search(text), UNKNOWN.search(text)
    assert "Who shot her in the head?" in text and "(line 14)" in text


def test_pages_without_bates_stamps_cite_the_page_only():
    report = analyze(QA_BY, FACTS)
    head = fact(report, "shot_in_head")
    assert (head.first_mention.page, head.first_mention.bates) == (12, None)
    shown = visible(render_html(report))
    assert "(Tr. p. 12, line 7)" in shown and "Bates" not in shown
    assert not UNKNOWN.search(shown)
    text = pdf_text(report)
    assert "p. 12, line 7" in text and not UNKNOWN.search(text)


def test_captions_are_cited_by_line_and_say_why():
    report = analyze(VTT, FACTS)
    assert any("captions have no page numbers" in w for w in report.warnings)
    assert not UNKNOWN.search(visible(render_html(report)))
    assert not UNKNOWN.search(pdf_text(report))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("  \n\t\n", "the file is empty"),
        ("KALE:\nSAM:\nKALE:\n", "speaker labels found but no words"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Kale></v>\n", "no words in them"),
        ("WEBVTT\n\n", "no webvtt cues with speakers"),
        ("Q.\nA.\n", "no speaker turns"),
    ],
)
def test_an_empty_transcript_is_refused_naming_the_problem(text, message):
    with pytest.raises(TranscriptError, match=message):
        analyze(text, FACTS)


@pytest.mark.parametrize("text", ["", "facts: []", "facts:", "[]", "# only a comment\n"])
def test_a_facts_file_with_no_facts_is_refused(text):
    with pytest.raises(FactsError, match="the file lists no facts"):
        analyze(HEAD, text)


def test_a_facts_file_of_the_wrong_shape_says_what_it_got():
    with pytest.raises(FactsError, match="got plain text"):
        analyze(HEAD, "just words")
    with pytest.raises(FactsError, match="got a mapping"):
        analyze(HEAD, "id: a\nstatement: x\n")


def test_one_speaker_gives_a_report_that_says_so():
    text = "KALE: Where were you?\nKALE: Who shot her in the head?\nKALE: Answer me.\n"
    report = analyze(text, FACTS)
    assert [(p.name, p.role) for p in report.speakers] == [("KALE", "interrogator")]
    assert any(w.startswith("only one speaker (KALE, interrogator)") for w in report.warnings)
    assert any("no speaker was identified as the suspect" in w for w in report.warnings)
    assert {f.flag for f in report.facts} == {"NEVER_STATED"}
    assert fact(report, "shot_in_head").first_mention.line == 2
    assert "only one speaker" in render_html(report) and render_pdf(report).startswith(b"%PDF")


def test_a_lone_suspect_is_not_questioned_by_anyone():
    report = analyze("SAM: I went home.\nSAM: He shot her in the head.\n", FACTS)
    assert [(p.name, p.role) for p in report.speakers] == [("SAM", "suspect")]
    assert fact(report, "shot_in_head").flag == "SUSPECT_FIRST"
    assert any("no speaker was identified as an interrogator" in w for w in report.warnings)


def test_a_suspect_who_asks_the_questions_is_flagged_for_checking():
    speakers = (
        "speakers: [{name: Kale, role: suspect, spellings: [KALE]}, "
        "{name: Sam, role: interrogator, spellings: [SAM]}]"
    )
    report = analyze(HEAD.split("\n", 3)[3], FACTS, speakers)
    assert any("the suspect asks more of the questions" in w for w in report.warnings)
