"""The public record's charts: executions, death row, capital clemency, exonerations, state grants.

Aggregates come from indexed GROUP BY queries over the newest dataset of each source (a few thousand
rows) or from the compiled reference files (a few hundred rows, read once per process).
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from clemency.outcomes.charts import BLUE, GREY, ORANGE, Chart, SourceNote, bar_spec, spec
from clemency.outcomes.models import Dataset, Execution, Exoneration, Source
from clemency.outcomes.shipped import reference_rows
from clemency.outcomes.sources import FACTOR_LABELS, FEDERAL

FEDERAL_MARKED = "Federal"
STATE = "State"
DPIC = "https://deathpenaltyinfo.org/"


def newest(source: str) -> Dataset | None:
    return Dataset.objects.filter(source=source).order_by("-id").first()


def dataset_note(dataset: Dataset) -> SourceNote:
    skipped = f"; {len(dataset.skipped_rows)} rows of the file not counted" if dataset.skipped_rows else ""
    return SourceNote(
        dataset.title,
        dataset.origin,
        dataset.source_kind,
        f"{dataset.row_count:,} rows, {dataset.file_name}{skipped}",
    )


def _row_source(row: dict[str, str]) -> SourceNote:
    return SourceNote(
        row.get("source_type") or "source",
        row.get("source", ""),
        row.get("source_kind", "secondary"),
        row.get("note", ""),
    )


def _unique_sources(rows: list[dict[str, str]]) -> list[SourceNote]:
    seen: dict[tuple[str, str], SourceNote] = {}
    for row in rows:
        note = _row_source(row)
        seen.setdefault((note.url, note.kind), SourceNote(note.name, note.url, note.kind))
    return list(seen.values())


@functools.cache
def reference(name: str) -> tuple[dict[str, str], ...]:
    return tuple(reference_rows(name))


# ---------------------------------------------------------------------------------------------- executions


def _execution_years(dataset: Dataset, jurisdiction: str = "") -> dict[int, dict[bool, int]]:
    query = Execution.objects.filter(dataset=dataset)
    if jurisdiction:
        query = query.filter(jurisdiction=jurisdiction)
    years: dict[int, dict[bool, int]] = defaultdict(dict)
    for row in query.values("year", "federal").annotate(n=Count("id")).order_by():
        years[row["year"]][row["federal"]] = row["n"]
    return years


def execution_jurisdictions() -> list[str]:
    datasets = [d for d in (newest(Source.UCLA_EXECUTIONS), newest(Source.DPIC_EXECUTIONS)) if d]
    names = Execution.objects.filter(dataset__in=datasets).values_list("jurisdiction", flat=True).distinct()
    return sorted(set(names))


def execution_datasets() -> tuple[Dataset | None, Dataset | None]:
    """The dataset reaching furthest (drawn) and the other (compared); the newest import of each source."""
    found = [d for d in (newest(Source.UCLA_EXECUTIONS), newest(Source.DPIC_EXECUTIONS)) if d and d.last_date]
    found.sort(key=lambda d: (d.last_date, d.id), reverse=True)
    return (found[0] if found else None, found[1] if len(found) > 1 else None)


def executions_by_year(jurisdiction: str = "") -> Chart:
    main, other = execution_datasets()
    where = f" in {jurisdiction}" if jurisdiction else ""
    title = f"Executions by year{where} since 1977"
    if main is None:
        return Chart("executions-by-year", title, "No execution data is loaded.", [], [], {}, [])
    years = _execution_years(main, jurisdiction)
    compare = _execution_years(other, jurisdiction) if other else {}
    assert main.last_date is not None
    last = main.last_date.year
    recent = [
        r
        for r in reference("executions_recent_by_year.csv")
        if r["year"].isdigit()
        and int(r["year"]) > last
        and r["jurisdiction"] == (jurisdiction or "United States (all)")
        and "projected" not in r["value_qualifier"]
    ]
    later = {int(r["year"]): r for r in recent}
    data, rows = [], []
    for year in range(1977, max([last, *later]) + 1):
        if year <= last:
            state, federal = years.get(year, {}).get(False, 0), years.get(year, {}).get(True, 0)
            data += [
                {"year": str(year), "n": state, "kind": STATE},
                {"year": str(year), "n": federal, "kind": FEDERAL_MARKED},
            ]
            other_total: Any = None
            if other is not None and other.first_date and other.last_date and other.last_date.year >= year:
                counted = sum(compare.get(year, {}).values())
                # The other source's last year is partial (the DPIC export ends in February 2019).
                other_total = counted if other.last_date.year > year or other.last_date.month == 12 else None
            rows.append([year, state, federal, state + federal, other_total, None])
        elif year in later:
            value = int(later[year]["executions"])
            data.append({"year": str(year), "n": value, "kind": "Year-end report (no state detail)"})
            rows.append([year, None, None, None, None, value])
        else:
            rows.append([year, None, None, None, None, None])
    colours = {STATE: BLUE, FEDERAL_MARKED: ORANGE, "Year-end report (no state detail)": GREY}
    federal_years = [(r[0], r[2]) for r in rows if r[2]]
    marked = "; ".join(f"{y}: {n}" for y, n in federal_years) or "none"
    disagreements = [r for r in rows if r[4] is not None and r[3] is not None and r[4] != r[3]]
    notes = [
        f"Federal executions (orange): {marked}. The federal government executed 13 people between July 2020 "
        "and January 2021, after 17 years without a federal execution."
        if not jurisdiction or jurisdiction == FEDERAL
        else f"Federal executions in the record: {marked}."
    ]
    if disagreements:
        notes.append(
            f"The two sources count {len(disagreements)} year{'s' if len(disagreements) != 1 else ''} "
            "differently; the table gives both figures."
        )
    if later:
        notes.append(
            f"After {last} only national totals from year-end reports are available (no state detail); "
            "years without a figure are gaps, not zero."
        )
    other_name = other.title if other else "the other source"
    columns = [
        "Year",
        "State executions",
        "Federal executions",
        f"Total ({main.title})",
        f"Total ({other_name})",
        "Year-end report total",
    ]
    sources = [dataset_note(main)] + ([dataset_note(other)] if other else []) + _unique_sources(recent)
    description = (
        f"Bar chart of executions{where} each year from 1977 to {max([last, *later])}, state and federal "
        f"stacked; {sum(r[3] or 0 for r in rows):,} executions in {main.title}. Federal executions: "
        f"{marked}."
    )
    chart_spec = bar_spec(
        data,
        x="year",
        y="n",
        x_title="Year",
        y_title="Executions",
        title=title,
        colour="kind",
        colours=colours,
    )
    return Chart("executions-by-year", title, description, columns, rows, chart_spec, sources, notes)


def executions_by_state() -> Chart:
    main, _ = execution_datasets()
    title = "Executions by state since 1977"
    if main is None:
        return Chart("executions-by-state", title, "No execution data is loaded.", [], [], {}, [])
    counts = list(
        Execution.objects.filter(dataset=main)
        .values("jurisdiction")
        .annotate(n=Count("id"))
        .order_by("-n", "jurisdiction")
    )
    rows = [[c["jurisdiction"], c["n"]] for c in counts]
    data = [
        {
            "place": c["jurisdiction"],
            "n": c["n"],
            "kind": FEDERAL_MARKED if c["jurisdiction"] == FEDERAL else STATE,
        }
        for c in counts
    ]
    top = ", ".join(f"{r[0]} {r[1]:,}" for r in rows[:3])
    assert main.first_date and main.last_date
    description = (
        f"Horizontal bar chart of executions by jurisdiction from {main.first_date.year} to "
        f"{main.last_date.year}; most: {top}."
    )
    chart_spec = bar_spec(
        data,
        x="place",
        y="n",
        x_title="Jurisdiction",
        y_title="Executions",
        title=title,
        horizontal=True,
        sort="-x",
        colour="kind",
        colours={STATE: BLUE, FEDERAL_MARKED: ORANGE},
    )
    return Chart(
        "executions-by-state",
        title,
        description,
        ["Jurisdiction", "Executions"],
        rows,
        chart_spec,
        [dataset_note(main)],
        [f"Counts run from {main.first_date.isoformat()} to {main.last_date.isoformat()}."],
    )


def death_row_by_state() -> Chart:
    found = reference("death_row_population_2023_2024.csv")
    by_place: dict[str, dict[str, int]] = defaultdict(dict)
    for r in found:
        by_place[r["jurisdiction"]][r["year"]] = int(r["death_row_population"])
    places = [p for p in by_place if not p.lower().startswith(("total", "united states"))]
    places.sort(key=lambda p: -by_place[p].get("2024", -1))
    rows = [[p, by_place[p].get("2023"), by_place[p].get("2024")] for p in places]
    data = [{"place": p, "n": by_place[p].get("2024")} for p in places if by_place[p].get("2024")]
    totals = [p for p in by_place if p.lower().startswith(("total", "united states"))]
    title = "Death-row population by jurisdiction, October 1, 2024"
    description = (
        f"Horizontal bar chart of people on death row in {len(data)} jurisdictions on October 1, 2024; "
        f"largest: {', '.join(f'{r[0]} {r[2]:,}' for r in rows[:3] if r[2] is not None)}."
    )
    notes = [
        "October 1 of each year; the 2024 figures predate the federal commutation of 37 sentences "
        "(December 23, 2024) and North Carolina's of 15 (December 31, 2024)."
    ]
    for total in totals:
        notes.append(
            f"{total}: {by_place[total].get('2023', 'no figure')} in 2023, "
            f"{by_place[total].get('2024', 'no figure')} in 2024 (people sentenced in several states "
            "counted once)."
        )
    chart_spec = bar_spec(
        data,
        x="place",
        y="n",
        x_title="Jurisdiction",
        y_title="People on death row",
        title=title,
        horizontal=True,
        sort="-x",
    )
    return Chart(
        "death-row-by-state",
        title,
        description,
        ["Jurisdiction", "October 1, 2023", "October 1, 2024"],
        rows,
        chart_spec,
        _unique_sources(list(found)),
        notes,
    )


def capital_clemency_by_state() -> Chart:
    found = reference("dpic_capital_clemency_by_state.csv")
    snapshots: dict[str, dict[str, int]] = defaultdict(dict)
    order: list[str] = []
    for r in found:
        letter = r["snapshot"][:1]
        if letter not in order:
            order.append(letter)
        snapshots[letter][r["jurisdiction"]] = int(r["clemencies_since_1976"])
    main = snapshots[order[0]]
    places = sorted((p for p in main if p.upper() != "TOTAL"), key=lambda p: (-main[p], p))
    rows = []
    for place in places:
        others = [
            f"{snapshots[s][place]} (DPIC snapshot {s})"
            for s in order[1:]
            if place in snapshots[s] and snapshots[s][place] != main[place]
        ]
        rows.append([place, main[place], "; ".join(others) or None])
    data = [{"place": p, "n": main[p]} for p in places]
    title = "Capital clemency grants by jurisdiction since 1976"
    description = (
        f"Horizontal bar chart of death sentences commuted by clemency since 1976 in {len(places)} "
        f"jurisdictions (DPIC's table); most: {', '.join(f'{p} {main[p]}' for p in places[:3])}."
    )
    notes = [
        "DPIC snapshot A predates the federal commutations of December 23, 2024 (37) and North Carolina's "
        "of December 31, 2024 (15). Where other DPIC snapshots give a different figure, both are shown."
    ]
    if "TOTAL" in {p.upper() for p in main}:
        total = next(v for p, v in main.items() if p.upper() == "TOTAL")
        notes.append(f"Total as printed by DPIC: {total}.")
    chart_spec = bar_spec(
        data,
        x="place",
        y="n",
        x_title="Jurisdiction",
        y_title="Grants since 1976",
        title=title,
        horizontal=True,
        sort="-x",
    )
    return Chart(
        "capital-clemency-by-state",
        title,
        description,
        ["Jurisdiction", "Grants (DPIC snapshot A)", "Other snapshots that differ"],
        rows,
        chart_spec,
        _unique_sources(list(found)),
        notes,
    )


# (year, state) -> the number of people in a grant the list records as one row, and where it was read.
MASS_GRANT_PEOPLE = {
    ("2003", "IL"): (167, "the row's own note: 167 taken off death row"),
    ("2024", "Federal"): (37, "37 commutations (DPIC and news; see the federal actions file)"),
    ("2024", "NC"): (15, "15 commutations (DPIC year-end report)"),
}
# DPIC's list was readable through entry 16 (1989); later years hold only the grants verified elsewhere.
LIST_COMPLETE_THROUGH = 1988


def capital_clemency_by_year() -> Chart:
    found = reference("dpic_capital_clemency_grants.csv")
    known: Counter[int] = Counter()
    unknown: set[int] = set()
    for r in found:
        year = int(r["year"])
        if r["grant_type"] in ("mass", "mass (blanket)"):  # one row for many people
            people = MASS_GRANT_PEOPLE.get((r["year"], r["state"]))
            if people:
                known[year] += people[0]
            else:
                unknown.add(year)
        else:
            known[year] += 1
    last = max(int(r["year"]) for r in found)
    rows: list[list[Any]] = []
    data = []
    for year in range(1977, last + 1):
        complete = year <= LIST_COMPLETE_THROUGH
        if complete:
            rows.append([year, known[year], "complete (DPIC list)"])
            data.append({"year": str(year), "n": known[year], "kind": "Complete (DPIC's list)"})
        elif known[year] or year in unknown:
            note = "partial: grants verified elsewhere"
            if year in unknown:
                note += "; a blanket grant whose number was not read"
            rows.append([year, known[year] or None, note])
            if known[year]:
                data.append({"year": str(year), "n": known[year], "kind": "At least (partial record)"})
        else:
            rows.append([year, None, "no figure (the rest of DPIC's list could not be read)"])
    title = "Capital clemency grants by year since 1977"
    description = (
        f"Bar chart of people granted capital clemency each year; complete from 1977 to "
        f"{LIST_COMPLETE_THROUGH} ({sum(known[y] for y in range(1977, LIST_COMPLETE_THROUGH + 1))} people), "
        "partial after that: years without a figure are gaps in the record, not years without grants."
    )
    notes = [
        f"From {LIST_COMPLETE_THROUGH + 1} the record holds only grants verified outside DPIC's list; "
        "the bars are lower bounds and the empty years are unknown. Blanket grants whose number was not read "
        f"({', '.join(str(y) for y in sorted(unknown))}) are named in the table."
    ]
    chart_spec = bar_spec(
        data,
        x="year",
        y="n",
        x_title="Year",
        y_title="People granted clemency",
        title=title,
        colour="kind",
        colours={"Complete (DPIC's list)": BLUE, "At least (partial record)": GREY},
    )
    return Chart(
        "capital-clemency-by-year",
        title,
        description,
        ["Year", "People granted", "Completeness"],
        rows,
        chart_spec,
        _unique_sources(list(found)),
        notes,
    )


# ---------------------------------------------------------------------------------------------- exonerations


@dataclass(frozen=True)
class ExonerationFilter:
    jurisdiction: str = ""
    crime: str = ""

    def apply(self, dataset: Dataset) -> Any:
        query = Exoneration.objects.filter(dataset=dataset)
        if self.jurisdiction:
            query = query.filter(jurisdiction=self.jurisdiction)
        if self.crime:
            query = query.filter(worst_crime=self.crime)
        return query

    def words(self) -> str:
        parts = [
            f"in {self.jurisdiction}" if self.jurisdiction else "",
            f"for {self.crime}" if self.crime else "",
        ]
        return " ".join(p for p in parts if p)


def exoneration_choices() -> tuple[list[str], list[str]]:
    dataset = newest(Source.NRE_EXONERATIONS)
    if dataset is None:
        return [], []
    base = Exoneration.objects.filter(dataset=dataset)
    places = sorted(set(base.values_list("jurisdiction", flat=True).distinct()))
    crimes = sorted(set(base.values_list("worst_crime", flat=True).distinct()))
    return places, crimes


def exonerations_by_year(chosen: ExonerationFilter) -> Chart:
    dataset = newest(Source.NRE_EXONERATIONS)
    where = chosen.words()
    title = f"Exonerations by year{' ' + where if where else ''}"
    if dataset is None:
        return Chart("exonerations-by-year", title, "No exoneration data is loaded.", [], [], {}, [])
    counts = dict(chosen.apply(dataset).values_list("year").annotate(n=Count("id")).order_by())
    assert dataset.first_date and dataset.last_date
    first, last = min([*counts, dataset.last_date.year]), dataset.last_date.year
    rows: list[list[Any]] = [[year, counts.get(year, 0)] for year in range(first, last + 1)]
    data = [{"year": str(r[0]), "n": r[1]} for r in rows]
    total = sum(counts.values())
    description = (
        f"Bar chart of {total:,} exonerations{' ' + where if where else ''} by year of exoneration, "
        f"{first} to {last}."
    )
    notes = [f"{last} is counted to the spreadsheet's date ({dataset.title}); it is a partial year."]
    chart_spec = bar_spec(
        data, x="year", y="n", x_title="Year of exoneration", y_title="Exonerations", title=title
    )
    return Chart(
        "exonerations-by-year",
        title,
        description,
        ["Year", "Exonerations"],
        rows,
        chart_spec,
        [dataset_note(dataset)],
        notes,
    )


def exonerations_by_factor(chosen: ExonerationFilter) -> Chart:
    dataset = newest(Source.NRE_EXONERATIONS)
    where = chosen.words()
    title = f"Exonerations by contributing factor{' ' + where if where else ''}"
    if dataset is None:
        return Chart("exonerations-by-factor", title, "No exoneration data is loaded.", [], [], {}, [])
    aggregates = {name: Count("id", filter=Q(**{name: True})) for name in FACTOR_LABELS}
    counted = chosen.apply(dataset).aggregate(total=Count("id"), **aggregates)
    total = counted.pop("total")
    rows = [
        [FACTOR_LABELS[name], n, round(100 * n / total, 1) if total else None]
        for name, n in sorted(counted.items(), key=lambda item: -item[1])
    ]
    data = [{"factor": r[0], "n": r[1]} for r in rows]
    shares = "; ".join(f"{r[0]} {r[1]:,} ({r[2]}%)" for r in rows if r[2] is not None)
    description = (
        f"Horizontal bar chart of the {total:,} exonerations{' ' + where if where else ''} by contributing "
        f"factor (an exoneration may have several): {shares}."
    )
    notes = [
        "A case may rest on several factors, so the shares add up to more than 100%. The share is of all "
        f"{total:,} exonerations shown."
    ]
    chart_spec = bar_spec(
        data,
        x="factor",
        y="n",
        x_title="Contributing factor",
        y_title="Exonerations",
        title=title,
        horizontal=True,
        sort="-x",
    )
    return Chart(
        "exonerations-by-factor",
        title,
        description,
        ["Contributing factor", "Exonerations", "Share of exonerations (%)"],
        rows,
        chart_spec,
        [dataset_note(dataset)],
        notes,
    )


# ---------------------------------------------------------------------------------------------- state grants


def wisconsin_pardons() -> Chart:
    found = [r for r in reference("state_clemency_grants.csv") if r["state"] == "Wisconsin"]
    evers = [r for r in found if "Evers" in r["official"]]
    rows = [[r["date_or_period"], int(r["value"]), r["value_basis"], r["source_kind"]] for r in evers]
    dated = [
        r for r in evers if r["date_or_period"][:10].count("-") == 2 and r["date_or_period"][:4].isdigit()
    ]
    data = [{"when": r["date_or_period"][:10], "n": int(r["value"])} for r in dated]
    title = "Wisconsin: pardons granted by Gov. Tony Evers since 2019 (running total)"
    latest = rows[-1] if rows else None
    description = (
        f"Line chart of Gov. Evers' running total of pardons at {len(data)} dated announcements, from "
        f"{data[0]['n']} on {data[0]['when']} to {data[-1]['n']:,} on {data[-1]['when']}"
        + (f"; the latest figure found is {latest[1]:,} ({latest[0]})." if latest else ".")
        if data
        else "No dated figures."
    )
    notes = [
        "Per-year counts cannot be derived exactly (no year-end totals were found); no total for 2024-2025 "
        "was found. Earlier governors: "
        + "; ".join(
            f"{r['official']} {int(r['value']):,} ({r['date_or_period']})"
            for r in found
            if "Evers" not in r["official"]
        )
        + "."
    ]
    chart_spec = spec(
        data,
        {"type": "line", "point": True, "color": BLUE},
        {
            "x": {"field": "when", "type": "temporal", "title": "Date announced"},
            "y": {"field": "n", "type": "quantitative", "title": "Pardons to date"},
        },
        title=title,
    )
    return Chart(
        "wisconsin-pardons",
        title,
        description,
        ["Date or period", "Pardons to date", "Basis", "Source kind"],
        rows,
        chart_spec,
        _unique_sources(found),
        notes,
    )


PENNSYLVANIA_METRICS = [
    ("applications_received", "Applications received"),
    ("total_applications_recommended_to_governor", "Recommended to the Governor"),
    ("total_applications_granted_by_governor", "Granted by the Governor"),
]


def pennsylvania_grants() -> Chart:
    found = [
        r
        for r in reference("state_clemency_grants.csv")
        if r["state"] == "Pennsylvania" and r["value_basis"] == "calendar year"
    ]
    periods = list(dict.fromkeys(r["date_or_period"] for r in found))
    value = {(r["date_or_period"], r["metric"]): int(r["value"]) for r in found if r["value"]}
    rows = [
        [period, *[value.get((period, metric)) for metric, _ in PENNSYLVANIA_METRICS]] for period in periods
    ]
    data = [
        {"period": period, "stage": label, "n": value.get((period, metric))}
        for period in periods
        for metric, label in PENNSYLVANIA_METRICS
    ]
    title = "Pennsylvania: clemency applications and grants by year (Board of Pardons)"
    description = (
        "Grouped bar chart of Pennsylvania's clemency applications received, recommended and granted: "
        + "; ".join(
            f"{r[0]}: {r[1]:,} received, {r[3]:,} granted"
            for r in rows
            if r[1] is not None and r[3] is not None
        )
        + "."
    )
    chart_spec = spec(
        [d for d in data if d["n"] is not None],
        {"type": "bar"},
        {
            "x": {"field": "period", "type": "ordinal", "title": "Year", "axis": {"labelAngle": 0}},
            "xOffset": {"field": "stage", "sort": [label for _, label in PENNSYLVANIA_METRICS]},
            "y": {"field": "n", "type": "quantitative", "title": "Applications"},
            "color": {
                "field": "stage",
                "type": "nominal",
                "title": None,
                "sort": [label for _, label in PENNSYLVANIA_METRICS],
                "scale": {"range": [GREY, BLUE, ORANGE]},
            },
        },
        title=title,
    )
    return Chart(
        "pennsylvania-grants",
        title,
        description,
        ["Year", *[label for _, label in PENNSYLVANIA_METRICS]],
        rows,
        chart_spec,
        _unique_sources(found),
        [
            "The Board's page ran the 2023 and 2024 figures together; they were split only where its own "
            "arithmetic forces one split (see the source note). 2025 runs to December 5, 2025."
        ],
    )


def other_state_grants() -> list[dict[str, str]]:
    """Every other state figure, as a table with its source (too few and too mixed to chart)."""
    return [
        r
        for r in reference("state_clemency_grants.csv")
        if not (r["state"] == "Pennsylvania" and r["value_basis"] == "calendar year")
        and not (r["state"] == "Wisconsin" and "Evers" in r["official"])
    ]
