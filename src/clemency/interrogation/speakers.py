"""Who is speaking: cluster OCR spellings of speaker labels, then give each person a role.

Without a map the tool proposes one. Spellings are grouped by their letters (upper-cased,
non-letters dropped) and edit distance; roles come from the transcript's own header
("Interview of:", "Reporting Officers:"), from the name in nod/shake notes, and from who asks
the questions. Every decision carries its reason so a reader can check it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import yaml

from .model import ROLES, Turn
from .safe_yaml import YAMLLimitError, describe_yaml_error, load_yaml, quoted
from .text import fold, levenshtein

_QUALIFIERS = re.compile(r"\b(ON THE PHONE|\(.*\))", re.I)


class SpeakerMapError(ValueError):
    pass


def label_key(label: str) -> str:
    """The letters of a label, upper-cased: "FASSBENDËR" -> "FASSBENDER"."""
    label = _QUALIFIERS.sub("", fold(label))
    return re.sub(r"[^A-Z]", "", label.upper())


@dataclass
class Person:
    name: str
    role: str
    spellings: list[str] = field(default_factory=list)
    turns: int = 0
    reason: str = ""

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "role": self.role,
            "spellings": sorted(self.spellings),
            "turns": self.turns,
            "reason": self.reason,
        }


# Labels this short ("Q", "A", "AL", "JO") are whole names or roles, not misspellings: one edit
# turns one person into another, so they match only exactly.
EXACT_ONLY = 2
# A short name one edit from a frequent one ("TIM" beside "TOM") is merged only when it is rare
# beside it (an OCR slip), not when it speaks as often (a second person).
SHORT = 4
SLIP_SHARE = 0.2


def _close(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if min(len(a), len(b)) <= EXACT_ONLY:
        return a == b
    if len(a) >= 4 and len(b) >= 4 and (a.endswith(b) or b.endswith(a)) and min(len(a), len(b)) >= 5:
        return True
    limit = max(1, round(0.3 * max(len(a), len(b))))
    return levenshtein(a, b) <= limit


def _slip_of(key: str, n: int, head: str, head_n: int) -> bool:
    """`key` (said `n` times) is a spelling of `head` (said `head_n` times)."""
    if not _close(key, head):
        return False
    return min(len(key), len(head)) > SHORT or key == head or n <= SLIP_SHARE * head_n


def cluster_keys(counts: Counter[str]) -> dict[str, str]:
    """Map every label key to the most frequent close key (its canonical spelling)."""
    canon: dict[str, str] = {}
    heads: list[str] = []
    for key, n in counts.most_common():
        if not key:
            continue
        if "/" in key:
            continue
        match = next((h for h in heads if _slip_of(key, n, h, counts[h])), None)
        if match is None:
            heads.append(key)
            canon[key] = key
        else:
            canon[key] = match
    return canon


def nearest(key: str, heads: list[str], relaxed: bool = False) -> str | None:
    """The canonical key closest to `key`; relaxed allows garbled labels (half the letters)."""
    best, best_d = None, 99
    for head in heads:
        if _close(key, head):
            return head
        d = levenshtein(key, head)
        if d < best_d:
            best, best_d = head, d
    short = len(key) <= EXACT_ONLY or (best is not None and len(best) <= EXACT_ONLY)
    if relaxed and best is not None and not short and best_d <= max(2, len(best) // 2) and len(key) >= 4:
        return best
    return None


def garbled(label: str) -> bool:
    """A label with OCR noise in it (symbols, other scripts) rather than a misspelt name."""
    dropped = any(ord(c) > 127 and not fold(c) for c in label)
    return dropped or bool(re.search(r"[^A-Za-z .'\-/()’]", fold(label).strip()))


def load_speaker_map(text: str) -> list[Person]:
    """Read a speaker map: `speakers: [{name, role, spellings: [...]}]`."""
    try:
        data = load_yaml(text)
    except YAMLLimitError as exc:
        raise SpeakerMapError(f"speakers: {exc}") from None
    except yaml.YAMLError as exc:
        raise SpeakerMapError(f"speakers: not valid YAML ({describe_yaml_error(exc)})") from None
    items = data.get("speakers") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise SpeakerMapError("speakers: expected a non-empty list of {name, role, spellings}")
    people = []
    for n, item in enumerate(items):
        where = f"speakers[{n}]"
        if not isinstance(item, dict):
            raise SpeakerMapError(f"{where}: expected a mapping")
        name, role, spellings = item.get("name"), item.get("role"), item.get("spellings", [])
        if not isinstance(name, str) or not name.strip():
            raise SpeakerMapError(f"{where}.name: required text")
        if role not in ROLES:
            raise SpeakerMapError(f"{where}.role: must be one of {', '.join(ROLES)}, got {quoted(role)}")
        if not isinstance(spellings, list) or not all(isinstance(s, str) for s in spellings):
            raise SpeakerMapError(f"{where}.spellings: expected a list of labels")
        people.append(Person(name=name.strip(), role=role, spellings=list(spellings) or [name]))
    return people


def _header_names(preamble: list[str], pattern: str, follow: bool = False) -> list[str]:
    names: list[str] = []
    for i, line in enumerate(preamble):
        if re.search(pattern, line, re.I):
            rest = re.split(pattern, line, flags=re.I)[-1]
            block = [rest]
            for nxt in preamble[i + 1 : i + 3] if follow else []:
                if ":" in nxt:
                    break
                block.append(nxt)
            for part in block:
                words = re.findall(r"[A-Za-z]{3,}", fold(part))
                names.extend(w.upper() for w in words)
    return names


def _gesture_names(turns: list[Turn]) -> Counter[str]:
    named: Counter[str] = Counter()
    for turn in turns:
        for g in turn.gestures:
            if g.actor:
                named[label_key(g.actor)] += 1
    return named


def _person_for(key: str, names: list[str]) -> bool:
    if len(key) <= EXACT_ONLY:  # "A" is not every name that starts with A
        return any(label_key(n) == key for n in names if n)
    return any(_close(key, label_key(n)) or label_key(n).startswith(key[:5]) for n in names if n)


def propose(turns: list[Turn], preamble: list[str]) -> list[Person]:
    """Propose people and roles from the labels themselves."""
    single = [t for t in turns if "/" not in t.label and label_key(t.label) and not garbled(t.label)]
    counts = Counter(label_key(t.label) for t in single)
    canon = cluster_keys(counts)
    groups: dict[str, Counter[str]] = {}
    turn_count: Counter[str] = Counter()
    questions: Counter[str] = Counter()
    tags: dict[str, Counter[str]] = {}
    for t in single:
        head = canon[label_key(t.label)]
        groups.setdefault(head, Counter())[t.label.strip()] += 1
        turn_count[head] += 1
        questions[head] += "?" in t.text
        tags.setdefault(head, Counter())[t.tag or ""] += 1
    suspects_named = _header_names(preamble, r"interview of\s*:")
    officers = _header_names(preamble, r"(reporting )?officers?\s*:|interviewers?\s*:", follow=True)
    gesture = _gesture_names(turns)
    people = []
    for head, spellings in groups.items():
        qa = _question_and_answer(head, tags[head], turn_count, questions)
        role, reason = qa or _infer_role(head, turn_count, questions, suspects_named, officers, gesture)
        shown = _QUALIFIERS.sub("", fold(spellings.most_common(1)[0][0])).strip().upper()
        people.append(Person(shown, role, sorted(spellings), turn_count[head], reason))
    if not any(t.tag for t in single):  # a Q./A. record says who answers; nobody else is made the suspect
        _ensure_one_suspect(people, turn_count, questions)
    return people


def _question_and_answer(
    head: str, tags: Counter[str], turn_count: Counter[str], questions: Counter[str]
) -> tuple[str, str] | None:
    """Q. and A. name the questioner and the answerer (court reporter's lines, or caption voices
    labelled Q and A). The share of questions each asked is given so a reader can check it."""
    n = turn_count[head]
    asked = f"{questions[head]} of {n} turns are questions"
    if tags.get("Q", 0) * 2 > n or (head == "Q" and not tags.get("A")):
        return "interrogator", f"speaks on the Q. (question) lines, so the questioner; {asked}"
    if tags.get("A", 0) * 2 > n or (head == "A" and not tags.get("Q")):
        return "suspect", f"speaks on the A. (answer) lines, so the one being questioned; {asked}"
    return None


def _infer_role(
    head: str,
    turn_count: Counter[str],
    questions: Counter[str],
    suspects_named: list[str],
    officers: list[str],
    gesture: Counter[str],
) -> tuple[str, str]:
    total = sum(turn_count.values()) or 1
    n = turn_count[head]
    q_share = questions[head] / n if n else 0.0
    if suspects_named and _person_for(head, suspects_named):
        return "suspect", "named after 'Interview of:' in the transcript header"
    if officers and _person_for(head, officers):
        return "interrogator", "named among the reporting officers in the transcript header"
    if not suspects_named and gesture and head == max(gesture, key=lambda k: gesture[k]):
        return "suspect", "the person whose nods and head shakes the transcriber notes"
    if n / total >= 0.08 and q_share >= 0.3:
        return "interrogator", f"{n} turns, {q_share:.0%} of them questions"
    return "other", f"{n} turns; not named in the header and asks or answers too little to be a party"


def _ensure_one_suspect(people: list[Person], turn_count: Counter[str], questions: Counter[str]) -> None:
    """Without a named suspect, the frequent speaker who asks fewest questions answers them."""
    if any(p.role == "suspect" for p in people):
        return
    frequent = [p for p in people if p.turns >= 0.1 * sum(turn_count.values())]
    # Prefer someone not already seen asking; with one speaker only, make nobody the suspect
    # (resolve() warns that no suspect was found).
    candidates = [p for p in frequent if p.role != "interrogator"] or (frequent if len(people) > 1 else [])
    if not candidates:
        return
    answerer = min(candidates, key=lambda p: questions[label_key(p.name)] / max(p.turns, 1))
    answerer.role = "suspect"
    answerer.reason = "the frequent speaker who asks the fewest questions (the one being questioned)"


def apply(turns: list[Turn], people: list[Person]) -> list[str]:
    """Set speaker and role on every turn; return warnings for labels matched only loosely."""
    warnings: list[str] = []
    by_key: dict[str, Person] = {}
    for p in people:
        for s in p.spellings + [p.name]:
            by_key[label_key(s)] = p
    heads = list(by_key)
    for t in turns:
        key = label_key(t.label)
        if "/" in t.label:
            parts = [nearest(label_key(x), heads) for x in t.label.split("/")]
            found = [by_key[x] for x in parts if x]
            if found and all(p.role == found[0].role for p in found):
                t.speaker = "/".join(p.name for p in found)
                t.role = found[0].role
                continue
        person = by_key.get(key)
        if person is not None and t.label.strip() not in person.spellings and not garbled(t.label):
            person.spellings.append(t.label.strip())
        if person is None:
            head = nearest(key, heads) or nearest(key, heads, relaxed=True)
            person = by_key.get(head) if head else None
            if person is not None:
                person.spellings.append(t.label.strip())
                by_key[key] = person
                warnings.append(f"line {t.line}: label {t.label!r} read as {person.name}")
        if person is None and garbled(t.label):
            t.label = "(" + t.label.strip() + ")"  # resolved from context by resolve()
            continue
        if person is None:
            t.speaker, t.role = t.label.strip() or "UNLABELLED", "other"
            warnings.append(
                f"line {t.line}: label {t.label!r} matches nobody in the speaker map; read as other"
            )
        else:
            t.speaker, t.role = person.name, person.role
    return warnings


def resolve(
    turns: list[Turn], preamble: list[str], speaker_map: list[Person] | None
) -> tuple[list[Person], list[str]]:
    """Give every turn its person and role, from the map if given, else from a proposal."""
    people = (
        speaker_map
        if speaker_map is not None
        else propose([t for t in turns if not t.label.startswith("(")], preamble)
    )
    warnings = apply([t for t in turns if not t.label.startswith("(")], people)
    suspect = next((p.name for p in people if p.role == "suspect"), "SUSPECT")
    for n, t in enumerate(turns):
        if t.label.startswith("("):
            _from_context(turns, n, suspect)
            warnings.append(
                f"line {t.line}: speaker label {t.label} unreadable; read as {t.speaker} ({t.role})"
            )
    counts = Counter(t.speaker for t in turns)
    for p in people:
        p.turns = counts.get(p.name, 0)
    return people, warnings + role_warnings(turns)


def role_warnings(turns: list[Turn]) -> list[str]:
    """Say plainly when the roles cannot support a comparison of who said a fact first."""
    speakers = {t.speaker for t in turns}
    by_role: dict[str, list[Turn]] = {}
    for t in turns:
        by_role.setdefault(t.role, []).append(t)
    out = []
    if len(speakers) == 1:
        only = next(iter(speakers))
        out.append(
            f"only one speaker ({only}, {turns[0].role}) in the transcript: who said a fact first "
            "cannot be compared between questioner and suspect"
        )
    if "suspect" not in by_role:
        out.append(
            "no speaker was identified as the suspect, so every fact reads NEVER_STATED; "
            "give a speaker map naming the suspect"
        )
    if "interrogator" not in by_role:
        out.append("no speaker was identified as an interrogator; give a speaker map if one took part")

    def asks(role: str) -> float:
        said = by_role.get(role, [])
        return sum("?" in t.text for t in said) / len(said) if said else 0.0

    if "suspect" in by_role and "interrogator" in by_role and asks("suspect") > asks("interrogator"):
        out.append(
            f"the suspect asks more of the questions ({asks('suspect'):.0%} of turns) than the "
            f"interrogators ({asks('interrogator'):.0%}); check the roles (give a speaker map)"
        )
    return out


def _from_context(turns: list[Turn], n: int, suspect: str) -> None:
    """An unreadable label: in an interview, turns alternate between the parties."""
    t = turns[n]
    before = turns[n - 1] if n else None
    after = next((x for x in turns[n + 1 :] if not x.label.startswith("(")), None)
    if before is not None and before.role == "suspect":
        t.speaker, t.role = "UNKNOWN INTERROGATOR", "interrogator"
    elif before is not None and after is not None and before.speaker == after.speaker:
        t.speaker, t.role = suspect, "suspect"
    else:
        t.speaker, t.role = "UNKNOWN", "other"
    t.notes.append("speaker inferred from the turns before and after (label unreadable)")
