"""The public record's figures, checked against the published source files."""

from __future__ import annotations

import csv

from clemency.outcomes import federal, public
from clemency.outcomes.charts import neutralise, table_csv

from .conftest import published


def _federal_executions_by_year() -> dict[int, int]:
    with published("ucla_dpic_federal_executions_2001-2021.csv").open(encoding="utf-8") as handle:
        years = [int(row["Year"]) for row in csv.DictReader(handle)]
    return {year: years.count(year) for year in set(years)}


def test_federal_executions_of_2020_and_2021_match_the_source_file(public_record):
    expected = _federal_executions_by_year()
    assert (expected[2020], expected[2021]) == (10, 3)
    chart = public.executions_by_year()
    by_year = {row[0]: row for row in chart.rows}
    assert by_year[2020][2] == expected[2020] and by_year[2021][2] == expected[2021]
    assert "2020: 10; 2021: 3" in chart.description


def test_the_share_of_exonerations_with_a_false_confession_matches_the_spreadsheet(public_record):
    with published("nre_publicspreadsheet_may2024.csv").open(encoding="cp1252") as handle:
        rows = list(csv.DictReader(handle))
    share = round(100 * sum(row["FC"] == "FC" for row in rows) / len(rows), 1)
    chart = public.exonerations_by_factor(public.ExonerationFilter())
    found = {row[0]: row for row in chart.rows}
    assert found["False confession"][1:] == [441, share] and share == 12.6


def test_exonerations_filter_by_state_and_crime(public_record):
    with published("nre_publicspreadsheet_may2024.csv").open(encoding="cp1252") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if r["State"] == "Illinois" and r["Worst Crime Display"] == "Murder"
        ]
    chart = public.exonerations_by_year(public.ExonerationFilter("Illinois", "Murder"))
    assert sum(row[1] for row in chart.rows) == len(rows)
    assert chart.title == "Exonerations by year in Illinois for Murder"


def test_executions_after_the_record_are_gaps_or_year_end_totals_never_zero(public_record):
    rows = {row[0]: row for row in public.executions_by_year().rows}
    assert rows[2022][3] is not None
    assert rows[2023][3] is None and rows[2023][5] == 24  # national total from the year-end report
    assert "Year-end report total" in public.executions_by_year().columns[5]


def test_the_two_execution_sources_are_both_shown_where_they_count_a_year(public_record):
    chart = public.executions_by_year()
    rows = {row[0]: row for row in chart.rows}
    assert rows[2018][4] is not None  # the DPIC export's own count beside the UCLA copy's
    assert rows[2019][4] is None  # the export ends in February 2019: a partial year is not a figure


def test_capital_clemency_years_after_the_readable_list_are_unknown_not_zero(public_record):
    rows = {row[0]: row for row in public.capital_clemency_by_year().rows}
    assert rows[1978][1] == 0 and rows[1978][2].startswith("complete")
    assert rows[1995][1] is None and "could not be read" in rows[1995][2]
    assert rows[2003][1] == 167


def test_where_sources_disagree_both_figures_and_both_sources_are_shown():
    chart, disputes = federal.by_president()
    roosevelt = next(row for row in chart.rows if row[0] == "Franklin D. Roosevelt")
    assert roosevelt[4] == "3,687 or 3,796"
    figures = {(row[2], row[4]) for row in disputes if row[0] == "Franklin D. Roosevelt"}
    assert {value for value, _ in figures} == {3687, 3796}


def test_grant_rate_and_last_year_share_of_recent_presidents():
    chart, _ = federal.by_president()
    biden = next(row for row in chart.rows if row[0] == "Joseph R. Biden Jr.")
    assert biden[5] == 14867 and biden[6] == 28.6 and biden[7] == 29 and biden[8] == 96
    shares = {row[0]: row[2] for row in federal.last_year_share().rows}
    assert shares["Donald J. Trump"] == 84 and shares["William McKinley"] is None


def test_proclamations_are_marked_outside_the_pardon_attorneys_statistics():
    chart = federal.actions_timeline()
    proclamations = [row for row in chart.rows if row[2].startswith("categorical")]
    assert len(proclamations) == 3
    assert all(row[7] == "no - outside the Pardon Attorney's statistics" for row in proclamations)


def test_wisconsin_pardons_since_2019_are_charted_with_their_source_kind():
    chart = public.wisconsin_pardons()
    assert chart.rows[0][1] == 4 and chart.rows[-1][1] == 1111
    assert {source.kind for source in chart.sources} == {"secondary"}


def test_a_chart_is_svg_from_the_library_with_no_script():
    chart = federal.last_year_share()
    assert chart.svg.startswith("<svg") and "<script" not in chart.svg
    assert chart.image_src.startswith("data:image/svg+xml;base64,")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")' and neutralise("-1+2") == "'-1+2"
    assert neutralise(-3) == "-3" and neutralise(None) == "" and neutralise(True) == "yes"
    assert table_csv(["Name", "n"], [["@cmd", None]]) == "Name,n\r\n'@cmd,\r\n"
