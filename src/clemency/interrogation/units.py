"""Speech units: the sentences a speaker said, without the transcriber's notes, with positions.

The transcriber's parentheses ("(Brendan shakes head "no")", "(pause)") describe what people
did; they are not speech. They are blanked out before matching (keeping character positions, so
every unit still points at its input line) and read separately as nods and head shakes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .model import Turn
from .parse import GESTURE
from .text import fold, stem

_PAREN = re.compile(r"\([^()]*\)")
_UNIT = re.compile(r"[^.?!]+[.?!]*")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_AUX = {
    "did",
    "do",
    "does",
    "is",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "can",
    "could",
    "would",
    "will",
    "should",
    "shall",
    "may",
    "might",
    "didn't",
    "don't",
    "doesn't",
    "isn't",
    "wasn't",
    "weren't",
    "haven't",
    "hasn't",
    "can't",
    "couldn't",
    "wouldn't",
    "won't",
    "am",
}
WH = {
    "what",
    "who",
    "whose",
    "whom",
    "where",
    "when",
    "why",
    "how",
    "which",
    "what's",
    "who's",
    "where's",
    "what'd",
    "where'd",
    "how'd",
    "who'd",
    "wha",
    "wh",
}
_EMBEDDED_WH = re.compile(
    r"\b(do|did|does) you (know|remember|recall)|can you (tell|say)|could you (tell|say)"
    r"(?=.*\b(what|who|where|when|why|how|which)\b)"
)
_ANAPHORS = {"those", "these", "them", "'em", "em", "that", "this", "it"}
_LEAD_IN = {
    "ok",
    "okay",
    "so",
    "and",
    "well",
    "now",
    "um",
    "ah",
    "but",
    "then",
    "alright",
    "all",
    "right",
    "brendan",
    "bud",
    "oh",
    "yeah",
    "no",
    "i",
    "mean",
    "again",
    "uh",
    "er",
    "like",
}


@dataclass(frozen=True)
class Unit:
    text: str  # the sentence as printed
    start: int  # character offset in the turn text
    words: tuple[str, ...]  # lower-case tokens (folded)
    stems: tuple[str, ...]
    question: bool

    @property
    def first_word(self) -> str:
        # A question word among the first few ("Brendan, what else?", "OK so did he ...")
        for w in self.words[:4]:
            if w in WH or w in _AUX:
                return w
        for w in self.words:
            if w not in _LEAD_IN:
                return w
        return self.words[0] if self.words else ""

    @property
    def embedded_wh(self) -> bool:
        """ "Do you know what happened to ...?", "Can you tell me where ...": a wh-question inside."""
        text = " ".join(self.words[:8])
        return bool(_EMBEDDED_WH.search(text))

    @property
    def is_wh(self) -> bool:
        return self.question and (self.first_word in WH or self.embedded_wh)

    @property
    def is_yes_no(self) -> bool:
        return self.question and self.first_word in _AUX and not self.embedded_wh

    @property
    def points_back(self) -> bool:
        """Refers to what was just said ("those items", "them"): read with the whole turn."""
        return any(w in _ANAPHORS for w in self.words)


def speech_text(text: str) -> str:
    """Turn text with the transcriber's notes blanked out (same length, so offsets hold)."""
    blanked = GESTURE.sub(lambda m: " " * len(m.group(0)), text)
    return _PAREN.sub(lambda m: " " * len(m.group(0)), blanked)


def units(turn: Turn) -> list[Unit]:
    return list(units_of(turn.text))


@functools.lru_cache(maxsize=65536)
def units_of(text: str) -> tuple[Unit, ...]:
    spoken = speech_text(text)
    found = []
    for m in _UNIT.finditer(spoken):
        raw = m.group(0)
        words = _WORD.findall(fold(raw).lower())
        if not words:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        found.append(
            Unit(raw.strip(), start, tuple(words), tuple(stem(w) for w in words), raw.rstrip().endswith("?"))
        )
    return tuple(found)


YES = re.compile(
    r"^\W*(yeah|yes|yep|yup|yeh|uh huh|uhhuh|mm huh|mm hum|mm hm|mmm hum|mh huh|um huh|mm-huh|mb huh|"
    r"right|correct|sure)\b",
    re.I,
)
# "mb uh", "mh uh", "minuh": OCR spellings of "mm-uh" (no).
NO = re.compile(r"^\W*(no|nope|uh uh|uhuh|mm uh|mb uh|mh uh|minuh|n-no|nah|naw|not really)\b", re.I)


def answer_polarity(turn: Turn) -> str | None:
    """'yes' or 'no' for a short answer (words or a nod/shake the transcriber noted); else None."""
    own = [g for g in turn.gestures if g.actor is None]
    spoken = fold(speech_text(turn.text)).strip()
    if own and len(spoken.split()) <= 3:
        return own[0].answer
    if len(spoken.split()) > 4:
        return None
    if NO.match(spoken):
        return "no"
    if YES.match(spoken):
        return "yes"
    if own:
        return own[0].answer
    return None
