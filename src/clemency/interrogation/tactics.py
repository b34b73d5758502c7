"""Interview features with line references: tactics, question types, "don't know", talk ratios.

Each marker is a named pattern with the reason it exists, so a reader can see why a line was
marked. Markers describe what was said; they do not judge whether a confession is true.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import Turn
from .text import fold
from .units import WH, Unit, answer_polarity, speech_text, units

TACTICS: dict[str, tuple[str, str]] = {
    "honesty_appeal": (
        r"\bbe ?honest\b|\bhonest(ly)?\b|\btell (us|me) the truth\b|\bthe truth\b|\btruthful",
        "appeals to honesty ('be honest', 'tell us the truth')",
    ),
    "evidence_claim": (
        r"\bwe (already |pretty much )?know\b|\bi already know\b|\bwe have the evidence\b|"
        r"\bwe'?ve got (the|enough|some)\b|\bshell casings\b|\bwe reviewed\b|\bwe'?ve seen\b|"
        r"\bwe know (that|what|you|he|she|there)\b",
        "claims of knowledge or evidence ('we already know', 'we have the evidence')",
    ),
    "leniency": (
        r"gonna help (you|ya)|better deal|go to bat for you|in your corner|on your side|"
        r"work in your favor|set you free|stand behind you|behind you a hundred|help you through",
        "suggestions of leniency or help in return for talking",
    ),
    "minimisation": (
        r"not your fault|he (made|makes) you do (it|that)\b|he was telling you to do it|"
        r"didn'?t do it on your own|"
        r"hard part'?s over|no matter what you did|the worst is over|make it easy on yourself|"
        r"it'?s ok(ay)?\b",
        "minimising the suspect's responsibility or the seriousness ('it's not your fault')",
    ),
    "threat": (
        r"gonna be problems|if you lie|hurting yourself|not be good for you|we'?ll find it|"
        r"lay some crap on you|look like you are the bad person|can'?t go to bat|can'?t believe you",
        "warnings of consequences for not talking or for lying",
    ),
    "rejection": (
        r"don'?t (start )?l(y|i)(e|ing)|stop lying|not true|that'?s not what i'?m|we don'?t believe|"
        r"not adding up|aren'?t adding up|(?<!n't )make (things|anything|stuff) up|making this hard|"
        r"you'?re lying|we'?re not idiots|i don'?t see that",
        "rejections of the suspect's account ('don't lie', 'that's not true')",
    ),
}
_COMPILED = {name: re.compile(p, re.I) for name, (p, _why) in TACTICS.items()}
DONT_KNOW = re.compile(
    r"\bi don'?t (know|remember|recall)\b|\bcan'?t remember\b|\bnot that i know of\b|"
    r"\ball i can remember\b|\bi'?m not sure\b|\bi can'?t think\b",
    re.I,
)
GUESS = re.compile(r"\bprobably\b|\bmaybe\b|\bi think\b|\bi guess\b|\bor somethin'?g?\b|\bsort of\b", re.I)
# Probing for an unnamed act ("what else did he do to her?"), as opposed to open invitations
# ("what happens next?") or follow-ups ("what did he do with the hair?").
PROBE = re.compile(
    r"\bwhat else\b|\bsomethin'?g? else\b"
    r"|\bwhat (did|does|do) \w+ (do|make you do) (to|ta) (her|him|them)\b"
    r"|\bwhat was it\b|\bmade you do\b|\bmake you do\b|\bwhat (else )?was done\b",
    re.I,
)
OPEN = re.compile(
    r"^\W*(ok,? |so,? |and,? |now,? )*(tell (us|me)|take (us|me) through|go ahead|describe|explain|"
    r"walk (us|me)|(and )?then what|what happens next|what happened( next)?|keep go)",
    re.I,
)
TAG = re.compile(
    r"(,\s*)?(right|correct|isn'?t (it|that)|wasn'?t (it|she|he)|didn'?t (he|you|she)|doesn'?t he|"
    r"don'?t you|is that (right|correct)|huh|yes)\?\s*$",
    re.I,
)
FORCED = re.compile(r"\bor\b(?! (anything|what|somethin|something|not|no)\b)", re.I)


@dataclass
class Marker:
    kind: str
    line: int
    page: int | None
    speaker: str
    quote: str
    why: str

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "line": self.line,
            "page": self.page,
            "speaker": self.speaker,
            "quote": self.quote,
            "why": self.why,
        }


def tactic_markers(turns: list[Turn]) -> list[Marker]:
    found: list[Marker] = []
    last_answer: Turn | None = None
    for n, turn in enumerate(turns):
        if turn.role == "suspect":
            last_answer = turn
            continue
        if turn.role != "interrogator":
            continue
        for u in units(turn):
            low = fold(u.text).lower()
            for name, pattern in _COMPILED.items():
                if pattern.search(low):
                    found.append(_marker(name, turn, u, TACTICS[name][1]))
        after_denial: list[Marker] = []
        if last_answer is not None and turns[n - 1] is last_answer and _is_denial(last_answer):
            after_denial = _after_denial(turn, last_answer, turns, n)
            found.extend(after_denial)
        if not any(m.kind == "repetition_after_denial" for m in after_denial):
            found.extend(_repeated(turn, turns, n))
    return found


def _repeated(turn: Turn, turns: list[Turn], n: int) -> list[Marker]:
    """A question asked again within the last few turns ("What else?" ... "What else?")."""
    earlier = [
        (t, u) for t in turns[max(0, n - 8) : n] if t.role == "interrogator" for u in units(t) if u.question
    ]
    for u in units(turn):
        if not u.question or not set(u.stems) - _STOP:
            continue
        for t, q in reversed(earlier):
            if _overlap(u, q) >= 0.75:
                why = f"asks again what was asked at line {t.line_at(q.start)} ('{q.text}')"
                return [_marker("repeated_question", turn, u, why)]
    return []


def _marker(kind: str, turn: Turn, u: Unit, why: str) -> Marker:
    return Marker(kind, turn.line_at(u.start), turn.page, turn.speaker, u.text, why)


def _is_denial(turn: Turn) -> bool:
    text = fold(speech_text(turn.text))
    return answer_polarity(turn) == "no" or bool(DONT_KNOW.search(text))


def _after_denial(turn: Turn, denial: Turn, turns: list[Turn], n: int) -> list[Marker]:
    out = []
    qs = [u for u in units(turn) if u.question]
    previous = _previous_question(turns, n - 1)
    for u in qs:
        if previous is not None and _overlap(u, previous) >= 0.5:
            why = (
                f"asks again ('{previous.text}') right after the suspect's "
                f"'{denial.text.strip()}' (line {denial.line})"
            )
            out.append(_marker("repetition_after_denial", turn, u, why))
            break
    low = fold(turn.text).lower()
    if re.search(r"\bcome on\b|\bbe honest\b|\bthe truth\b", low):
        why = f"pressure right after the suspect's denial or 'don't know' at line {denial.line}"
        out.append(Marker("rejection_of_denial", turn.line, turn.page, turn.speaker, turn.text[:160], why))
    return out


def _previous_question(turns: list[Turn], before: int) -> Unit | None:
    for turn in reversed(turns[max(0, before - 4) : before]):
        if turn.role == "interrogator":
            qs = [u for u in units(turn) if u.question]
            if qs:
                return qs[-1]
    return None


_STOP = {
    "you",
    "he",
    "she",
    "her",
    "him",
    "the",
    "a",
    "did",
    "do",
    "does",
    "was",
    "what",
    "to",
    "it",
    "and",
    "that",
    "of",
    "in",
    "is",
    "i",
    "we",
    "ta",
    "ok",
    "so",
}


def _overlap(a: Unit, b: Unit) -> float:
    sa, sb = set(a.stems) - _STOP, set(b.stems) - _STOP
    if not sa or not sb:
        return 1.0 if a.stems == b.stems else 0.0
    return len(sa & sb) / len(sa | sb)


def suspect_markers(turns: list[Turn]) -> list[Marker]:
    out = []
    for turn in turns:
        if turn.role != "suspect":
            continue
        for u in units(turn):
            if DONT_KNOW.search(fold(u.text)):
                out.append(_marker("dont_know", turn, u, "says he does not know or remember"))
            elif GUESS.search(fold(u.text)):
                out.append(_marker("guess", turn, u, "hedges or guesses ('probably', 'maybe', 'I think')"))
    return out


def question_type(u: Unit, leading: bool) -> str:
    """open_invitation, wh, yes_no, forced_choice, tag or leading (presupposes an unstated fact)."""
    if leading:
        return "leading"
    low = fold(u.text).lower()
    if OPEN.search(low):
        return "open_invitation"
    if TAG.search(low):
        return "tag"
    if FORCED.search(low) and u.question:
        return "forced_choice"
    if u.first_word in WH:
        return "wh"
    return "yes_no"


def talk_ratios(turns: list[Turn]) -> dict:
    words: Counter[str] = Counter()
    count: Counter[str] = Counter()
    roles: dict[str, str] = {}
    for t in turns:
        n = len(re.findall(r"\w+", fold(speech_text(t.text))))
        words[t.speaker] += n
        count[t.speaker] += 1
        roles[t.speaker] = t.role
    total = sum(words.values()) or 1
    by_role: dict[str, int] = defaultdict(int)
    for s, n in words.items():
        by_role[roles[s]] += n
    return {
        "speakers": [
            {
                "speaker": s,
                "role": roles[s],
                "turns": count[s],
                "words": n,
                "share": round(n / total, 3),
                "words_per_turn": round(n / count[s], 1),
            }
            for s, n in words.most_common()
        ],
        "roles": {r: {"words": n, "share": round(n / total, 3)} for r, n in sorted(by_role.items())},
    }
