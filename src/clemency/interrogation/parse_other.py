"""Court-reporter Q./A. transcripts and WebVTT/SRT captions."""

from __future__ import annotations

import re

from .model import PageInfo, Transcript, Turn
from .parse import TranscriptError, gestures
from .text import fold

_QA = re.compile(r"^\s*(?:(\d{1,2})\s+)?(?P<tag>[QA])[.:]?\s+(?P<rest>\S.*)$")
_BY = re.compile(r"^\s*(?:\d{1,2}\s+)?(BY|EXAMINATION BY)\s+(?P<who>[A-Z][A-Z. ]+?):?\s*$")
_NAMED = re.compile(
    r"^\s*(?:\d{1,2}\s+)?(?P<who>(THE [A-Z]+|M[RS]S?\. [A-Z]+|[A-Z]{3,}(?: [A-Z]{3,})?)):\s*(?P<rest>.*)$"
)
_LINE_NO = re.compile(r"^\s*\d{1,2}\s+")
_PAGE = re.compile(r"^\s*(?:Page\s+)?(\d{1,4})\s*$", re.I)


def parse_qa(text: str) -> Transcript:
    """Q./A. format: Q lines are the examiner (from the last "BY MR. X:" line), A the witness.
    Leading line numbers (1-25) are dropped; a line holding only a number starts a new page."""
    lines = text.lstrip("\ufeff").splitlines()
    turns: list[Turn] = []
    pages: dict[int, PageInfo] = {}
    page: int | None = None
    examiner = "Q"
    for number, raw in enumerate(lines, 1):
        folded = fold(raw)
        page_match = _PAGE.match(folded)
        if page_match and not _QA.match(folded):
            page = int(page_match.group(1))
            pages.setdefault(page, PageInfo(page, number))
            continue
        by = _BY.match(folded)
        if by:
            examiner = by.group("who").strip()
            continue
        qa = _QA.match(folded)
        named = _NAMED.match(folded)
        if qa:
            tag = qa.group("tag")
            label = examiner if tag == "Q" else "A"
            words = raw[raw.find(qa.group("rest")[:8]) :].strip() or qa.group("rest")
            _add(turns, label, number, page, words, tag=tag)
        elif named:
            _add(turns, named.group("who"), number, page, named.group("rest"))
        elif turns and folded.strip():
            _continue(turns[-1], number, _LINE_NO.sub("", raw).strip())
    if not turns:
        raise TranscriptError("transcript: no Q./A. turns found")
    for t in turns:
        t.gestures = gestures(t)
        # The letters say who asks and who answers; the speaker step (speakers.py) gives the same
        # roles unless a speaker map says otherwise.
        t.speaker = t.label
        t.role = {"Q": "interrogator", "A": "suspect"}.get(t.tag or "", "other")
    warnings = [] if pages else ["no page numbers found: turns are cited by input line only"]
    return Transcript("qa", turns, pages, [], warnings, len(lines))


def _add(
    turns: list[Turn], label: str, line: int, page: int | None, text: str, tag: str | None = None
) -> None:
    turns.append(
        Turn(
            index=len(turns),
            label=label,
            line=line,
            end_line=line,
            page=page,
            text=text,
            line_map=[(0, line)],
            tag=tag,
        )
    )


def _continue(turn: Turn, line: int, words: str) -> None:
    if not words:
        return
    turn.line_map.append((len(turn.text) + 1, line))
    turn.text = f"{turn.text} {words}"
    turn.end_line = line


_CUE_TIME = re.compile(r"^(?P<start>\d{1,2}:?\d{2}:\d{2}[.,]\d{3}|\d{2}:\d{2}[.,]\d{3})\s*-->")
_VOICE = re.compile(r"^<v(?:\.[\w.]+)?\s+(?P<who>[^>]+)>(?P<rest>.*?)(?:</v>)?$")
# One capital letter is a label too ("Q: ...", "A: ..." in captions).
_COLON = re.compile(r"^(?P<who>[A-Z][A-Za-z .'-]{0,30}):\s*(?P<rest>.*)$")


def parse_captions(text: str, fmt: str) -> Transcript:
    """WebVTT or SRT: each cue's text lines; speakers from <v Name> tags or "NAME:" prefixes.
    Captions have no pages; the cue start time is kept on each turn."""
    lines = text.lstrip("\ufeff").splitlines()
    turns: list[Turn] = []
    start: str | None = None
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        timing = _CUE_TIME.match(stripped)
        if timing:
            start = timing.group("start").replace(",", ".")
            continue
        if start is None or not stripped or stripped.isdigit() or stripped.upper().startswith("NOTE"):
            if not stripped:
                start = None if fmt == "srt" else start
            continue
        voice = _VOICE.match(stripped) or _COLON.match(stripped)
        if voice:
            _add(
                turns,
                voice.group("who").strip(),
                number,
                None,
                re.sub(r"<[^>]+>", "", voice.group("rest")).strip(),
            )
            turns[-1].time = start
        elif turns:
            _continue(turns[-1], number, re.sub(r"<[^>]+>", "", stripped))
    if not turns:
        raise TranscriptError(f"transcript: no {fmt} cues with speakers found")
    if not any(re.search(r"\w", t.text) for t in turns):
        raise TranscriptError(f"transcript: {len(turns)} {fmt} cues with speakers but no words in them")
    for t in turns:
        t.gestures = gestures(t)
    note = "captions have no page numbers: turns are cited by input line and cue time"
    return Transcript(fmt, turns, {}, [], [note], len(lines))
