"""One row per fact along the transcript: interrogator mentions, the suspect's wrong attempts,
echoes and agreements, and independent statements. Drawn as SVG (HTML) and in the PDF."""

from __future__ import annotations

from dataclasses import dataclass

from .cites import record_cite
from .provenance import FactResult

KINDS = {
    "interrogator": ("#c0392b", "interrogator mention"),
    "attempt": ("#7f8c8d", "suspect's wrong attempt"),
    "echo": ("#e67e22", "suspect echo or agreement"),
    "independent": ("#2471a3", "suspect statement, own words"),
}


@dataclass
class Point:
    line: int
    page: int | None
    kind: str
    quote: str


@dataclass
class Row:
    fact_id: str
    flag: str
    points: list[Point]


def rows(results: list[FactResult]) -> list[Row]:
    out = []
    for r in results:
        pts: list[Point] = []
        for m in r.mentions:
            if m.how == "denied":
                continue
            if m.role == "interrogator":
                kind = "interrogator"
            elif m.role == "suspect":
                kind = "echo" if (m.echo or m.how == "agreed") else "independent"
            else:
                continue
            pts.append(Point(m.line, m.page, kind, m.quote))
        pts += [Point(a.lines[0], a.page, "attempt", a.quote) for a in r.attempts]
        out.append(Row(r.fact.id, r.flag, sorted(pts, key=lambda p: p.line)))
    return out


def ticks(pages: dict[int, int], line_count: int, every: int = 10) -> list[tuple[int, str]]:
    """(line, label) pairs for the axis: every `every` pages; by input line when the transcript
    has no page numbers (captions, an unpaginated statement)."""
    ordered = sorted(pages.items())
    by_page = [(line, page) for page, line in ordered if page % every == 0] or ordered[:1]
    if by_page:
        return [(line, f"p. {page}") for line, page in by_page]
    step = max(1, -(-line_count // 5))
    return [(line, f"line {line}") for line in range(1, line_count + 1, step)]


def svg(results: list[FactResult], line_count: int, pages: dict[int, int]) -> str:
    data = rows(results)
    left, width, row_h, top = 190, 760, 22, 28
    height = top + row_h * len(data) + 44
    x = lambda line: left + (width - left - 10) * (line / max(line_count, 1))  # noqa: E731
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="tl-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="11">',
        '<title id="tl-title">Timeline: where each fact was first said, by whom</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for line, label in ticks(pages, line_count):
        parts.append(
            f'<line x1="{x(line):.1f}" y1="{top - 6}" x2="{x(line):.1f}" y2="{top + row_h * len(data)}" '
            f'stroke="#dddddd"/><text x="{x(line):.1f}" y="{top - 10}" text-anchor="middle" '
            f'fill="#555">{label}</text>'
        )
    for n, row in enumerate(data):
        y = top + row_h * n + row_h / 2
        parts.append(f'<text x="4" y="{y + 4:.1f}" fill="#111">{_esc(row.fact_id)}</text>')
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#bbbbbb"/>')
        for p in row.points:
            colour, label = KINDS[p.kind]
            tip = f"{label}, {record_cite(p.line, p.page)}: {p.quote[:90]}"
            parts.append(_mark(p.kind, x(p.line), y, colour, tip))
    ly = top + row_h * len(data) + 22
    lx = 10.0
    for kind, (colour, label) in KINDS.items():
        parts.append(_mark(kind, lx, ly, colour, label))
        parts.append(f'<text x="{lx + 9}" y="{ly + 4}" fill="#333">{label}</text>')
        lx += 185
    parts.append("</svg>")
    return "\n".join(parts)


def _mark(kind: str, cx: float, cy: float, colour: str, tip: str) -> str:
    title = f"<title>{_esc(tip)}</title>"
    if kind == "interrogator":
        return f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" fill="{colour}">{title}</rect>'
    if kind == "attempt":
        return (
            f'<path d="M{cx - 4:.1f},{cy - 4:.1f} L{cx + 4:.1f},{cy + 4:.1f} M{cx - 4:.1f},{cy + 4:.1f} '
            f'L{cx + 4:.1f},{cy - 4:.1f}" stroke="{colour}" stroke-width="2">{title}</path>'
        )
    if kind == "echo":
        return (
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="none" stroke="{colour}" '
            f'stroke-width="2">{title}</circle>'
        )
    return (
        f'<path d="M{cx:.1f},{cy - 5:.1f} L{cx + 5:.1f},{cy:.1f} L{cx:.1f},{cy + 5:.1f} '
        f'L{cx - 5:.1f},{cy:.1f} Z" fill="{colour}">{title}</path>'
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
