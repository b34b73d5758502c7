"""How much of each jurisdiction's clemency process is encoded and verified, and the map that shows it.

The map is a tile grid (one square per state and D.C., placed roughly where the state lies), drawn
as SVG by hand because it is a few dozen rectangles: no chart library draws a tile map, and the
rulebook is static HTML with no scripts. The table beside it is the map's text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from clemency.law.jurisdictions.schema import KINDS, Jurisdiction, all_jurisdictions
from clemency.law.pathway import Pathway
from clemency.law.registry import get_pathway

# (column, row) of each state on the tile grid.
TILES = {
    "ak": (0, 0),
    "me": (11, 0),
    "vt": (10, 1),
    "nh": (11, 1),
    "wa": (1, 2),
    "id": (2, 2),
    "mt": (3, 2),
    "nd": (4, 2),
    "mn": (5, 2),
    "il": (6, 2),
    "wi": (7, 2),
    "mi": (8, 2),
    "ny": (9, 2),
    "ri": (10, 2),
    "ma": (11, 2),
    "or": (1, 3),
    "nv": (2, 3),
    "wy": (3, 3),
    "sd": (4, 3),
    "ia": (5, 3),
    "in": (6, 3),
    "oh": (7, 3),
    "pa": (8, 3),
    "nj": (9, 3),
    "ct": (10, 3),
    "ca": (1, 4),
    "ut": (2, 4),
    "co": (3, 4),
    "ne": (4, 4),
    "mo": (5, 4),
    "ky": (6, 4),
    "wv": (7, 4),
    "va": (8, 4),
    "md": (9, 4),
    "de": (10, 4),
    "az": (2, 5),
    "nm": (3, 5),
    "ks": (4, 5),
    "ar": (5, 5),
    "tn": (6, 5),
    "nc": (7, 5),
    "sc": (8, 5),
    "dc": (9, 5),
    "ok": (4, 6),
    "la": (5, 6),
    "ms": (6, 6),
    "al": (7, 6),
    "ga": (8, 6),
    "hi": (0, 7),
    "tx": (4, 7),
    "fl": (9, 7),
}
# Light to dark: the share of the jurisdiction's items read in a primary source.
SHADES = (
    (0.0, "#f3efe6", "none verified"),
    (0.01, "#f2d7a6", "under a quarter"),
    (0.25, "#e0a458", "a quarter to a half"),
    (0.5, "#b5651d", "half to three quarters"),
    (0.75, "#6b3a10", "three quarters or more"),
)
TILE = 46


@dataclass(frozen=True)
class PathwayRow:
    kind: str
    pathway: Pathway
    handwritten: bool
    decided_by_rules: bool  # eligibility settled by encoded rules, without a lawyer's confirmation


@dataclass(frozen=True)
class Coverage:
    jurisdiction: Jurisdiction
    rows: tuple[PathwayRow, ...]
    items: int
    verified_items: int

    @property
    def verified_share(self) -> float:
        return self.verified_items / self.items

    @property
    def encoded_share(self) -> float:
        return sum(row.decided_by_rules for row in self.rows) / len(self.rows)

    @property
    def shade(self) -> tuple[str, str]:
        colour, words = SHADES[0][1], SHADES[0][2]
        for floor, fill, label in SHADES:
            if self.verified_share >= floor:
                colour, words = fill, label
        return colour, words


def coverage() -> list[Coverage]:
    found = []
    for jurisdiction in all_jurisdictions().values():
        rows = []
        for kind in KINDS:
            spec = jurisdiction.pathways.get(kind)
            if spec is None:
                continue
            pathway = get_pathway(spec.handwritten or f"{jurisdiction.code}.{kind}")
            rows.append(
                PathwayRow(
                    kind,
                    pathway,
                    spec.handwritten is not None,
                    spec.handwritten is not None or not spec.needs_confirmation,
                )
            )
        items = jurisdiction.items()
        found.append(Coverage(jurisdiction, tuple(rows), len(items), sum(item.verified for item in items)))
    return found


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def coverage_map_svg(entries: list[Coverage]) -> str:
    """The tile map: each state a square shaded by its verified share, linking to its table."""
    by_state = {entry.jurisdiction.code.removeprefix("us-"): entry for entry in entries}
    width, height = 12 * TILE + 10, 8 * TILE + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="coverage-map-title" class="coverage-map">',
        '<title id="coverage-map-title">Map of the states and D.C., each shaded by the share of its clemency '
        "process verified against a primary source (the table below gives the numbers)</title>",
    ]
    for state, (column, row) in TILES.items():
        entry = by_state.get(state)
        if entry is None:
            continue
        fill, words = entry.shade
        x, y = 5 + column * TILE, 5 + row * TILE
        text_fill = "#ffffff" if entry.verified_share >= 0.5 else "#1a1a1a"
        label = (
            f"{entry.jurisdiction.name}: {percent(entry.verified_share)} verified ({words}), "
            f"{percent(entry.encoded_share)} of its pathways decided by encoded rules"
        )
        parts.append(
            f'<a href="#{entry.jurisdiction.code}"><g><title>{escape(label)}</title>'
            f'<rect x="{x}" y="{y}" width="{TILE - 4}" height="{TILE - 4}" rx="3" fill="{fill}" '
            f'stroke="#555" stroke-width="1"/>'
            f'<text x="{x + (TILE - 4) / 2}" y="{y + 19}" text-anchor="middle" font-size="13" '
            f'font-family="sans-serif" fill="{text_fill}">{state.upper()}</text>'
            f'<text x="{x + (TILE - 4) / 2}" y="{y + 34}" text-anchor="middle" font-size="10" '
            f'font-family="sans-serif" fill="{text_fill}">{percent(entry.verified_share)}</text></g></a>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
