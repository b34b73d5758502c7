"""Charts: Vega-Lite specifications rendered to SVG on the server by vl-convert (no client-side library).

Every chart carries its text alternative (a sentence a screen reader reads in place of the picture),
its numbers as a table (the page shows it under the picture, and it is the CSV download), and its
sources with their kind. A missing figure is None: the chart leaves a gap and the table says so; it
is never drawn as zero.

The SVG is shown as an `<img>` with a `data:` address: the page's Content Security Policy allows
images from `data:` and nothing in the picture can run; two charts on one page cannot collide on the
element ids Vega gives its clip paths; and the `alt` text is the text alternative.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from typing import Any

import vl_convert

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
WIDTH = 640
# Colours told apart by their labels too (every series has a legend entry or a label on the page).
BLUE, ORANGE, GREY, GREEN, RED, PURPLE = "#2f6fb3", "#c25e00", "#8a8f95", "#1b7f3b", "#b3261e", "#6b4fa0"
CONFIG = {
    "background": "white",
    "font": "sans-serif",
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 220},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "labelLimit": 420, "columns": 2},
    "title": {"fontSize": 14, "anchor": "start"},
    "view": {"stroke": None},
}
# Characters that make a spreadsheet treat a cell as a formula (OWASP's list); such cells get a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SourceNote:
    name: str
    url: str
    kind: str  # "primary" or "secondary"
    note: str = ""


@dataclass
class Chart:
    key: str
    title: str
    description: str  # the text alternative
    columns: list[str]
    rows: list[list[Any]]
    spec: dict[str, Any]
    sources: list[SourceNote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    public: bool = True  # aggregate numbers of the public record only: may be embedded

    @property
    def svg(self) -> str:
        return render_svg(self.spec)

    @property
    def image_src(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")

    @property
    def has_gaps(self) -> bool:
        return any(cell is None for row in self.rows for cell in row)

    def csv(self) -> str:
        return table_csv(self.columns, self.rows)


def neutralise(value: Any) -> str:
    """A cell as CSV text: unknown is empty, a text that a spreadsheet would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table_csv(columns: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def _cache() -> Any:
    try:
        from django.core.cache import cache

        return cache
    except Exception:  # noqa: BLE001 - without Django settings, render without a cache
        return None


def render_svg(spec: dict[str, Any]) -> str:
    """Render through vl-convert; the same specification is rendered once and then served from the cache."""
    text = json.dumps(spec, sort_keys=True, default=str)
    key = "outcomes:svg:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    cache = _cache()
    try:
        found = cache.get(key) if cache is not None else None
    except Exception:  # noqa: BLE001 - no configured cache (a library caller): render
        cache, found = None, None
    if found is not None:
        return str(found)
    svg = str(vl_convert.vegalite_to_svg(json.loads(text)))
    if cache is not None:
        cache.set(key, svg, 60 * 60 * 24)
    return svg


def spec(
    data: list[dict[str, Any]],
    layer_or_mark: Any,
    encoding: dict[str, Any] | None = None,
    *,
    title: str,
    height: int = 260,
    width: int = WIDTH,
    description: str = "",
) -> dict[str, Any]:
    base: dict[str, Any] = {
        "$schema": SCHEMA,
        "title": title,
        "description": description or title,
        "width": width,
        "height": height,
        "data": {"values": data},
        "config": CONFIG,
    }
    if isinstance(layer_or_mark, list):
        base["layer"] = layer_or_mark
    else:
        base["mark"] = layer_or_mark
        base["encoding"] = encoding or {}
    return base


def bar_spec(
    data: list[dict[str, Any]],
    *,
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    title: str,
    colour: str | None = None,
    colours: dict[str, str] | None = None,
    horizontal: bool = False,
    x_type: str = "ordinal",
    sort: Any = None,
    height: int = 260,
) -> dict[str, Any]:
    """Bars (stacked by `colour` when given); rows whose value is None leave a gap."""
    category = {"field": x, "type": x_type, "title": x_title, "sort": sort}
    if x_type == "ordinal" and not horizontal:
        category["axis"] = {"labelAngle": -45 if len(data) > 12 else 0}
    value = {"field": y, "type": "quantitative", "title": y_title, "stack": "zero"}
    encoding: dict[str, Any] = {"y": category, "x": value} if horizontal else {"x": category, "y": value}
    tooltip_free = {"tooltip": None}
    if colour:
        domain = list(colours) if colours else None
        encoding["color"] = {
            "field": colour,
            "type": "nominal",
            "title": None,
            "scale": {"domain": domain, "range": list(colours.values())} if colours else {},
        }
        encoding["order"] = {"field": colour}
    mark = {"type": "bar", "color": BLUE, **tooltip_free} if not colour else {"type": "bar", **tooltip_free}
    if horizontal:
        height = max(height, 22 * len({row[x] for row in data}))
    return spec([row for row in data if row.get(y) is not None], mark, encoding, title=title, height=height)
