"""Record cites as lawyers write them: "p. 587, line 1445, STATE4658".

A transcript without page numbers (captions, an unpaginated statement) or without Bates stamps
is cited by what it has; an unknown page is left out, never printed as "p. None".
"""

from __future__ import annotations

from collections.abc import Sequence


def record_cite(
    line: int | None,
    page: int | None = None,
    bates: str | None = None,
    lines: Sequence[int] | None = None,
    prefix: str = "",
) -> str:
    """`prefix` ("Tr. ") goes before the page only, so a cite without a page starts at the line."""
    parts = []
    if page is not None:
        parts.append(f"{prefix}p. {page}")
    shown = [n for n in (lines or ([] if line is None else [line])) if n is not None]
    if shown:
        word = "lines" if len(shown) > 1 else "line"
        parts.append(f"{word} {', '.join(str(n) for n in shown)}")
    if bates:
        parts.append(bates)
    return ", ".join(parts) or "place in the record unknown"


def range_text(first: object, last: object) -> str:
    """ "STATE4597–STATE4748"; one end only when the other is unknown; "" when both are."""
    known = [str(x) for x in (first, last) if x not in (None, "")]
    if len(known) == 2 and known[0] != known[1]:
        return f"{known[0]}\u2013{known[1]}"
    return known[0] if known else ""
