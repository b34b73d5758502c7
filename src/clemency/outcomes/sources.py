"""Readers for the public record in the formats its publishers use (no Django here).

Each reader takes the bytes of a published export and returns the rows in the project's own shape
plus a list of every bad cell (row, column, value, why). A reader never guesses: a date it cannot
read is a bad cell, not a blank; a factor column holding anything but its own code is a bad cell.

The published formats:

- the Death Penalty Information Center's execution database export (`Date` as MM/DD/YYYY, `State`
  as a two-letter code or `FE` for federal, `Federal` as Yes/No, one row per execution);
- the UCLA Law COVID Behind Bars copy of DPIC's executions (`State` as a name, `Death.Date` as
  YYYY-MM-DD, `Circumstance.General` = Execution);
- the National Registry of Exonerations public spreadsheet (`State` as a name or `Fed-XX`,
  `Date of Exoneration` as M/D/YYYY, one column per contributing factor holding its code or blank;
  exported by the Registry in Windows-1252 with years written "1,991").
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

STATE_NAMES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
}
FEDERAL = "Federal"
_NAMES = set(STATE_NAMES.values())

# The Registry's contributing-factor columns: (column, the code it holds when the factor is present, field).
NRE_FACTORS = [
    ("FC", "FC", "false_confession"),
    ("DNA", "DNA", "dna"),
    ("OM", "OM", "official_misconduct"),
    ("MWID", "MWID", "mistaken_identification"),
    ("P/FA", "P/FA", "perjury_or_false_accusation"),
    ("F/MFE", "F/MFE", "false_or_misleading_forensic_evidence"),
    ("ILD", "ILD", "inadequate_legal_defense"),
]
FACTOR_LABELS = {
    "false_confession": "False confession",
    "dna": "DNA evidence",
    "official_misconduct": "Official misconduct",
    "mistaken_identification": "Mistaken witness identification",
    "perjury_or_false_accusation": "Perjury or false accusation",
    "false_or_misleading_forensic_evidence": "False or misleading forensic evidence",
    "inadequate_legal_defense": "Inadequate legal defense",
}


@dataclass(frozen=True)
class BadCell:
    row: int  # the line of the file, counting the header as line 1
    column: str
    value: str
    why: str

    def __str__(self) -> str:
        return f"line {self.row}, column {self.column!r}, value {self.value!r}: {self.why}"


@dataclass
class Parsed:
    rows: list[dict[str, Any]] = field(default_factory=list)
    bad_cells: list[BadCell] = field(default_factory=list)
    bad_rows: set[int] = field(default_factory=set)
    file_error: str = ""
    encoding: str = "UTF-8"

    def bad(self, row: int, column: str, value: str, why: str) -> None:
        self.bad_cells.append(BadCell(row, column, value, why))
        self.bad_rows.add(row)


def decode(data: bytes, parsed: Parsed) -> str | None:
    """UTF-8 (with or without a byte-order mark); the Registry's Windows-1252 export is named as such."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        parsed.file_error = f"The file is neither UTF-8 nor Windows-1252 text (byte {error.start})."
        return None
    parsed.encoding = "Windows-1252"
    return text


def _records(data: bytes, required: list[str], parsed: Parsed) -> Iterator[tuple[int, dict[str, str]]]:
    text = decode(data, parsed)
    if text is None:
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in required if name not in header]
    if missing:
        parsed.file_error = (
            f"The header lacks the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(m) for m in missing)}; found {', '.join(repr(h) for h in header) or 'nothing'}."
        )
        return
    reader.fieldnames = header
    for record in reader:
        if None in record:
            parsed.bad(
                reader.line_num, "(row)", ",".join(record[None] or []), "more cells than the header has"
            )
        yield (
            reader.line_num,
            {key: (value or "").strip() for key, value in record.items() if key is not None},
        )


def _date(text: str, formats: tuple[str, ...]) -> datetime.date | None:
    for pattern in formats:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _cell_date(
    parsed: Parsed, line: int, column: str, text: str, formats: tuple[str, ...], *, required: bool, shown: str
) -> datetime.date | None:
    if not text:
        if required:
            parsed.bad(line, column, text, "empty: the date is required")
        return None
    value = _date(text, formats)
    if value is None:
        parsed.bad(line, column, text, f"not a date written {shown}")
    elif value > datetime.date(2100, 1, 1) or value < datetime.date(1900, 1, 1):
        parsed.bad(line, column, text, "outside 1900-2100")
        return None
    return value


def read_dpic_export(data: bytes) -> Parsed:
    """DPIC's execution database export: one execution a row."""
    parsed = Parsed()
    for line, record in _records(data, ["Date", "State", "Federal"], parsed):
        executed_on = _cell_date(
            parsed, line, "Date", record["Date"], ("%m/%d/%Y",), required=True, shown="MM/DD/YYYY"
        )
        code, federal_text = record["State"].upper(), record["Federal"]
        if federal_text not in ("Yes", "No"):
            parsed.bad(line, "Federal", federal_text, "expected Yes or No")
        federal = federal_text == "Yes" or code == "FE"
        if code == "FE":
            jurisdiction = FEDERAL
        elif code in STATE_NAMES:
            jurisdiction = STATE_NAMES[code]
        else:
            parsed.bad(line, "State", record["State"], "not a two-letter state code or FE (federal)")
            jurisdiction = ""
        if code == "FE" and federal_text == "No":
            parsed.bad(line, "Federal", federal_text, "the state is FE (federal) but Federal says No")
        if line not in parsed.bad_rows and executed_on is not None:
            parsed.rows.append(
                {
                    "executed_on": executed_on,
                    "jurisdiction": FEDERAL if federal else jurisdiction,
                    "federal": federal,
                }
            )
    return parsed


def read_ucla_executions(data: bytes, *, federal: bool) -> Parsed:
    """The UCLA Law COVID Behind Bars copy of DPIC's executions (state file or federal file)."""
    parsed = Parsed()
    for line, record in _records(data, ["State", "Year", "Death.Date", "Circumstance.General"], parsed):
        executed_on = _cell_date(
            parsed, line, "Death.Date", record["Death.Date"], ("%Y-%m-%d",), required=True, shown="YYYY-MM-DD"
        )
        if record["Circumstance.General"] != "Execution":
            parsed.bad(line, "Circumstance.General", record["Circumstance.General"], "expected Execution")
        if executed_on is not None and record["Year"] != str(executed_on.year):
            parsed.bad(line, "Year", record["Year"], f"the date {executed_on.isoformat()} is in another year")
        state = record["State"]
        if state not in _NAMES:
            parsed.bad(line, "State", state, "not a state's name")
        if line not in parsed.bad_rows and executed_on is not None:
            parsed.rows.append(
                {
                    "executed_on": executed_on,
                    "jurisdiction": FEDERAL if federal else state,
                    "federal": federal,
                }
            )
    return parsed


def _year(parsed: Parsed, line: int, column: str, text: str) -> int | None:
    """The Registry writes years with a thousands separator ("1,991")."""
    if not text:
        return None
    digits = text.replace(",", "")
    if not digits.isdigit() or not 1800 <= int(digits) <= 2100:
        parsed.bad(line, column, text, "not a year")
        return None
    return int(digits)


def _nre_jurisdiction(parsed: Parsed, line: int, text: str) -> tuple[str, bool]:
    if text.startswith("Fed-"):
        rest = text[4:]
        if rest == "Military":
            return "Federal (military)", True
        if rest in STATE_NAMES:
            return f"Federal ({STATE_NAMES[rest]})", True
        parsed.bad(line, "State", text, "Fed- must be followed by a state code or Military")
        return "", True
    if text not in _NAMES:
        parsed.bad(line, "State", text, "not a state's name")
    return text, False


def read_nre_spreadsheet(data: bytes) -> Parsed:
    """The National Registry of Exonerations' public spreadsheet: one exoneration a row."""
    parsed = Parsed()
    required = [
        "State",
        "Worst Crime Display",
        "Date of Exoneration",
        "Date of Crime Year",
        *[column for column, _, _ in NRE_FACTORS],
    ]
    for line, record in _records(data, required, parsed):
        exonerated_on = _cell_date(
            parsed,
            line,
            "Date of Exoneration",
            record["Date of Exoneration"],
            ("%m/%d/%Y",),
            required=True,
            shown="M/D/YYYY",
        )
        jurisdiction, federal = _nre_jurisdiction(parsed, line, record["State"])
        crime = record["Worst Crime Display"]
        if not crime:
            parsed.bad(line, "Worst Crime Display", crime, "empty: the crime is required")
        factors: dict[str, bool] = {}
        for column, code, name in NRE_FACTORS:
            value = record[column]
            if value not in ("", code):
                parsed.bad(line, column, value, f"expected {code} or blank")
            factors[name] = value == code
        crime_year = _year(parsed, line, "Date of Crime Year", record["Date of Crime Year"])
        if line not in parsed.bad_rows and exonerated_on is not None:
            parsed.rows.append(
                {
                    "jurisdiction": jurisdiction,
                    "federal": federal,
                    "worst_crime": crime,
                    "exonerated_on": exonerated_on,
                    "crime_year": crime_year,
                    **factors,
                }
            )
    return parsed


@dataclass(frozen=True)
class SourceFormat:
    """One published format `clemency data import` reads, and what it fills."""

    key: str
    title: str
    reader: Callable[[bytes], Parsed]
    table: str  # "executions" or "exonerations"


FORMATS = {
    "dpic-executions": SourceFormat(
        "dpic-executions", "DPIC execution database export", read_dpic_export, "executions"
    ),
    "nre-exonerations": SourceFormat(
        "nre-exonerations",
        "National Registry of Exonerations spreadsheet",
        read_nre_spreadsheet,
        "exonerations",
    ),
}
