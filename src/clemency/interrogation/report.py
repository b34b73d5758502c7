"""The analysis report and the one entry point the platform calls: `analyze()`."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import yaml

from .facts import load_facts
from .matcher import Mention
from .mentions import find_mentions
from .model import Transcript
from .parse import parse
from .provenance import FactResult, provenance
from .speakers import Person, label_key, load_speaker_map, resolve
from .tactics import OPEN, Marker, question_type, suspect_markers, tactic_markers, talk_ratios
from .text import fold
from .units import units

NOTICE = (
    "This report lists features of the transcript and the lines that support them. It does not "
    "say whether any statement or confession is true or false; every flag must be checked "
    "against the record it cites."
)
PAGES_PER_SEGMENT = 10


@dataclass
class Report:
    transcript: Transcript
    speakers: list[Person]
    facts: list[FactResult]
    tactics: list[Marker]
    suspect_markers: list[Marker]
    question_types: dict
    talk: dict
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        t = self.transcript
        pages = sorted(t.pages)
        return {
            "notice": NOTICE,
            "transcript": {
                "format": t.format,
                "lines": t.line_count,
                "turns": len(t.turns),
                "pages": [pages[0], pages[-1]] if pages else None,
                "bates": [t.pages[pages[0]].bates, t.pages[pages[-1]].bates] if pages else None,
                "preamble": t.preamble,
            },
            "speakers": [p.as_dict() for p in self.speakers],
            "facts": [f.as_dict() for f in self.facts],
            "tactics": [m.as_dict() for m in self.tactics],
            "suspect_markers": [m.as_dict() for m in self.suspect_markers],
            "question_types": self.question_types,
            "talk": self.talk,
            "warnings": self.warnings,
        }

    def speaker_map_yaml(self) -> str:
        """The speaker map used (proposed or given), in the input format, for a lawyer to edit."""
        people = [
            {"name": p.name, "role": p.role, "spellings": sorted(set(p.spellings))} for p in self.speakers
        ]
        return yaml.safe_dump({"speakers": people}, allow_unicode=True, sort_keys=False)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def analyze(transcript_text: str, facts_yaml_text: str, speakers_yaml_text: str | None = None) -> Report:
    """Parse, resolve speakers, trace every fact, mark tactics. Raises ValueError subclasses
    (TranscriptError, FactsError, SpeakerMapError) naming the field and the reason."""
    facts = load_facts(facts_yaml_text)
    speaker_map = load_speaker_map(speakers_yaml_text) if speakers_yaml_text else None
    transcript = parse(transcript_text)
    people, warnings = resolve(transcript.turns, transcript.preamble, speaker_map)
    turns = transcript.turns
    suspect_keys = {label_key(s) for p in people if p.role == "suspect" for s in p.spellings + [p.name]}
    tactics = tactic_markers(turns)
    results = []
    all_mentions: list[Mention] = []
    for fact in facts:
        mentions = find_mentions(fact, turns, suspect_keys)
        all_mentions.extend(mentions)
        results.append(provenance(fact, turns, mentions, tactics))
    qtypes = _question_types(transcript, results)
    return Report(
        transcript,
        people,
        results,
        tactics,
        suspect_markers(turns),
        qtypes,
        talk_ratios(turns),
        transcript.warnings + warnings,
    )


def _question_types(transcript: Transcript, results: list[FactResult]) -> dict:
    """Question types per interrogator, per span of pages; 'leading' = presupposes a fact the
    suspect had not yet stated."""
    leading: dict[int, list[str]] = defaultdict(list)
    for r in results:
        adopted_at = r.suspect_adoption.turn_index if r.suspect_adoption else 10**9
        for m in r.mentions:
            if m.role == "interrogator" and m.how == "presupposed" and m.turn_index < adopted_at:
                leading[m.turn_index].append(r.fact.id)
    per: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    listed: list[dict] = []
    first_page = min(transcript.pages) if transcript.pages else 0
    for turn in transcript.turns:
        if turn.role != "interrogator":
            continue
        seg = _segment(turn.page, first_page)
        for u in units(turn):
            if not u.question and not OPEN.search(fold(u.text)):
                continue
            kind = question_type(u, bool(leading.get(turn.index)) and _mentions_any(u, turn.index, results))
            per[turn.speaker][seg][kind] += 1
            if kind == "leading":
                listed.append(
                    {
                        "line": turn.line_at(u.start),
                        "page": turn.page,
                        "speaker": turn.speaker,
                        "quote": u.text,
                        "facts": leading[turn.index],
                    }
                )
    return {
        "segment_pages": PAGES_PER_SEGMENT,
        "by_interrogator": {s: {k: dict(v) for k, v in segs.items()} for s, segs in per.items()},
        "leading": listed,
    }


def _segment(page: int | None, first_page: int) -> str:
    if page is None:
        return "all"
    lo = first_page + ((page - first_page) // PAGES_PER_SEGMENT) * PAGES_PER_SEGMENT
    return f"{lo}-{lo + PAGES_PER_SEGMENT - 1}"


def _mentions_any(unit: object, turn_index: int, results: list[FactResult]) -> bool:
    text = getattr(unit, "text", "")
    return any(
        m.turn_index == turn_index and (m.quote == text or not m.quote) for r in results for m in r.mentions
    )
