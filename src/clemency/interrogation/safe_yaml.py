"""Reading a lawyer's small YAML files (facts, speaker map) without letting a file cost more than it
weighs: no anchors or aliases (a 400-byte file of nested aliases expands to gigabytes), a cap on the
file's size, on the number of values and their nesting, and on the time the parse may take; and every
value an error message quotes is cut short, so an error can never echo a huge value back.
"""

from __future__ import annotations

import time
from typing import Any

import yaml

MAX_YAML_CHARACTERS = 512 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_PARSE_SECONDS = 5.0
QUOTE_LIMIT = 80


class YAMLLimitError(ValueError):
    """The file breaks one of the limits above; the message says which and where."""


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`repr(value)`, cut to `limit` characters with a note of how much was left out."""
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit:,} more characters)"


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases and counts what it builds."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0
        self._depth = 0
        self._deadline = time.monotonic() + MAX_PARSE_SECONDS

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YAMLLimitError(f"line {line}: YAML anchors and aliases ('&name', '*name') are not "
                                 "accepted; write each value out in full")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise YAMLLimitError(f"line {line}: the file holds more than {MAX_NODES:,} values")
        if time.monotonic() > self._deadline:
            raise YAMLLimitError(f"line {line}: reading the file took more than {MAX_PARSE_SECONDS:g} "
                                 "seconds")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YAMLLimitError(f"line {line}: values are nested more than {MAX_DEPTH} deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str) -> Any:
    """Parse one YAML document within the limits; YAMLLimitError or yaml.YAMLError otherwise."""
    if len(text) > MAX_YAML_CHARACTERS:
        raise YAMLLimitError(f"the file has {len(text):,} characters; at most {MAX_YAML_CHARACTERS:,} "
                             "are accepted")
    loader = _BoundedLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def describe_yaml_error(error: yaml.YAMLError) -> str:
    """The parser's own message, kept short (its context may quote a long line)."""
    message = str(error)
    return message if len(message) <= 400 else message[:400] + "..."
