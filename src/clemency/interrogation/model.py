"""The parsed transcript: turns with their place in the record (line, page, Bates stamp)."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("interrogator", "suspect", "other")


@dataclass
class Gesture:
    """A transcriber's note of a nod or a head shake, e.g. `(Brendan nods "yes")`."""

    actor: str | None  # the name written in the note; None means the turn's own speaker
    answer: str  # "yes" (nod) or "no" (shake)
    line: int
    offset: int  # position in the turn text, to find the question it answers
    note: str


@dataclass
class Turn:
    index: int
    label: str  # the speaker label as printed (OCR spelling kept)
    line: int  # 1-based input line where the turn starts
    end_line: int
    page: int | None
    text: str  # the words as printed, lines joined
    speaker: str = ""  # the person, after the speaker map
    role: str = "other"
    bates: str | None = None
    time: str | None = None  # WebVTT/SRT cue start
    tag: str | None = None  # "Q" or "A": a court reporter's question or answer line
    gestures: list[Gesture] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the parser read this turn, when unusual
    line_map: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, input line)

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, number in self.line_map:
            if start <= offset:
                line = number
        return line


@dataclass
class PageInfo:
    number: int
    first_line: int
    stamp: str | None = None  # Bates stamp as printed (folded to Latin letters)
    bates: str | None = None  # best reading: the stamp, or inferred from the stamp/page offset


@dataclass
class Transcript:
    format: str
    turns: list[Turn]
    pages: dict[int, PageInfo]
    preamble: list[str]
    warnings: list[str]
    line_count: int

    def page_of_line(self, line: int) -> int | None:
        found = None
        for info in sorted(self.pages.values(), key=lambda p: p.first_line):
            if info.first_line <= line:
                found = info.number
        return found
