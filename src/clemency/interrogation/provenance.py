"""Per fact: who said it first, how, what the suspect tried before, and the pressure between.

Flags (one primary flag per fact; the record lines behind it are always listed):
- INTERROGATOR_FIRST: an interrogator stated or presupposed the fact before the suspect stated
  or agreed to it.
- SUSPECT_FIRST: the suspect said it first, in his own words.
- SUSPECT_FIRST_AFTER_LEADING: the suspect said it first, but (a) the question he answered
  supplied part of it, (b) interrogators had used the fact's hint words before, or (c) the
  question came right after they rejected his previous answer.
- NEVER_STATED: the suspect never stated or agreed to it (interrogators may have).
- SUSPECT_CONTRADICTS_EVIDENCE: the suspect stated or agreed to a fact the facts file marks
  as not borne out by the evidence (true: false); the provenance flag is kept beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .facts import Fact
from .matcher import Mention, hint_in
from .model import Turn
from .tactics import DONT_KNOW, PROBE, Marker
from .text import fold
from .units import answer_polarity, speech_text, units


def cite(line: int, page: int | None) -> str:
    return f"line {line}, page {page}" if page is not None else f"line {line}"


PROBE_GAP = 2  # non-probing interrogator turns tolerated inside one probing episode
HINT_REACH = 40  # turns between two hints that still belong to one episode


@dataclass
class Attempt:
    lines: list[int]
    page: int | None
    quote: str
    answering: str
    answering_line: int

    def as_dict(self) -> dict:
        return {
            "lines": self.lines,
            "line": self.lines[0],
            "page": self.page,
            "quote": self.quote,
            "answering": self.answering,
            "answering_line": self.answering_line,
        }


@dataclass
class FactResult:
    fact: Fact
    flag: str
    provenance_flag: str
    first_mention: Mention | None
    suspect_first_statement: Mention | None
    suspect_adoption: Mention | None
    disclosure: Mention | None
    reasons: list[str]
    attempts: list[Attempt] = field(default_factory=list)
    pressure: list[Marker] = field(default_factory=list)
    probes: list[int] = field(default_factory=list)
    window: tuple[int, int] | None = None
    mentions: list[Mention] = field(default_factory=list)

    def cited_lines(self) -> list[int]:
        """Every input line the flag rests on, for a reader to check."""
        key = (self.first_mention, self.suspect_adoption, self.suspect_first_statement)
        found = {m.line for m in key if m}
        found |= {line for a in self.attempts for line in a.lines}
        found |= {p.line for p in self.pressure}
        return sorted(found)

    def as_dict(self) -> dict:
        f = self.fact
        return {
            "id": f.id,
            "statement": f.statement,
            "public": f.public,
            "public_since": f.public_since.isoformat() if f.public_since else None,
            "true": f.true,
            "flag": self.flag,
            "lines": self.cited_lines(),
            "provenance_flag": self.provenance_flag,
            "reasons": self.reasons,
            "first_mention": self.first_mention.as_dict() if self.first_mention else None,
            "suspect_first_statement": self.suspect_first_statement.as_dict()
            if self.suspect_first_statement
            else None,
            "suspect_first_adoption": self.suspect_adoption.as_dict() if self.suspect_adoption else None,
            "wrong_attempts": [a.as_dict() for a in self.attempts],
            "pressure": [p.as_dict() for p in self.pressure],
            "probing_questions": self.probes,
            "episode_lines": list(self.window) if self.window else None,
            "mentions": [m.as_dict() for m in self.mentions],
        }


def provenance(fact: Fact, turns: list[Turn], mentions: list[Mention], markers: list[Marker]) -> FactResult:
    asserting = [m for m in mentions if m.how != "denied"]
    first = asserting[0] if asserting else None
    by_interrogator = next((m for m in asserting if m.role == "interrogator"), None)
    adoption = next((m for m in asserting if m.role == "suspect"), None)
    own = next((m for m in mentions if m.role == "suspect" and m.how == "stated" and not m.echo), None)
    reasons: list[str] = []
    disclosure: Mention | None
    if adoption is None:
        flag, disclosure = "NEVER_STATED", by_interrogator
        reasons.append("the suspect never stated or agreed to it")
        if by_interrogator:
            reasons.append(f"an interrogator raised it at {cite(by_interrogator.line, by_interrogator.page)}")
    elif by_interrogator is not None and asserting.index(by_interrogator) < asserting.index(adoption):
        flag, disclosure = "INTERROGATOR_FIRST", by_interrogator
        where = cite(by_interrogator.line, by_interrogator.page)
        reasons.append(
            f"{by_interrogator.speaker} ({by_interrogator.how}) at {where}, "
            f"before the suspect's first {adoption.how} at line {adoption.line}"
        )
    else:
        disclosure = adoption
        leads = leading_reasons(fact, turns, adoption, markers)
        flag = "SUSPECT_FIRST_AFTER_LEADING" if leads else "SUSPECT_FIRST"
        reasons.append(f"the suspect said it first, at {cite(adoption.line, adoption.page)}")
        reasons.extend(leads)
    primary = flag
    if fact.true is False and adoption is not None:
        primary = "SUSPECT_CONTRADICTS_EVIDENCE"
        reasons.insert(
            0,
            f"the facts file marks this as not borne out by the evidence; the suspect "
            f"{adoption.how} it at line {adoption.line}",
        )
    result = FactResult(fact, primary, flag, first, own, adoption, disclosure, reasons, mentions=mentions)
    if disclosure is not None:
        _episode(result, fact, turns, disclosure, markers, mentions)
    return result


def leading_reasons(fact: Fact, turns: list[Turn], statement: Mention, markers: list[Marker]) -> list[str]:
    out = []
    if statement.supplied:
        out.append(
            f"(a) the question at line {statement.question_line} supplied "
            f"'{' '.join(statement.supplied)}', which the suspect had not said"
        )
    hinted = [
        t.line
        for t in turns[: statement.turn_index]
        if t.role == "interrogator" and any(hint_in(fact, u) for u in units(t))
    ]
    if hinted:
        shown = ", ".join(str(x) for x in hinted[-5:])
        out.append(f"(b) interrogators had used the fact's hint words before (lines {shown})")
    block_start = statement.turn_index
    while block_start > 0 and turns[block_start - 1].role != "suspect":
        block_start -= 1
    block_lines = {turns[i].line for i in range(block_start, statement.turn_index)}
    rejected = [
        m
        for m in markers
        if m.kind in ("rejection", "rejection_of_denial")
        and any(t.line <= m.line <= t.end_line for t in turns[block_start : statement.turn_index])
    ]
    if rejected and block_lines:
        out.append(
            f"(c) asked right after the interrogators rejected his account (line {rejected[0].line}: "
            f"'{rejected[0].quote[:80]}')"
        )
    return out


def _probing(turn: Turn, fact: Fact, markers_at: set[int]) -> bool:
    text = fold(speech_text(turn.text))
    return bool(PROBE.search(text)) or any(hint_in(fact, u) for u in units(turn)) or turn.line in markers_at


def _episode(
    result: FactResult,
    fact: Fact,
    turns: list[Turn],
    disclosure: Mention,
    markers: list[Marker],
    mentions: list[Mention],
) -> None:
    """The probing episode that ends at the disclosure: its questions, the suspect's wrong
    attempts in it, and the pressure applied."""
    end = disclosure.turn_index
    marker_lines = {m.line for m in markers}
    start, gap, i = end, 0, end - 1
    while i >= 0 and gap <= PROBE_GAP:
        t = turns[i]
        if t.role == "interrogator":
            if _probing(t, fact, marker_lines):
                start, gap = i, 0
            else:
                gap += 1
        i -= 1
    cursor = end
    for i in range(end - 1, -1, -1):
        t = turns[i]
        if t.role == "interrogator" and any(hint_in(fact, u) for u in units(t)):
            if cursor - i > HINT_REACH:
                break
            cursor = i
    start = min(start, cursor)
    result.window = (turns[start].line, disclosure.line)
    mention_turns = {m.turn_index for m in mentions}
    result.probes = [
        t.line
        for t in turns[start:end]
        if t.role == "interrogator" and PROBE.search(fold(speech_text(t.text)))
    ]
    result.attempts = _attempts(turns, start, end, mention_turns)
    lo, hi = turns[start].line, disclosure.line
    result.pressure = [m for m in markers if lo <= m.line <= hi]


def _attempts(turns: list[Turn], start: int, end: int, mention_turns: set[int]) -> list[Attempt]:
    attempts: list[Attempt] = []
    block: list[Turn] = []
    last_was_attempt = False
    for t in turns[start:end]:
        if t.role != "suspect":
            block.append(t)
            continue
        asked = " ".join(speech_text(b.text) for b in block)
        probe = bool(PROBE.search(fold(asked)))
        spoken = speech_text(t.text).strip()
        substantive = (
            spoken
            and answer_polarity(t) is None
            and not DONT_KNOW.search(fold(spoken))
            and not spoken.rstrip().endswith("?")
            and t.index not in mention_turns
        )
        follow_up = last_was_attempt and len(asked.split()) <= 5 and t.index not in mention_turns
        question = next(
            (u.text for b in reversed(block) for u in reversed(units(b)) if u.question), asked[:80]
        )
        q_line = block[-1].line if block else t.line
        if substantive and probe:
            attempts.append(Attempt([t.line], t.page, spoken, question, q_line))
        elif substantive and follow_up:
            attempts[-1].lines.append(t.line)
            attempts[-1].quote += " / " + spoken
        else:
            last_was_attempt = False
            block = []
            continue
        last_was_attempt = True
        block = []
    return attempts
