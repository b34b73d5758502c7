"""Federal clemency by President, the dated actions, and the Pardon Attorney's backlog (reference files)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from clemency.outcomes.charts import BLUE, ORANGE, RED, Chart, SourceNote, bar_spec, spec
from clemency.outcomes.public import _row_source, _unique_sources, reference

END_OF_TERM = ("end of term", "end of first term")
METRICS = {
    "pardons_granted": "Pardons",
    "commutations_granted": "Commutations",
    "total_grants_all_forms": "All grants",
    "petitions_received_total": "Petitions received",
    "share_of_petitions_granted_pct": "Grant rate stated by the source (%)",
    "share_of_grants_in_final_fiscal_year_pct": "Share of grants in the last year of the term (%)",
}


@dataclass
class Figure:
    """One metric of one President: every distinct end-of-term figure, each with its sources."""

    values: dict[int, list[SourceNote]] = field(default_factory=dict)

    @property
    def agreed(self) -> int | None:
        return next(iter(self.values)) if len(self.values) == 1 else None

    @property
    def disputed(self) -> bool:
        return len(self.values) > 1

    @property
    def low(self) -> int | None:
        return min(self.values) if self.values else None

    def cell(self) -> Any:
        if not self.values:
            return None
        if not self.disputed:
            return self.agreed
        return " or ".join(f"{value:,}" for value in sorted(self.values))


@dataclass
class President:
    name: str
    term: str
    figures: dict[str, Figure] = field(default_factory=lambda: defaultdict(Figure))

    def value(self, metric: str) -> int | None:
        return self.figures[metric].agreed if metric in self.figures else None

    def petitions_received(self) -> int | None:
        total = self.value("petitions_received_total")
        if total is not None:
            return total
        pardon, commutation = (
            self.value("petitions_received_pardon"),
            self.value("petitions_received_commutation"),
        )
        return pardon + commutation if pardon is not None and commutation is not None else None

    def grants(self) -> int | None:
        total = self.value("total_grants_all_forms")
        if total is not None:
            return total
        pardons, commutations = self.value("pardons_granted"), self.value("commutations_granted")
        return pardons + commutations if pardons is not None and commutations is not None else None

    def grant_rate(self) -> float | None:
        received, grants = self.petitions_received(), self.grants()
        return round(100 * grants / received, 1) if received and grants is not None else None


def presidents() -> list[President]:
    """End-of-term figures per President, in order of term; point-in-time figures are left to the notes."""
    found: dict[str, President] = {}
    for row in reference("federal_clemency_by_president.csv"):
        if row["president"] == "president" or row["as_of"] not in END_OF_TERM or not row["value"]:
            continue
        president = found.setdefault(row["president"], President(row["president"], row["term"][:9]))
        # "Pardons only" and "all grants" rows of one source can repeat a figure: one source per figure.
        sources = president.figures[row["metric"]].values.setdefault(int(row["value"]), [])
        note = _row_source(row)
        if note.url not in {s.url for s in sources}:
            sources.append(note)
    return sorted(found.values(), key=lambda p: p.term)


def by_president() -> tuple[Chart, list[list[Any]]]:
    """The table of every President's figures, its chart (all grants), and the disagreements."""
    everyone = presidents()
    columns = [
        "President",
        "Term",
        "Pardons",
        "Commutations",
        "All grants",
        "Petitions received",
        "Grant rate (grants / petitions, %)",
        "Grant rate stated by the source (%)",
        "Share of grants in the last year of the term (%)",
    ]
    rows: list[list[Any]] = []
    data: list[dict[str, Any]] = []
    disputes: list[list[Any]] = []
    for p in everyone:
        f = p.figures
        rows.append(
            [
                p.name,
                p.term,
                f["pardons_granted"].cell(),
                f["commutations_granted"].cell(),
                f["total_grants_all_forms"].cell() if "total_grants_all_forms" in f else p.grants(),
                p.petitions_received(),
                p.grant_rate(),
                f["share_of_petitions_granted_pct"].cell(),
                f["share_of_grants_in_final_fiscal_year_pct"].cell(),
            ]
        )
        all_grants = f["total_grants_all_forms"].low if "total_grants_all_forms" in f else p.grants()
        if all_grants is not None:
            data.append({"president": p.name, "n": all_grants})
        for metric, figure in f.items():
            if figure.disputed:
                for value, cited in sorted(figure.values.items()):
                    for note in cited:
                        disputes.append(
                            [
                                p.name,
                                METRICS.get(metric, metric.replace("_", " ")),
                                value,
                                note.url,
                                note.kind,
                            ]
                        )
    title = "Federal clemency grants by President (all forms, end of term)"
    most = "; ".join(f"{d['president']} {d['n']:,}" for d in sorted(data, key=lambda d: -d["n"])[:3])
    description = (
        f"Bar chart of clemency grants by {len(data)} Presidents from {everyone[0].name} to "
        f"{everyone[-1].name}; most: {most}. "
        f"Presidents without a figure are gaps."
    )
    chart_spec = bar_spec(
        data,
        x="president",
        y="n",
        x_title="President",
        y_title="Grants",
        title=title,
        sort=[p.name for p in everyone],
    )
    sources = _unique_sources(
        [r for r in reference("federal_clemency_by_president.csv") if r["as_of"] in END_OF_TERM]
    )
    notes = [
        "The Department of Justice's own statistics page was not found in a stored copy: these figures are "
        "secondary reports of the Office of the Pardon Attorney's counts. They exclude clemency by "
        "proclamation.",
        "Where sources disagree the bar shows the lower figure; the table gives both, and the list of "
        "disagreements below names each source.",
    ]
    return Chart(
        "federal-by-president", title, description, columns, rows, chart_spec, sources, notes
    ), disputes


def last_year_share() -> Chart:
    everyone = presidents()
    rows = [[p.name, p.term, p.figures["share_of_grants_in_final_fiscal_year_pct"].cell()] for p in everyone]
    data = [{"president": r[0], "n": r[2]} for r in rows if isinstance(r[2], int)]
    title = "Share of a President's grants made in the last year of the term (%)"
    description = (
        "Bar chart of the share of clemency grants made in the final fiscal year of the term: "
        + "; ".join(f"{d['president']} {d['n']}%" for d in data)
        + f". No figure was found for the other {len(rows) - len(data)} Presidents."
    )
    chart_spec = bar_spec(
        data,
        x="president",
        y="n",
        x_title="President",
        y_title="Share (%)",
        title=title,
        sort=[p.name for p in everyone if p.name in {d["president"] for d in data}],
    )
    found = [
        r
        for r in reference("federal_clemency_by_president.csv")
        if r["metric"] == "share_of_grants_in_final_fiscal_year_pct"
    ]
    return Chart(
        "federal-last-year-share",
        title,
        description,
        ["President", "Term", "Share (%)"],
        rows,
        chart_spec,
        _unique_sources(found),
        [
            "The final fiscal year runs from October 1 to the end of the term (Biden: October 1, 2024 to "
            "January 20, 2025)."
        ],
    )


def _number(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def actions_timeline() -> Chart:
    found = reference("federal_clemency_actions_and_proclamations.csv")
    rows: list[list[Any]] = []
    data: list[dict[str, Any]] = []
    for r in found:
        pardons, commutations = _number(r["pardons_granted"]), _number(r["commutations_granted"])
        proclamation = r["action_type"].startswith("categorical")
        counted = (
            "no - outside the Pardon Attorney's statistics"
            if r["counted_in_OPA_statistics"].startswith("no")
            else "yes"
        )
        rows.append(
            [
                r["date"],
                r["president"],
                r["action_type"],
                r["instrument"],
                pardons,
                commutations,
                r["people_or_class_covered"] or None,
                counted,
                r["source_kind"],
            ]
        )
        granted = (
            (pardons or 0) + (commutations or 0) if pardons is not None or commutations is not None else None
        )
        kind = (
            "Proclamation (outside the Pardon Attorney's statistics)"
            if proclamation
            else "Individual grants"
            if granted is not None
            else "No grant figure (denials, or number not read)"
        )
        data.append({"date": r["date"], "n": granted, "kind": kind, "president": r["president"]})
    title = "Dated federal clemency actions, 2017-2025"
    colours = {
        "Individual grants": BLUE,
        "No grant figure (denials, or number not read)": ORANGE,
        "Proclamation (outside the Pardon Attorney's statistics)": RED,
    }
    layer = [
        {
            "mark": {"type": "point", "filled": True, "size": 70},
            "transform": [{"filter": "datum.n != null"}],
            "encoding": {
                "x": {"field": "date", "type": "temporal", "title": "Date"},
                "y": {
                    "field": "n",
                    "type": "quantitative",
                    "title": "Grants that day (log scale)",
                    "scale": {"type": "symlog"},
                },
                "color": {
                    "field": "kind",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": list(colours), "range": list(colours.values())},
                },
            },
        },
        {
            "mark": {"type": "rule", "strokeDash": [4, 3], "strokeWidth": 2},
            "transform": [{"filter": "datum.n == null"}],
            "encoding": {
                "x": {"field": "date", "type": "temporal"},
                "color": {
                    "field": "kind",
                    "type": "nominal",
                    "scale": {"domain": list(colours), "range": list(colours.values())},
                },
            },
        },
    ]
    chart_spec = spec([d for d in data if str(d["date"]) >= "2017"], layer, title=title, height=280)
    proclamations = [r for r in rows if str(r[7]).startswith("no")]
    description = (
        f"Timeline of {len(rows)} dated federal clemency actions; points give the grants of each day on a "
        f"log scale, dashed lines mark days whose number was not read and the {len(proclamations)} "
        "proclamations, which the Pardon Attorney's statistics do not count: "
        + "; ".join(f"{r[0]} {r[3]}" for r in proclamations)
        + "."
    )
    notes = [
        "Proclamations pardon whole classes of people and are not counted in the Office of the Pardon "
        "Attorney's statistics; individual warrants (even thousands on one day) are."
    ]
    columns = [
        "Date",
        "President",
        "Action",
        "Instrument",
        "Pardons",
        "Commutations",
        "People or class covered",
        "Counted in the Pardon Attorney's statistics",
        "Source kind",
    ]
    return Chart(
        "federal-actions", title, description, columns, rows, chart_spec, _unique_sources(list(found)), notes
    )


def pending_backlog() -> Chart:
    found = reference("federal_pending_petitions_snapshots.csv")
    rows = [
        [
            r["as_of"],
            r["metric"].replace("_", " ").capitalize(),
            _number(r["value"]),
            r["value_qualifier"],
            r["source_kind"],
        ]
        for r in found
    ]
    totals = [r for r in found if r["metric"] == "pending_total" and r["as_of"][:4].isdigit()]
    totals.sort(key=lambda r: r["as_of"])
    data = [{"when": r["as_of"], "n": int(r["value"]), "qualifier": r["value_qualifier"]} for r in totals]
    title = "Federal clemency petitions pending at the Office of the Pardon Attorney"
    description = (
        "Bar chart of the petitions pending at dated snapshots: "
        + "; ".join(f"{d['when']} {d['n']:,} ({d['qualifier']})" for d in data)
        + "."
    )
    chart_spec = bar_spec(
        data,
        x="when",
        y="n",
        x_title="Snapshot",
        y_title="Petitions pending",
        title=title,
        colour=None,
        sort=None,
    )
    return Chart(
        "federal-backlog",
        title,
        description,
        ["As of", "Figure", "Value", "Qualifier", "Source kind"],
        rows,
        chart_spec,
        _unique_sources(list(found)),
        ['Round figures ("more than", "nearly") are drawn at the figure given and marked in the table.'],
    )
