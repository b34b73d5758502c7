"""The team's own results: petitions by pathway, decision maker and outcome; grant rates against the
public baseline; time to decision; open petitions by age; deadlines met and missed.

Every petition figure comes from one GROUP BY (`petition_groups`) over the petitions the user may see,
narrowed by the shared filter set; the views keep its result in the cache per teams and filters until a
petition changes (`clemency.outcomes.summary`). Deadlines are one aggregate query on their own indexes.

The decision maker is the petition's deciding office in the advocacy app's directory where one is set,
and otherwise the deciding authority as the team wrote it (`decision_maker_of()`).
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from clemency.deadlines.models import Deadline
from clemency.outcomes.charts import BLUE, GREEN, GREY, ORANGE, RED, Chart, SourceNote, bar_spec, spec
from clemency.outcomes.federal import presidents
from clemency.outcomes.public import _row_source, reference
from clemency.petitions.models import Petition, PetitionStatus

# Colours of the statuses the team sees most; any other status (a later one too) is drawn in grey.
STATUS_COLOURS = {
    PetitionStatus.DRAFT.value: GREY,
    PetitionStatus.FILED.value: BLUE,
    PetitionStatus.UNDER_REVIEW.value: "#6b4fa0",
    PetitionStatus.GRANTED.value: GREEN,
    PetitionStatus.DENIED.value: RED,
    PetitionStatus.WITHDRAWN.value: ORANGE,
}
OPEN = (PetitionStatus.FILED, PetitionStatus.UNDER_REVIEW)
AGE_BUCKETS = [
    (0, 89, "Under 90 days"),
    (90, 179, "90 to 179 days"),
    (180, 364, "180 to 364 days"),
    (365, 729, "1 to 2 years"),
    (730, None, "2 years or more"),
]


MAKER_FIELDS = ("deciding_office__name", "deciding_authority")


def decision_maker_of(row: Any) -> str:
    return str(row.get("deciding_office__name") or row["deciding_authority"]).strip() or "Not recorded"


GROUP_FIELDS = ("pathway", *MAKER_FIELDS, "deciding_office__jurisdiction", "status", "filed_on", "decided_on")


def jurisdiction_of(row: Any) -> str:
    """The office's jurisdiction in the directory (`federal` is the pathway ids' `us`), else the pathway's."""
    office = row.get("deciding_office__jurisdiction")
    if office:
        return {"federal": "us", "dc": "us-dc"}.get(office, str(office))
    return str(row["pathway"]).split(".", 1)[0]


def petition_groups(petitions: QuerySet[Petition]) -> list[dict[str, Any]]:
    """The one query behind every petition chart: petitions counted by pathway, decision maker, status,
    filing date and decision date (at most a few thousand groups for tens of thousands of petitions)."""
    return list(petitions.values(*GROUP_FIELDS).annotate(n=Count("id")).order_by())


STATUS_LABELS = {str(value): str(label) for value, label in PetitionStatus.choices}


def _status_label(value: str) -> str:
    return STATUS_LABELS.get(value, value)


def by_outcome(groups: list[dict[str, Any]], field: str, key: str, title: str, heading: str) -> Chart:
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for row in groups:
        name = decision_maker_of(row) if field == "deciding_authority" else str(row[field])
        table[name][_status_label(row["status"])] = (
            table[name].get(_status_label(row["status"]), 0) + row["n"]
        )
    names = sorted(table, key=lambda n: (-sum(table[n].values()), n))
    labels = [str(label) for label in PetitionStatus.labels]
    colours = {
        str(PetitionStatus(value).label): STATUS_COLOURS.get(value, GREY) for value in PetitionStatus.values
    }
    rows: list[list[Any]] = [
        [name, *[table[name].get(label, 0) for label in labels], sum(table[name].values())] for name in names
    ]
    data = [
        {"name": name, "n": table[name][label], "outcome": label}
        for name in names
        for label in labels
        if table[name].get(label)
    ]
    total = sum(int(r[-1]) for r in rows)
    description = (
        f"Horizontal stacked bar chart of {total:,} petition{'s' if total != 1 else ''} by "
        f"{heading.lower()} and outcome: "
        + "; ".join(f"{r[0]} {r[-1]:,}" for r in rows[:5])
        + ("." if rows else "none.")
    )
    chart_spec = bar_spec(
        data,
        x="name",
        y="n",
        x_title=heading,
        y_title="Petitions",
        title=title,
        horizontal=True,
        colour="outcome",
        colours=colours,
        sort="-x",
        height=80,
    )
    return Chart(key, title, description, [heading, *labels, "Total"], rows, chart_spec, public=False)


def _baselines() -> dict[str, tuple[float, str, SourceNote]]:
    """The public grant rate for an office, where the shipped record has one, by jurisdiction id."""
    found: dict[str, tuple[float, str, SourceNote]] = {}
    recent = [p for p in presidents() if p.grant_rate() is not None]
    if recent:
        latest = recent[-1]
        rate = latest.grant_rate()
        assert rate is not None
        row = next(
            r
            for r in reference("federal_clemency_by_president.csv")
            if r["president"] == latest.name
            and r["metric"] == "petitions_received_total"
            and r["as_of"].startswith("end of")
        )
        found["us"] = (
            rate,
            f"{latest.name}, {latest.term}: {latest.grants():,} grants of "
            f"{latest.petitions_received():,} petitions",
            _row_source(row),
        )
    pennsylvania = {
        (r["date_or_period"], r["metric"]): r
        for r in reference("state_clemency_grants.csv")
        if r["state"] == "Pennsylvania" and r["value_basis"] == "calendar year"
    }
    received = pennsylvania.get(("2024", "applications_received"))
    granted = pennsylvania.get(("2024", "total_applications_granted_by_governor"))
    if received and granted:
        rate = round(100 * int(granted["value"]) / int(received["value"]), 1)
        found["us-pa"] = (
            rate,
            f"Pennsylvania, 2024: {int(granted['value']):,} granted of "
            f"{int(received['value']):,} applications received",
            _row_source(granted),
        )
    return found


def grant_rates(groups: list[dict[str, Any]]) -> Chart:
    decided = [row for row in groups if row["status"] in (PetitionStatus.GRANTED, PetitionStatus.DENIED)]
    by_maker: dict[str, dict[str, int]] = defaultdict(lambda: {"granted": 0, "denied": 0})
    places: dict[str, set[str]] = defaultdict(set)
    for row in decided:
        maker = decision_maker_of(row)
        by_maker[maker][row["status"]] += row["n"]
        places[maker].add(jurisdiction_of(row))
    baselines = _baselines()
    rows: list[list[Any]] = []
    data: list[dict[str, Any]] = []
    sources: list[SourceNote] = []
    for maker in sorted(by_maker):
        granted, denied = by_maker[maker]["granted"], by_maker[maker]["denied"]
        rate = round(100 * granted / (granted + denied), 1)
        only = next(iter(places[maker])) if len(places[maker]) == 1 else None
        baseline = baselines.get(only) if only else None
        rows.append(
            [
                maker,
                granted,
                denied,
                rate,
                baseline[0] if baseline else None,
                baseline[1] if baseline else "no public baseline in the shipped record",
            ]
        )
        data.append({"maker": maker, "rate": rate, "series": "This team"})
        if baseline:
            data.append({"maker": maker, "rate": baseline[0], "series": "Public record"})
            if baseline[2] not in sources:
                sources.append(baseline[2])
    title = "Grant rate per decision maker, against the public record"
    description = (
        "Grouped bar chart of the share of decided petitions granted, per decision maker, beside the "
        "public grant rate for that office where one exists: "
        + "; ".join(
            f"{r[0]} {r[3]}% ({r[1]} of {r[1] + r[2]})" + (f", public {r[4]}%" if r[4] is not None else "")
            for r in rows
        )
        + ("." if rows else "no decided petitions.")
    )
    chart_spec = spec(
        data,
        {"type": "bar"},
        {
            "y": {"field": "maker", "type": "nominal", "title": "Decision maker"},
            "yOffset": {"field": "series"},
            "x": {
                "field": "rate",
                "type": "quantitative",
                "title": "Granted (%)",
                "scale": {"domain": [0, 100]},
            },
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": ["This team", "Public record"], "range": [BLUE, GREY]},
            },
        },
        title=title,
        height=max(80, 40 * len(rows)),
    )
    notes = [
        "The rate is granted / (granted + denied); withdrawn, closed, moot and pending petitions are left "
        "out. A public rate is shown only where all of a decision maker's petitions are in one "
        "jurisdiction with a public figure; the public rates count petitions, not people."
    ]
    return Chart(
        "team-grant-rates",
        title,
        description,
        ["Decision maker", "Granted", "Denied", "Grant rate (%)", "Public grant rate (%)", "Public figure"],
        rows,
        chart_spec,
        sources,
        notes,
        public=False,
    )


def days_to_decision(groups: list[dict[str, Any]]) -> Chart:
    spans: dict[str, list[int]] = defaultdict(list)
    for row in groups:
        filed_on, decided_on = row["filed_on"], row["decided_on"]
        if row["status"] in (PetitionStatus.GRANTED, PetitionStatus.DENIED) and filed_on and decided_on:
            spans[decision_maker_of(row)].extend([(decided_on - filed_on).days] * row["n"])
    everyone = [d for days in spans.values() for d in days]
    rows = [[maker, len(days), int(statistics.median(days))] for maker, days in sorted(spans.items())]
    if everyone:
        rows.append(["All decision makers", len(everyone), int(statistics.median(everyone))])
    data = [{"maker": r[0], "days": r[2]} for r in rows]
    title = "Median days from filing to decision"
    description = (
        "Horizontal bar chart of the median days from filing to decision: "
        + "; ".join(f"{r[0]} {r[2]} days ({r[1]} decided)" for r in rows)
        + ("." if rows else "none yet.")
    )
    chart_spec = bar_spec(
        data,
        x="maker",
        y="days",
        x_title="Decision maker",
        y_title="Median days",
        title=title,
        horizontal=True,
        height=80,
    )
    return Chart(
        "team-days-to-decision",
        title,
        description,
        ["Decision maker", "Decided petitions", "Median days"],
        rows,
        chart_spec,
        public=False,
        notes=["Counted over granted and denied petitions with both a filing date and a decision date."],
    )


def open_by_age(groups: list[dict[str, Any]], today: datetime.date) -> Chart:
    counted: dict[str, int] = defaultdict(int)
    for row in groups:
        if row["status"] not in OPEN:
            continue
        filed_on = row["filed_on"]
        if filed_on is None or filed_on > today:
            counted["undated"] += row["n"]
            continue
        age = (today - filed_on).days
        low = next(low for low, high, _ in AGE_BUCKETS if high is None or age <= high)
        counted[f"age_{low}"] += row["n"]
    rows: list[list[Any]] = [[label, counted[f"age_{low}"]] for low, _, label in AGE_BUCKETS]
    if counted["undated"]:
        rows.append(["Filing date unknown or in the future", counted["undated"]])
    data = [{"age": r[0], "n": r[1]} for r in rows]
    title = f"Open petitions by time since filing, as of {today.isoformat()}"
    description = (
        "Bar chart of filed and under-review petitions by time since filing: "
        + "; ".join(f"{r[0]} {r[1]}" for r in rows)
        + "."
    )
    chart_spec = bar_spec(
        data,
        x="age",
        y="n",
        x_title="Time since filing",
        y_title="Open petitions",
        title=title,
        sort=[r[0] for r in rows],
    )
    return Chart(
        "team-open-by-age",
        title,
        description,
        ["Time since filing", "Open petitions"],
        rows,
        chart_spec,
        public=False,
    )


def deadlines_kept(deadlines: QuerySet[Deadline], today: datetime.date) -> Chart:
    """Met: marked done on or before its date. Missed: done late, or not done and past."""
    counted = deadlines.aggregate(
        met=Count("id", filter=Q(done=True, done_at__date__lte=F("date"))),
        late=Count("id", filter=Q(done=True, done_at__date__gt=F("date"))),
        done_unknown=Count("id", filter=Q(done=True, done_at__isnull=True)),
        missed=Count("id", filter=Q(done=False, date__lt=today)),
        upcoming=Count("id", filter=Q(done=False, date__gte=today)),
    )
    rows = [
        ["Met (done on or before the date)", counted["met"]],
        ["Done late", counted["late"]],
        ["Missed (past and not done)", counted["missed"]],
        ["Still ahead", counted["upcoming"]],
    ]
    if counted["done_unknown"]:
        rows.append(["Done, date of completion unknown", counted["done_unknown"]])
    colours = {
        rows[0][0]: GREEN,
        rows[1][0]: ORANGE,
        rows[2][0]: RED,
        rows[3][0]: BLUE,
        "Done, date of completion unknown": GREY,
    }
    data = [{"state": r[0], "n": r[1]} for r in rows]
    title = f"Deadlines met and missed, as of {today.isoformat()}"
    description = "Bar chart of deadlines: " + "; ".join(f"{r[0]} {r[1]}" for r in rows) + "."
    chart_spec = bar_spec(
        data,
        x="state",
        y="n",
        x_title="Deadline",
        y_title="Deadlines",
        title=title,
        colour="state",
        colours={r[0]: colours[r[0]] for r in rows},
        sort=[r[0] for r in rows],
    )
    return Chart(
        "team-deadlines",
        title,
        description,
        ["Deadline", "Deadlines"],
        rows,
        chart_spec,
        public=False,
        notes=["A deadline's date is compared with the day it was marked done (in the server's time zone)."],
    )


def petition_charts(groups: list[dict[str, Any]], today: datetime.date) -> list[Chart]:
    return [
        by_outcome(groups, "pathway", "team-by-pathway", "Petitions by pathway and outcome", "Pathway"),
        by_outcome(
            groups,
            "deciding_authority",
            "team-by-decision-maker",
            "Petitions by decision maker and outcome",
            "Decision maker",
        ),
        grant_rates(groups),
        days_to_decision(groups),
        open_by_age(groups, today),
    ]
