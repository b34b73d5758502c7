"""Small SVG charts drawn on the server (no JavaScript): stacked outcome bars and a bar list.

Each chart is a complete `<svg role="img">` with a title and a description for screen readers,
text labels on the bars, and colours that are told apart by their labels as well as their hue.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from clemency.screening.plan import OUTCOMES

OUTCOME_COLOURS = {
    "ELIGIBLE": "#1b7f3b",
    "NOT_YET": "#2f6fb3",
    "NEEDS_REVIEW": "#c98a00",
    "INELIGIBLE": "#9aa0a6",
}


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def outcome_bars(counts: dict[str, dict[str, int]], title: str = "Outcomes by pathway") -> Markup:
    """One horizontal bar per pathway, split by outcome in proportion to its people."""
    label_width, bar_width, row_height, top = 300, 520, 22, 46
    height = top + row_height * len(counts) + 10
    width = label_width + bar_width + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="ob-title ob-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" class="chart">',
        f'<title id="ob-title">{escape(title)}</title>',
        '<desc id="ob-desc">For each pathway, the share of people in each outcome; exact counts are '
        'in the table.</desc>',
    ]
    x = label_width
    for outcome in OUTCOMES:  # the legend
        parts.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{OUTCOME_COLOURS[outcome]}"/>')
        parts.append(f'<text x="{x + 16}" y="19" font-size="12">{outcome}</text>')
        x += 16 + 9 * len(outcome) + 14
    for row, (pathway, by_outcome) in enumerate(counts.items()):
        y = top + row * row_height
        total = sum(by_outcome.values()) or 1
        parts.append(f'<text x="{label_width - 8}" y="{y + 14}" font-size="12" text-anchor="end">'
                     f'{escape(pathway)}</text>')
        offset = 0.0
        for outcome in OUTCOMES:
            n = by_outcome.get(outcome, 0)
            if not n:
                continue
            w = bar_width * n / total
            parts.append(
                f'<rect x="{_fmt(label_width + offset)}" y="{y + 2}" width="{_fmt(w)}" '
                f'height="{row_height - 6}" fill="{OUTCOME_COLOURS[outcome]}">'
                f'<title>{escape(pathway)}: {outcome} {n:,}</title></rect>')
            offset += w
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated text above is escaped


def bar_list(items: Sequence[tuple[str, int]], title: str, unit: str = "rows") -> Markup:
    """Horizontal bars for (label, count) pairs, largest first, with the count written beside each."""
    label_width, bar_width, row_height, top = 300, 420, 22, 30
    height = top + row_height * max(len(items), 1) + 10
    width = label_width + bar_width + 110
    largest = max((n for _, n in items), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" class="chart">',
        f'<title>{escape(title)}</title>',
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="{top + 14}" font-size="12">None.</text>')
    for row, (label, n) in enumerate(items):
        y = top + row * row_height
        w = bar_width * n / largest
        parts.append(f'<text x="{label_width - 8}" y="{y + 14}" font-size="12" text-anchor="end">'
                     f'{escape(label)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y + 2}" width="{_fmt(w)}" height="{row_height - 6}" '
                     f'fill="{OUTCOME_COLOURS["NEEDS_REVIEW"]}"/>')
        parts.append(f'<text x="{_fmt(label_width + w + 6)}" y="{y + 14}" font-size="12">{n:,} {escape(unit)}'
                     f'</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated text above is escaped
