"""The readers of the published formats: every bad cell named, nothing guessed."""

from __future__ import annotations

import datetime

from clemency.outcomes import sources

DPIC_HEADER = (
    "Date,Name,Age,Sex,Race,Number / Race / Sex of Victims,State,Region,Method,Juvenile,Federal,Volunteer,"
    "Foreign National,County\n"
)
NRE_HEADER = (
    "Last Name,First Name,Age,Race,Sex,State,County,Tags,Worst Crime Display,Sentence,Posting Date,OM Tags,"
    "F/MFE,FC,ILD,P/FA,DNA,MWID,OM,Date of Crime Year,Date of Exoneration,Date of 1st Conviction,"
    "Date of Release\n"
)


def test_a_dpic_export_reads_dates_states_and_federal_rows():
    parsed = sources.read_dpic_export(
        (
            DPIC_HEADER
            + "01/10/1986,A,25,m,White,1 White Male(s),SC,S,Electrocution,No,No,No,No,X\n"
            + "06/11/2001,B,33,m,White,x,FE,S,Lethal Injection,No,Yes,Yes,No,Y\n"
        ).encode()
    )
    assert not parsed.bad_cells
    assert parsed.rows == [
        {"executed_on": datetime.date(1986, 1, 10), "jurisdiction": "South Carolina", "federal": False},
        {"executed_on": datetime.date(2001, 6, 11), "jurisdiction": "Federal", "federal": True},
    ]


def test_every_bad_cell_of_a_dpic_export_is_named_with_its_line():
    parsed = sources.read_dpic_export(
        (
            DPIC_HEADER
            + ",A,0,,,,,,,No,No,No,No,\n"
            + "13/45/2001,B,33,m,White,x,ZZ,S,Lethal Injection,No,Maybe,No,No,Y\n"
        ).encode()
    )
    assert parsed.rows == []
    found = {(cell.row, cell.column) for cell in parsed.bad_cells}
    assert found == {(2, "Date"), (2, "State"), (3, "Date"), (3, "State"), (3, "Federal")}
    assert "MM/DD/YYYY" in next(c.why for c in parsed.bad_cells if c.row == 3 and c.column == "Date")


def test_a_file_without_the_needed_columns_is_refused_naming_them():
    parsed = sources.read_dpic_export(b"When,Where\n01/01/2000,TX\n")
    assert "'Date'" in parsed.file_error and "'Federal'" in parsed.file_error and parsed.rows == []


def test_the_registry_spreadsheet_in_windows_1252_with_years_written_with_commas():
    row = (
        'Doe,Jane,31,Black,Female,Texas,Harris,CV,Murder,Life,9/1/2011,,,FC,,,DNA,,OM,"1,991",9/2/2009,'
        "6/22/1995,9/2/2009\n"
    )
    parsed = sources.read_nre_spreadsheet((NRE_HEADER + row).replace("Doe", "Do\u00eb").encode("cp1252"))
    assert parsed.encoding == "Windows-1252" and not parsed.bad_cells
    (found,) = parsed.rows
    assert found["crime_year"] == 1991 and found["exonerated_on"] == datetime.date(2009, 9, 2)
    assert found["false_confession"] and found["dna"] and found["official_misconduct"]
    assert not found["mistaken_identification"] and found["jurisdiction"] == "Texas"


def test_a_factor_column_holding_anything_but_its_code_is_a_bad_cell():
    row = "Doe,Jane,31,Black,Female,Fed-TX,Harris,CV,Murder,Life,9/1/2011,,,yes,,,DNA,,OM,1991,2009-09-02,,\n"
    parsed = sources.read_nre_spreadsheet((NRE_HEADER + row).encode())
    assert {(c.column, c.value) for c in parsed.bad_cells} == {
        ("FC", "yes"),
        ("Date of Exoneration", "2009-09-02"),
    }
    assert parsed.rows == []


def test_federal_courts_in_the_registry_keep_their_state():
    row = 'Doe,Jane,31,Black,Female,Fed-TX,Harris,CV,Fraud,Probation,9/1/2011,,,,,,,,,"2,001",9/2/2009,,\n'
    (found,) = sources.read_nre_spreadsheet((NRE_HEADER + row).encode()).rows
    assert found["jurisdiction"] == "Federal (Texas)" and found["federal"]
