"""The report's charts: Vega-Lite specifications rendered to SVG by vl-convert (no JavaScript in the report).

Each chart is wrapped in a `<figure role="img">` whose label is the chart's text alternative; the exact
counts are in the table the report prints under each chart. The same library draws the platform's
outcome charts (clemency.outcomes.charts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import vl_convert
from markupsafe import Markup, escape

from clemency.screening.plan import OUTCOMES

OUTCOME_COLOURS = {
    "ELIGIBLE": "#1b7f3b",
    "NOT_YET": "#2f6fb3",
    "NEEDS_REVIEW": "#c98a00",
    "INELIGIBLE": "#9aa0a6",
}
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
CONFIG = {
    "background": "white",
    "font": "sans-serif",
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 300},
    "legend": {"labelFontSize": 12, "orient": "top"},
    "title": {"fontSize": 13, "anchor": "start"},
    "view": {"stroke": None},
}


def _figure(spec: dict[str, Any], label: str) -> Markup:
    svg = vl_convert.vegalite_to_svg(spec)
    # The SVG comes from the library; only the label is ours, and it is escaped.
    return Markup(f'<figure class="chart" role="img" aria-label="{escape(label)}">{svg}</figure>')  # noqa: S704


def outcome_bars(counts: dict[str, dict[str, int]], title: str = "Outcomes by pathway") -> Markup:
    """One horizontal bar per pathway, split by outcome in proportion to its people."""
    data = [
        {"pathway": pathway, "outcome": outcome, "people": by_outcome.get(outcome, 0), "order": index}
        for pathway, by_outcome in counts.items()
        for index, outcome in enumerate(OUTCOMES)
        if by_outcome.get(outcome, 0)
    ]
    spec = {
        "$schema": SCHEMA,
        "title": title,
        "width": 520,
        "height": max(40, 22 * len(counts)),
        "config": CONFIG,
        "data": {"values": data},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "pathway", "type": "nominal", "title": None, "sort": list(counts)},
            "x": {
                "field": "people",
                "type": "quantitative",
                "stack": "normalize",
                "title": "Share of people",
                "axis": {"format": "%"},
            },
            "color": {
                "field": "outcome",
                "type": "nominal",
                "title": None,
                "scale": {"domain": list(OUTCOME_COLOURS), "range": list(OUTCOME_COLOURS.values())},
            },
            "order": {"field": "order"},
        },
    }
    label = f"{title}: for each pathway, the share of people in each outcome; exact counts are in the table."
    return _figure(spec, label)


def bar_list(items: Sequence[tuple[str, int]], title: str, unit: str = "rows") -> Markup:
    """Horizontal bars for (label, count) pairs, largest first, with the count written beside each."""
    data = [{"label": label, "n": n} for label, n in items]
    bars = {"mark": {"type": "bar", "color": OUTCOME_COLOURS["NEEDS_REVIEW"]}}
    counts = {
        "mark": {"type": "text", "align": "left", "dx": 4},
        "encoding": {"text": {"field": "n", "format": ","}},
    }
    spec = {
        "$schema": SCHEMA,
        "title": title,
        "width": 420,
        "height": max(22, 22 * len(items)),
        "config": CONFIG,
        "data": {"values": data},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": None, "sort": "-x"},
            "x": {"field": "n", "type": "quantitative", "title": unit.capitalize()},
        },
        "layer": [bars, counts],
    }
    summary = "; ".join(f"{label} {n:,} {unit}" for label, n in items) or "none"
    return _figure(spec, f"{title}: {summary}.")
