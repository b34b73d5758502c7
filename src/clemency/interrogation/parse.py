"""Parse a transcript into turns, keeping every turn's input line, page and Bates stamp.

Formats: police "NAME: text" (OCR'd, with page furniture mid-dialogue), court-reporter Q./A.,
and WebVTT/SRT captions. `parse()` detects the format.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import layout
from .model import Gesture, PageInfo, Transcript, Turn
from .speakers import cluster_keys, label_key
from .text import fold

_LABEL = re.compile(r"^\s*(?P<label>[^\s:;][^:;(]{0,38}?(?:\s*\([^)]*\))?)\s*[:;]\s?(?P<rest>.*)$")
_LOOSE_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ]{2,24}?)\s*(?P<sep>[.?\"]|\s)\s*(?P<rest>.*)$")
GESTURE = re.compile(
    r"\((?:(?P<actor>[A-Z][a-z]+)\s+)?(?P<verb>nods|nod|shakes|shake)(?:\s+(?:his\s+)?head)?"
    r"\s*\"?\s*(?P<word>yes|no)?\"?\s*\)?",
    re.I,
)


class TranscriptError(ValueError):
    pass


def _label_ok(label: str) -> bool:
    bare = re.sub(r"\(.*", "", fold(label)).strip()
    letters = re.findall(r"[A-Za-z]", bare)
    if len(letters) < 3 or len(bare.split()) > 4:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper >= 0.6 or "voice" in bare.lower()


@dataclass
class _Line:
    number: int
    raw: str
    kind: str  # label, text, stage
    label: str = ""
    rest: str = ""


@dataclass
class _Draft:
    label: str
    line: int
    parts: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def detect_format(text: str) -> str:
    head = fold(text.lstrip("\ufeff"))[:2000]
    if head.lstrip().upper().startswith("WEBVTT"):
        return "webvtt"
    if re.search(r"^\d+\s*\n\d\d:\d\d:\d\d[,.]\d{3}\s*-->", head, re.M):
        return "srt"
    lines = [x for x in fold(text).splitlines() if x.strip()]
    qa = sum(1 for x in lines if re.match(r"^\s*(\d{1,2}\s+)?[QA][.:]?\s+\S", x))
    return "qa" if lines and qa / len(lines) >= 0.3 else "police"


def parse(text: str) -> Transcript:
    if not text.strip():
        raise TranscriptError("transcript: the file is empty")
    fmt = detect_format(text)
    if fmt in ("webvtt", "srt"):
        from .parse_other import parse_captions

        return parse_captions(text, fmt)
    if fmt == "qa":
        from .parse_other import parse_qa

        return _spoken(parse_qa(text))
    return _spoken(parse_police(text))


def _spoken(transcript: Transcript) -> Transcript:
    """Labels with no words after any of them leave nothing to analyse: say so."""
    if not any(re.search(r"\w", t.text) for t in transcript.turns):
        raise TranscriptError(
            f"transcript: {len(transcript.turns)} speaker labels found but no words after any of them"
        )
    return transcript


# A label of one or two capitals ("Q:", "AL:") counts once the file uses it as one a few times;
# a single "CC:" at the foot of a letter does not.
_SHORT_LABEL = re.compile(r"^\s*(?P<label>[A-Z]{1,2})\s*[:;]\s+\S")
SHORT_LABEL_MIN = 3


def _known_labels(lines: list[str]) -> dict[str, str]:
    counts: Counter[str] = Counter()
    short: Counter[str] = Counter()
    for raw in lines:
        m = _LABEL.match(fold(raw))
        if m and _label_ok(m.group("label")):
            counts[label_key(m.group("label"))] += 1
        s = _SHORT_LABEL.match(fold(raw))
        if s:
            short[s.group("label")] += 1
    frequent = Counter({k: n for k, n in counts.items() if n >= 2 and len(k) >= 3})
    frequent.update({k: n for k, n in short.items() if n >= SHORT_LABEL_MIN})
    return cluster_keys(frequent)


def _short_label(label: str, known: dict[str, str]) -> bool:
    bare = fold(label).strip()
    return bool(re.fullmatch(r"[A-Z]{1,2}", bare)) and bare in known


def _loose_label(raw: str, known: dict[str, str]) -> tuple[str, str] | None:
    """A label printed without a colon ("BARB JANDA Did he...", "BRENDAN. all right")."""
    words = raw.split()
    taken: list[str] = []
    for word in words[:3]:
        letters = re.findall(r"[A-Za-z]", fold(word))
        if len(letters) < 2 or sum(c.isupper() for c in letters) / len(letters) < 0.6:
            break
        taken.append(word)
        if re.search(r"[.?\"”]$", word):
            break
    if not taken or len(re.findall(r"[A-Za-z]", fold(taken[0]))) < 3:
        return None
    key = label_key(" ".join(taken))
    if key in known or (len(key) >= 5 and any(k.endswith(key) for k in known)):
        label = " ".join(taken).rstrip('.?"”')
        return label, raw.strip()[len(" ".join(taken)) :].strip()
    return None


def _classify(raw: str, number: int, known: dict[str, str]) -> _Line | None:
    """None for page furniture; otherwise a label line, a stage direction or a text line."""
    if layout.is_artifact(raw):
        return None
    m = _LABEL.match(fold(raw))
    if m and (_label_ok(m.group("label")) or _short_label(m.group("label"), known)):
        cut = min(i for i in (raw.find(":"), raw.find(";")) if i >= 0)
        return _Line(number, raw, "label", raw[:cut].strip(), raw[cut + 1 :].strip())
    loose = _loose_label(raw, known)
    if loose:
        return _Line(number, raw, "label", loose[0], loose[1])
    if layout.is_stage(raw):
        return _Line(number, raw, "stage", rest=raw.strip())
    return _Line(number, raw, "text", rest=raw.strip())


def _pages(lines: list[str]) -> tuple[dict[int, int], dict[int, PageInfo], list[str]]:
    """Page of every input line (1-based), from running headers and "Page N" lines."""
    page_of: dict[int, int] = {}
    pages: dict[int, PageInfo] = {}
    warnings: list[str] = []
    current: int | None = None
    last_header = -99
    for i, raw in enumerate(lines, 1):
        header = layout.is_page_header(raw) or (current is None and layout.PAGE_RE.search(fold(raw)))
        # A printed page holds more than a few lines; a second "header" that close is the
        # cover block's own address line, not a new page.
        if header and i - last_header > 6:
            last_header = i
            window = lines[i - 1 : i + 3]
            printed = layout.page_number(window)
            expected = current + 1 if current is not None else None
            if printed is not None and (expected is None or printed >= expected):
                if expected is not None and printed != expected:
                    warnings.append(f"line {i}: page jumps from {current} to {printed}")
                current = printed
            elif expected is not None:
                current = expected
            if current is not None and current not in pages:
                pages[current] = PageInfo(current, i)
        if current is not None:
            page_of[i] = current
        stamp = layout.bates_stamp(raw)
        if stamp and current is not None:
            pages[current].stamp = stamp[0]
    _infer_bates(pages, warnings)
    return page_of, pages, warnings


def _infer_bates(pages: dict[int, PageInfo], warnings: list[str]) -> None:
    """Stamps run in step with pages; where OCR garbled or lost one, infer it from that step."""
    steps: Counter[tuple[str, int, int]] = Counter()
    for info in pages.values():
        m = re.match(r"^([A-Za-z$]+?)[-_ ]?(\d{3,8})$", info.stamp or "")
        if m:
            steps[(m.group(1).upper(), len(m.group(2)), int(m.group(2)) - info.number)] += 1
    if not steps or steps.most_common(1)[0][1] < 2:
        for info in pages.values():
            info.bates = info.stamp
        return
    (prefix, width, offset), _n = steps.most_common(1)[0]
    for info in pages.values():
        inferred = f"{prefix}{info.number + offset:0{width}d}"
        info.bates = inferred
        if info.stamp and info.stamp.upper() != inferred:
            warnings.append(f"page {info.number}: Bates stamp printed as {info.stamp!r}, read as {inferred}")


def parse_police(text: str) -> Transcript:
    lines = text.lstrip("\ufeff").splitlines()
    page_of, pages, warnings = _pages(lines)
    known = _known_labels(lines)
    classified: list[_Line] = []
    preamble: list[str] = []
    started = ended = False
    for number, raw in enumerate(lines, 1):
        item = _classify(raw, number, known)
        if item is None:
            continue
        if not started and (item.kind != "label" or layout.START_MARKERS.match(fold(raw).strip())):
            preamble.append(raw.strip())
            continue
        if layout.END_MARKERS.match(fold(raw).strip()):
            ended = True
        if ended:
            continue
        started = True
        classified.append(item)
    drafts = _assemble(classified, known)
    turns = _finish(drafts, page_of, pages)
    if not turns:
        raise TranscriptError("transcript: no speaker turns found (expected lines such as 'NAME: text')")
    if not pages:
        warnings.append("no page numbers found: turns are cited by input line only")
    return Transcript("police", turns, pages, preamble, warnings, len(lines))


def _assemble(items: list[_Line], known: dict[str, str]) -> list[_Draft]:
    """Group lines into turns, including label columns the OCR printed apart from their text."""
    drafts: list[_Draft] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind == "label" and not item.rest:
            i = _label_block(items, i, drafts)
            continue
        lost = _LOST_LABEL.match(item.raw) if item.kind == "text" else None
        if item.kind == "label":
            drafts.append(_Draft(item.label, item.number, [(item.number, item.rest)]))
        elif lost and drafts and re.search(r"[.?!]\W*$", drafts[-1].parts[-1][1] if drafts[-1].parts else ""):
            note = "speaker label lost to OCR noise; speaker inferred from the turns around it"
            drafts.append(_Draft(LOST, item.number, [(item.number, lost.group("rest"))], [note]))
        elif drafts:
            drafts[-1].parts.append((item.number, item.rest))
        i += 1
    return _split_merged(drafts, known)


LOST = "(label lost)"
# A line that starts with OCR noise where a label was ("\\, OK, where do you go...").
_LOST_LABEL = re.compile(r"^(?P<junk>[^A-Za-z0-9(\"“‘\s-][^A-Za-z0-9]*\s*,?\s*)(?P<rest>[A-Z].*)$")


def _label_block(items: list[_Line], i: int, drafts: list[_Draft]) -> int:
    """Labels printed in a column, their words after them: zip them back together in order."""
    labels: list[_Line] = []
    tails: dict[int, str] = {}
    j = i
    while j < len(items):
        it = items[j]
        if it.kind == "label" and (not it.rest or (labels and _is_fragment(it.rest))):
            labels.append(it)
            if it.rest:
                tails[len(labels) - 1] = it.rest
        elif (
            it.kind == "text"
            and labels
            and _is_fragment(it.rest)
            and j + 1 < len(items)
            and items[j + 1].kind == "label"
        ):
            tails[len(labels) - 1] = (tails.get(len(labels) - 1, "") + " " + it.rest).strip()
        else:
            break
        j += 1
    texts: list[_Line] = []
    while j < len(items) and items[j].kind != "label":
        if items[j].kind == "text":  # stage directions stay out of the pairing
            texts.append(items[j])
        j += 1
    units = _units(texts, len(labels))
    if not texts and len(labels) == 1:
        _take_back_orphan(labels[0], drafts)
        return j
    for n, lab in enumerate(labels):
        draft = _Draft(lab.label, lab.number)
        if n < len(units):
            draft.parts.extend(units[n])
        if n in tails:
            draft.parts.append((lab.number, tails[n]))
        if len(labels) > 1 and n < len(units):
            draft.notes.append("label printed apart from its words (OCR column); paired in order")
        drafts.append(draft)
    return j


def _is_fragment(text: str) -> bool:
    return len(text.split()) <= 4 and text[:1].islower()


def _units(texts: list[_Line], wanted: int) -> list[list[tuple[int, str]]]:
    units: list[list[tuple[int, str]]] = []
    for t in texts:
        prev = units[-1][-1][1] if units else ""
        joins = units and (
            len(units) >= wanted
            or (t.rest[:1].islower() and not re.search(r"[.?!]\W*$", prev) and len(texts) > wanted)
            or t.kind == "stage"
        )
        if joins:
            units[-1].append((t.number, t.rest))
        else:
            units.append([(t.number, t.rest)])
    return units


def _take_back_orphan(label: _Line, drafts: list[_Draft]) -> None:
    """An empty label right after a stray sentence: the OCR printed the words before the name."""
    draft = _Draft(label.label, label.number)
    if drafts and len(drafts[-1].parts) > 1:
        number, words = drafts[-1].parts[-1]
        before = drafts[-1].parts[-2][1]
        if number == label.number - 1 and words[:1].isupper() and re.search(r"[.?!]\W*$", before):
            drafts[-1].parts.pop()
            draft.parts.append((number, words))
            draft.line = number
            draft.notes.append(f"words printed on line {number}, before the label on line {label.number}")
    drafts.append(draft)


_MIDLINE = re.compile(r"(?<=[.?!\"”)])\s+(?P<label>[A-Z][A-Za-z]{2,}(?: [A-Z]{2,})?)\s?[:;]\s")


def _split_merged(drafts: list[_Draft], known: dict[str, str]) -> list[_Draft]:
    """Two turns printed on one line ("...on your body. BRENDAN : Like, like right here.")."""
    out: list[_Draft] = []
    for d in drafts:
        current = _Draft(d.label, d.line, [], list(d.notes))
        for number, words in d.parts:
            pos = 0
            for m in _MIDLINE.finditer(fold(words)):
                if label_key(m.group("label")) not in known:
                    continue
                current.parts.append((number, words[pos : m.start()].strip()))
                out.append(current)
                note = "two turns printed on one line"
                if label_key(m.group("label")) == label_key(current.label):
                    note += "; the same label twice, so the first may belong to someone else"
                    current.notes.append(note)
                current = _Draft(m.group("label"), number, [], [note])
                pos = m.end()
            current.parts.append((number, words[pos:].strip()))
        out.append(current)
    return out


def _finish(drafts: list[_Draft], page_of: dict[int, int], pages: dict[int, PageInfo]) -> list[Turn]:
    turns = []
    for n, d in enumerate(drafts):
        text, line_map = "", []
        for number, words in d.parts:
            if not words:
                continue
            line_map.append((len(text) + (1 if text else 0), number))
            text = f"{text} {words}" if text else words
        page = page_of.get(d.line)
        turn = Turn(
            index=n,
            label=d.label,
            line=d.line,
            end_line=max([d.line] + [p[0] for p in d.parts]),
            page=page,
            text=text,
            bates=pages[page].bates if page in pages else None,
            notes=d.notes,
            line_map=line_map or [(0, d.line)],
        )
        turn.gestures = gestures(turn)
        turns.append(turn)
    return turns


def gestures(turn: Turn) -> list[Gesture]:
    found = []
    folded = fold(turn.text)
    for m in GESTURE.finditer(folded):
        verb = m.group("verb").lower()
        answer = "yes" if verb.startswith("nod") else "no"
        found.append(Gesture(m.group("actor"), answer, turn.line_at(m.start()), m.start(), m.group(0)))
    return found
