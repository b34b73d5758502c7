"""Tactic markers, "don't know" markers, question types and talk ratios on a short transcript."""

from __future__ import annotations

import pytest

from clemency.interrogation import analyze

from .short import FACTS, TACTICS


@pytest.fixture(scope="module")
def report():
    return analyze(TACTICS, FACTS)


def line_of(words: str) -> int:
    return next(n for n, line in enumerate(TACTICS.splitlines(), 1) if words in line)


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("leniency", "gonna help you"),
        ("honesty_appeal", "Be honest with us"),
        ("evidence_claim", "We already know"),
        ("minimisation", "not your fault"),
        ("threat", "gonna be problems"),
        ("rejection", "Don't lie to us"),
        ("repetition_after_denial", "Come on. Where did he put the gun?"),
        ("rejection_of_denial", "Come on. Where did he put the gun?"),
    ],
)
def test_each_tactic_is_marked_on_its_line(report, kind, words):
    lines = {m.line for m in report.tactics if m.kind == kind}
    assert line_of(words) in lines
    assert all(m.why for m in report.tactics)


def test_no_tactic_is_marked_on_a_plain_question(report):
    plain = line_of("Did he have a knife?")
    assert not [m for m in report.tactics if m.line == plain]


def test_the_suspects_dont_know_and_guesses(report):
    kinds = {(m.kind, m.line) for m in report.suspect_markers}
    assert ("dont_know", line_of("I don't know.")) in kinds
    assert ("guess", line_of("Maybe in the truck")) in kinds
    assert not any(m.line == line_of("A rifle.") for m in report.suspect_markers)


def test_question_types_per_interrogator(report):
    morrow = report.question_types["by_interrogator"]["MORROW"]["all"]
    kale = report.question_types["by_interrogator"]["KALE"]["all"]
    assert morrow == {"wh": 2, "open_invitation": 1, "tag": 1, "leading": 1}
    assert kale == {"forced_choice": 1, "yes_no": 1}
    leading = report.question_types["leading"]
    assert leading == [
        {
            "line": line_of("Who shot her"),
            "page": None,
            "speaker": "MORROW",
            "quote": "Who shot her in the head?",
            "facts": ["shot_in_head"],
        }
    ]


def test_talk_ratios(report):
    roles = report.talk["roles"]
    assert roles["interrogator"]["share"] > roles["suspect"]["share"]
    assert round(roles["interrogator"]["share"] + roles["suspect"]["share"], 3) == 1.0
    sam = next(s for s in report.talk["speakers"] if s["speaker"] == "SAM")
    assert sam["turns"] == 7 and sam["role"] == "suspect"


def test_question_types_over_time_are_bucketed_by_pages(dassey_report):
    wiegert = dassey_report.question_types["by_interrogator"]["WIEGERT"]
    assert "526-535" in wiegert and "666-675" in wiegert
    assert sum(wiegert["576-585"].values()) > 0
    leading_lines = {q["line"] for q in dassey_report.question_types["leading"]}
    assert 1445 in leading_lines  # "Who shot her in the head?"


def test_a_question_asked_again_is_marked_as_repeated():
    from .short import HEAD

    marked = analyze(HEAD, FACTS).tactics
    repeated = [m for m in marked if m.kind == "repeated_question"]
    lines = [
        n
        for n, line in enumerate(HEAD.splitlines(), 1)
        if line.startswith(("KALE: Be honest. What else?", "MORROW: What else? Tell"))
    ]
    assert [m.line for m in repeated] == lines
    assert all("asks again what was asked at line" in m.why for m in repeated)


def test_an_instruction_not_to_guess_is_not_a_rejection():
    from .short import HEADER

    text = (
        HEADER + "MORROW: Don't make anything up.\nSAM: OK.\nKALE: It's hard to make things up.\nSAM: OK.\n"
    )
    rejections = [m.line for m in analyze(text, FACTS).tactics if m.kind == "rejection"]
    assert rejections == [6]
