"""A small YAML file may not cost gigabytes: no anchors or aliases, bounded size, depth and quotes."""

from __future__ import annotations

import pytest

from clemency.interrogation import FactsError, SpeakerMapError
from clemency.interrogation.facts import load_facts
from clemency.interrogation.safe_yaml import MAX_DEPTH, QUOTE_LIMIT, load_yaml, quoted
from clemency.interrogation.speakers import load_speaker_map


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [*{previous},*{previous},*{previous},*{previous},*{previous}]")
    return "\n".join(lines) + f"\nfacts: *{chr(ord('a') + levels - 1)}\n"


def test_aliases_in_a_facts_file_are_refused_with_a_short_message():
    text = _billion_laughs()
    assert len(text) < 500
    with pytest.raises(FactsError) as raised:
        load_facts(text)
    assert "anchors and aliases" in str(raised.value)
    assert "line 1" in str(raised.value)
    assert len(str(raised.value)) < 300


def test_aliases_in_a_speaker_map_are_refused():
    with pytest.raises(SpeakerMapError, match="anchors and aliases"):
        load_speaker_map("speakers:\n- &p {name: Ann Able, role: suspect}\n- *p\n")


def test_an_anchor_alone_is_refused_too():
    with pytest.raises(FactsError, match="anchors and aliases"):
        load_facts("- &x {id: a, statement: S., public: false, cues: [x]}\n")


def test_a_value_quoted_in_an_error_is_cut_short():
    huge = "x" * 100_000
    with pytest.raises(FactsError) as raised:
        load_facts(f"- id: a\n  statement: S.\n  public: false\n  cues: [x]\n  public_since: {huge}\n")
    assert len(str(raised.value)) < 300
    assert "more characters" in str(raised.value)
    with pytest.raises(SpeakerMapError) as raised_speakers:
        load_speaker_map(f"speakers:\n- {{name: Ann Able, role: {huge}}}\n")
    assert len(str(raised_speakers.value)) < 300
    assert len(quoted("y" * 1000)) < QUOTE_LIMIT + 40


def test_size_and_depth_are_capped():
    with pytest.raises(FactsError, match="characters; at most"):
        load_facts("# " + "x" * 600_000 + "\n- id: a\n")
    with pytest.raises(FactsError, match="nested more than"):
        load_facts("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5))


def test_plain_yaml_still_loads():
    assert load_yaml("a: [1, 2]\nb: {c: d}\n") == {"a": [1, 2], "b": {"c": "d"}}
