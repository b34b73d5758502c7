"""Import people and their cases from a CSV file, for `clemency import people-cases` and the import page.

The file is UTF-8 CSV with a header row. Columns may come in any order; only the two names are
required, every other column may be left out of the header or left empty in a row. One row is one
person, one case for them, and optionally one conviction with one charge and its sentence.

Person
  given_name*              first name(s)
  family_name*             last name
  aliases                  other names, separated by ";"
  birth_date               YYYY-MM-DD
  bop_register_number      five digits, hyphen, three digits (12345-678)
  state_doc_number         the state Department of Corrections number
  state_doc_jurisdiction   the state of that number (us-wi); required with state_doc_number
  facility                 where the person is held
  custody_status           in_custody, death_row, supervised_release, released, deceased, unknown
  legal_mail_address       the address for legal mail
Case
  case_title               a short title
  case_source              letter, referral, screening, other (default letter)
  case_priority            1 urgent, 2 high, 3 normal, 4 low (default 3)
  case_opened_on           YYYY-MM-DD
Conviction (give jurisdiction to record one)
  jurisdiction             federal, dc, or a state code such as us-wi
  court, docket_number
  offense_date, conviction_date, sentencing_date   YYYY-MM-DD, in that order
Charge (give statute to record one)
  statute                  as written, e.g. 21 U.S.C. 841(b)(1)(A)
  charge_description
  offense_category         drug, violent, sex, weapon, property, fraud, other
  charge_class             e.g. Class A felony
  charge_counts            a whole number, 1 or more (default 1)
Sentence (give sentence_type to record one)
  sentence_type            term, life, life_without_parole, death, probation
  sentence_term_days       whole days, 1 to 1,000,000; required for a term
  custody_start_date       YYYY-MM-DD
  jail_credit_days         whole days, at most 36,525
  offense_level            1 to 43, federal only
  criminal_history_points  whole number, federal only

Every row is checked before anything is written. The report names each bad cell: its row (as a
spreadsheet numbers it, the header being row 1), its column, its value, and why. Nothing is written
unless every row is good, or the caller asks to import only the good rows.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from clemency.audit.services import record_event
from clemency.cases.models import (
    Case,
    CaseSource,
    Charge,
    Conviction,
    OffenseCategory,
    Priority,
    Sentence,
    SentenceType,
)
from clemency.people.models import CustodyStatus, Person

MAX_ROWS = 20_000


def _text(value: str) -> str:
    return value


def _date(value: str) -> datetime.date:
    import calendar
    import re

    shaped = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        if shaped is None:
            raise ValueError("not a date in YYYY-MM-DD form") from None
    # In the right form but not on the calendar: say which part is wrong.
    year, month, day = (int(part) for part in shaped.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{value} is not a date that exists: there is no month {month}")
    length = calendar.monthrange(year, month)[1]
    raise ValueError(
        f"{value} is not a date that exists: {calendar.month_name[month]} {year} has {length} days")


def _whole(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError("not a whole number") from None


def _choice(choices: Any) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in choices.values:
            raise ValueError(f"not one of {', '.join(str(v) for v in choices.values)}")
        return value

    return parse


def _aliases(value: str) -> list[str]:
    return [name.strip() for name in value.split(";") if name.strip()]


def _priority(value: str) -> int:
    number = _whole(value)
    if number not in Priority.values:
        raise ValueError("not one of 1, 2, 3, 4")
    return number


# column -> (record, model field, parser)
COLUMNS: dict[str, tuple[str, str, Callable[[str], Any]]] = {
    "given_name": ("person", "given_name", _text),
    "family_name": ("person", "family_name", _text),
    "aliases": ("person", "aliases", _aliases),
    "birth_date": ("person", "birth_date", _date),
    "bop_register_number": ("person", "bop_register_number", _text),
    "state_doc_number": ("person", "state_doc_number", _text),
    "state_doc_jurisdiction": ("person", "state_doc_jurisdiction", _text),
    "facility": ("person", "facility", _text),
    "custody_status": ("person", "custody_status", _choice(CustodyStatus)),
    "legal_mail_address": ("person", "legal_mail_address", _text),
    "case_title": ("case", "title", _text),
    "case_source": ("case", "source", _choice(CaseSource)),
    "case_priority": ("case", "priority", _priority),
    "case_opened_on": ("case", "opened_on", _date),
    "jurisdiction": ("conviction", "jurisdiction", _text),
    "court": ("conviction", "court", _text),
    "docket_number": ("conviction", "docket_number", _text),
    "offense_date": ("conviction", "offense_date", _date),
    "conviction_date": ("conviction", "conviction_date", _date),
    "sentencing_date": ("conviction", "sentencing_date", _date),
    "statute": ("charge", "statute", _text),
    "charge_description": ("charge", "description", _text),
    "offense_category": ("charge", "offense_category", _choice(OffenseCategory)),
    "charge_class": ("charge", "offense_class", _text),
    "charge_counts": ("charge", "counts", _whole),
    "sentence_type": ("sentence", "sentence_type", _choice(SentenceType)),
    "sentence_term_days": ("sentence", "sentence_term_days", _whole),
    "custody_start_date": ("sentence", "custody_start_date", _date),
    "jail_credit_days": ("sentence", "jail_credit_days", _whole),
    "offense_level": ("sentence", "offense_level", _whole),
    "criminal_history_points": ("sentence", "criminal_history_points", _whole),
}
REQUIRED_COLUMNS = ("given_name", "family_name")
# The column that must be filled for a record of each kind to be made from a row.
RECORD_KEYS = {"conviction": "jurisdiction", "charge": "statute", "sentence": "sentence_type"}
COLUMN_OF = {(record, name): column for column, (record, name, _) in COLUMNS.items()}


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    value: str
    why: str


@dataclass
class ParsedRow:
    row: int
    records: dict[str, dict[str, Any]]


@dataclass
class ImportReport:
    rows_read: int = 0
    good_rows: list[ParsedRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    file_error: str | None = None
    written: bool = False
    people_created: int = 0
    cases_created: int = 0

    @property
    def bad_rows(self) -> list[int]:
        return sorted({error.row for error in self.errors})

    @property
    def ok(self) -> bool:
        return self.file_error is None and not self.errors


class ImportFileError(ValueError):
    """The file as a whole cannot be read: not UTF-8, empty, or a wrong header."""


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    if not data.strip():
        raise ImportFileError("The file is empty: it needs a header row and at least one row of data.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02X} at position {error.start} is not "
            'valid UTF-8). Save it as "CSV UTF-8" and try again.'
        ) from None
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [name.strip() for name in next(reader, [])]
        rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                rows.append((number, {"__width__": str(len(cells))}))
                continue
            rows.append((number, dict(zip(header, cells, strict=True))))
            if len(rows) > MAX_ROWS:
                raise ImportFileError(f"The file has more than {MAX_ROWS} rows: split it into smaller files.")
    except csv.Error as error:
        raise ImportFileError(f"The file is not readable CSV: {error}.") from None
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    repeated = sorted({name for name in header if header.count(name) > 1})
    if missing or unknown or repeated:
        problems = []
        if missing:
            problems.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown column(s) {', '.join(repr(n) for n in unknown)}")
        if repeated:
            problems.append(f"repeated column(s) {', '.join(repeated)}")
        raise ImportFileError(
            f"The header row is wrong: {'; '.join(problems)}. The columns are: {', '.join(COLUMNS)}."
        )
    if not rows:
        raise ImportFileError("The file has a header row but no rows of data.")
    return header, rows


def _model_errors(error: ValidationError, record: str, row: int, cells: dict[str, str]) -> list[CellError]:
    found = []
    for name, messages in error.message_dict.items():
        column = COLUMN_OF.get((record, name), RECORD_KEYS.get(record, record) if name == "__all__" else name)
        for message in messages:
            found.append(CellError(row, column, cells.get(column, ""), message))
    return found


def _parse_cells(number: int, cells: dict[str, str]) -> tuple[dict[str, dict[str, Any]], list[CellError]]:
    """Each filled cell parsed to its type; a cell that does not parse is an error and left out."""
    errors: list[CellError] = []
    records: dict[str, dict[str, Any]] = {
        name: {} for name in ("person", "case", "conviction", "charge", "sentence")
    }
    for column, raw in cells.items():
        if not raw.strip():
            continue
        record, name, parse = COLUMNS[column]
        if "\x00" in raw:
            # PostgreSQL cannot store it and no form accepts it: the cell is named, never a 500.
            errors.append(CellError(number, column, raw.replace("\x00", "\\0"),
                                    "holds a NUL character (byte 0), which is not text"))
            continue
        try:
            records[record][name] = parse(raw.strip())
        except ValueError as error:
            errors.append(CellError(number, column, raw, str(error)))
    failed = {e.column for e in errors}
    for record, key in RECORD_KEYS.items():
        if records[record] and key not in records[record] and key not in failed:
            errors.append(CellError(number, key, "", f"needed because other {record} columns are filled"))
    for record in ("charge", "sentence"):
        if records[record] and not records["conviction"] and "jurisdiction" not in failed:
            errors.append(
                CellError(
                    number, "jurisdiction", "", f"a {record} needs its conviction: give the jurisdiction"
                )
            )
    if records["charge"] and "offense_category" not in records["charge"] and "offense_category" not in failed:
        errors.append(CellError(number, "offense_category", "", "needed for every charge"))
    return records, errors


def _check_records(
    number: int, cells: dict[str, str], records: dict[str, dict[str, Any]], team: Any, failed: set[str]
) -> list[CellError]:
    """The models' own rules (formats, ranges, date order, duplicates) over the parsed cells."""
    errors: list[CellError] = []
    person = Person(team=team, **records["person"])
    conviction = Conviction(**records["conviction"])
    checks: list[tuple[str, Any, list[str]]] = [
        ("person", person, ["team", "created_by"]),
        ("case", Case(**records["case"]), ["team", "person"]),
    ]
    if records["conviction"]:
        checks.append(("conviction", conviction, ["case"]))
    if records["charge"]:
        checks.append(("charge", Charge(conviction=conviction, **records["charge"]), ["conviction"]))
    if records["sentence"]:
        checks.append(("sentence", Sentence(conviction=conviction, **records["sentence"]), ["conviction"]))
    for record, instance, exclude in checks:
        skip = [name for (rec, name), column in COLUMN_OF.items() if rec == record and column in failed]
        try:
            instance.full_clean(exclude=exclude + skip, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors.extend(_model_errors(error, record, number, cells))
    birth, offense = records["person"].get("birth_date"), records["conviction"].get("offense_date")
    if birth and offense and offense < birth:
        errors.append(
            CellError(number, "offense_date", cells["offense_date"], "before the person's date of birth")
        )
    return errors


def _marker(key: str, state: str, number: str) -> str:
    return f"{key}:{state if key == 'state_doc_number' else ''}:{number}"


def _existing_identifiers(team: Any) -> dict[str, str]:
    """The team's BOP and DOC numbers, read once, so each row is checked without a query."""
    existing: dict[str, str] = {}
    for person in Person.objects.filter(team=team).only(
        "given_name", "family_name", "bop_register_number", "state_doc_number", "state_doc_jurisdiction"
    ):
        if person.bop_register_number:
            existing[_marker("bop_register_number", "", person.bop_register_number)] = str(person)
        if person.state_doc_number:
            existing[_marker("state_doc_number", person.state_doc_jurisdiction, person.state_doc_number)] = (
                str(person)
            )
    return existing


def _check_row(
    number: int, cells: dict[str, str], team: Any, seen: dict[str, int], existing: dict[str, str]
) -> tuple[ParsedRow, list[CellError]]:
    records, errors = _parse_cells(number, cells)
    errors += _check_records(number, cells, records, team, {e.column for e in errors})
    for key in ("bop_register_number", "state_doc_number"):
        number_given = records["person"].get(key)
        if number_given:
            marker = _marker(key, records["person"].get("state_doc_jurisdiction", ""), number_given)
            if marker in existing:
                errors.append(
                    CellError(number, key, cells[key], f"already belongs to {existing[marker]} on this team")
                )
            elif marker in seen:
                errors.append(
                    CellError(number, key, cells[key], f"the same number is also on row {seen[marker]}")
                )
            else:
                seen[marker] = number
    # One message per cell: the first reason found is the one to fix.
    unique: dict[str, CellError] = {}
    for error in errors:
        unique.setdefault(error.column, error)
    return ParsedRow(number, records), list(unique.values())


def validate_file(data: bytes, *, team: Any) -> ImportReport:
    """Read and check every row; writes nothing."""
    report = ImportReport()
    try:
        _, rows = read_rows(data)
    except ImportFileError as error:
        report.file_error = str(error)
        return report
    seen: dict[str, int] = {}
    existing = _existing_identifiers(team)
    for number, cells in rows:
        report.rows_read += 1
        if "__width__" in cells:
            report.errors.append(
                CellError(
                    number,
                    "(whole row)",
                    "",
                    f"has {cells['__width__']} cells, but the header has a different number",
                )
            )
            continue
        parsed, errors = _check_row(number, cells, team, seen, existing)
        if errors:
            report.errors.extend(errors)
        else:
            report.good_rows.append(parsed)
    return report


def import_people_cases(data: bytes, *, team: Any, actor: Any, only_valid_rows: bool = False) -> ImportReport:
    """Validate the whole file, then write it all (or only its good rows) in one transaction."""
    from clemency.cases import services as case_services
    from clemency.people import services as people_services

    report = validate_file(data, team=team)
    if report.file_error or (report.errors and not only_valid_rows) or not report.good_rows:
        return report
    with transaction.atomic():
        for parsed in report.good_rows:
            person = people_services.create_person(actor=actor, team=team, **parsed.records["person"])
            case = case_services.create_case(actor=actor, person=person, **parsed.records["case"])
            if parsed.records["conviction"]:
                conviction = case_services.add_conviction(
                    case,
                    actor=actor,
                    sentence=parsed.records["sentence"] or None,
                    **parsed.records["conviction"],
                )
                if parsed.records["charge"]:
                    case_services.add_charge(conviction, actor=actor, **parsed.records["charge"])
            report.people_created += 1
            report.cases_created += 1
        record_event(
            "import.people_cases",
            actor=actor,
            team_id=team.pk,
            after={
                "rows_read": report.rows_read,
                "rows_written": len(report.good_rows),
                "rows_skipped": report.bad_rows,
            },
        )
    report.written = True
    return report


def column_guide() -> str:
    """The columns part of this module's description, for the import page (no notes for programmers)."""
    doc = __doc__ or ""
    start = doc.find("Person\n")
    end = doc.find("\n\nEvery row is checked")
    return doc[start:end].strip() if start >= 0 and end > start else doc
