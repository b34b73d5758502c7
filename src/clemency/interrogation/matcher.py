"""Does a turn assert, presuppose or agree to a fact? Statements, not words.

Rules, in the order they apply (each match records the rules that made it):

1. Only speech counts: the transcriber's notes in parentheses are blanked out first, so
   "(Brendan shakes head)" never mentions a head.
2. The lawyer's exclusions are masked next: words inside "branches and a hood" cannot serve
   as the car's hood.
3. A cue is a statement pattern: every part ("shot | shoot" + "head") must appear in one
   sentence, within 15 words.
4. A question that contains the fact presupposes it (the interrogator put it on the table).
5. A short answer inherits the content of the question it answers: "In the head." after
   "Where did you shoot her?" states the fact, with the question supplying part of it; "Yeah"
   or a noted nod after a question containing the fact is agreement, not knowledge.
6. A short interrogator fragment ("No, I mean where, in the garage") is read with the
   interrogators' last question.
7. A suspect's sentence with a negation before the cue ("I didn't ...") is a denial.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from .facts import Cue, Fact
from .model import Turn
from .units import Unit, units

MAX_SPAN = 15
NEGATORS = {
    "not",
    "no",
    "never",
    "didn't",
    "don't",
    "doesn't",
    "wasn't",
    "weren't",
    "nothing",
    "nobody",
    "couldn't",
    "wouldn't",
    "won't",
    "isn't",
    "ain't",
    "haven't",
    "hasn't",
    "uhuh",
}


@dataclass
class Mention:
    fact_id: str
    turn_index: int
    line: int
    page: int | None
    bates: str | None
    speaker: str
    role: str
    how: str  # stated | presupposed | agreed | denied
    quote: str
    cue: str
    words: list[str]
    rules: list[str] = field(default_factory=list)
    echo: bool = False
    question_line: int | None = None  # the question this answer completes or agrees to
    supplied: list[str] = field(default_factory=list)  # words the question supplied

    def as_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "role": self.role,
            "line": self.line,
            "page": self.page,
            "bates": self.bates,
            "quote": self.quote,
            "how": self.how,
            "cue": self.cue,
            "words": self.words,
            "rules": self.rules,
            "echo": self.echo,
            "question_line": self.question_line,
            "supplied_by_question": self.supplied,
        }


@dataclass
class Hit:
    cue: Cue
    positions: list[int]


def _occurrences(stems: Sequence[str], phrase: tuple[str, ...], masked: set[int]) -> list[list[int]]:
    n = len(phrase)
    out = []
    for i in range(len(stems) - n + 1):
        if tuple(stems[i : i + n]) == phrase and not masked.intersection(range(i, i + n)):
            out.append(list(range(i, i + n)))
    return out


def find(cue: Cue, stems: Sequence[str], masked: set[int], max_span: int = MAX_SPAN) -> Hit | None:
    options = []
    for part in cue.parts:
        occ = [o for alt in part for o in _occurrences(stems, alt, masked)]
        if not occ:
            return None
        options.append(occ[:8])
    best = None
    for combo in itertools.product(*options):
        flat = sorted(p for o in combo for p in o)
        if len(set(flat)) < len(flat):
            continue
        span = flat[-1] - flat[0]
        if span <= max_span and (best is None or span < best[0]):
            best = (span, flat)
    return Hit(cue, best[1]) if best else None


def mask(fact: Fact, stems: Sequence[str]) -> set[int]:
    masked: set[int] = set()
    for ex in fact.exclusions:
        start = 0
        while True:
            hit = find(ex, stems[start:], set())
            if hit is None:
                break
            masked.update(p + start for p in hit.positions)
            start += hit.positions[-1] + 1
    return masked


def match_unit(fact: Fact, stems: Sequence[str], max_span: int = MAX_SPAN) -> Hit | None:
    masked = mask(fact, stems)
    for cue in fact.cues:
        hit = find(cue, stems, masked, max_span)
        if hit:
            return hit
    return None


def hint_in(fact: Fact, unit: Unit) -> Hit | None:
    masked = mask(fact, unit.stems)
    for cue in fact.hints:
        hit = find(cue, unit.stems, masked)
        if hit:
            return hit
    return None


def negated(words: Sequence[str], first: int) -> bool:
    return any(w in NEGATORS or w.endswith("n't") for w in words[max(0, first - 4) : first])


def excluded_note(fact: Fact, unit: Unit) -> list[str]:
    masked = mask(fact, unit.stems)
    if not masked:
        return []
    shown = " ".join(unit.words[i] for i in sorted(masked))
    return [f"other sense ignored (exclusion): '{shown}'"]


@dataclass
class Context:
    """What the suspect is answering: the interrogators' turns since the suspect last spoke."""

    block: list[Turn] = field(default_factory=list)
    recent_suspect: list[Turn] = field(default_factory=list)
    questions: list[tuple[Turn, Unit]] = field(default_factory=list)  # interrogators' recent questions

    def last_question(self) -> tuple[Turn, Unit] | None:
        """The last question put to the suspect since he last spoke (else the last sentence)."""
        for turn in reversed(self.block):
            for u in reversed(units(turn)):
                if u.question:
                    return turn, u
        for turn in reversed(self.block):
            us = units(turn)
            if us:
                return turn, us[-1]
        return None

    def questions_of_last_asker(self) -> list[tuple[Turn, Unit]]:
        """Every question in the last interrogator turn that asked one: the answer may reply to any."""
        for turn in reversed(self.block):
            qs = [(turn, u) for u in units(turn) if u.question]
            if qs:
                return qs
        return []
