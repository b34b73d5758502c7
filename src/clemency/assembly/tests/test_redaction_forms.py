"""Redaction finds a protected value however it is written, and a produced copy that still shows one
is refused (the check runs on the produced file's own text)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clemency.assembly import demo
from clemency.assembly.context import to_template_data
from clemency.assembly.errors import RedactionError
from clemency.assembly.redaction import (
    DATE,
    IDENTIFIER,
    NAME,
    REDACTED,
    TEXT,
    Protected,
    Redactor,
    check_released,
    docx_text,
)

ALICE = Protected("victim names", NAME, "Alice Victimson")
REGISTER = Protected("person bop register number", IDENTIFIER, "12345-678")
BIRTH = Protected("person birth date", DATE, date(1970, 1, 2))
STREET = Protected("person address street", TEXT, "14 Orchard Row")


@pytest.mark.parametrize("written", [
    "ALICE VICTIMSON", "alice  victimson", "Ms. Victimson", "Mrs Victimson", "Victimson", "Alice\nVictimson",
])
def test_names_are_found_by_their_words_in_any_case_and_after_a_title(written):
    redactor = Redactor([ALICE])
    assert "Victimson" not in redactor.redact(f"Letter about {written} today").replace("VICTIMSON", "")
    assert redactor.found_in(f"About {written}.") == ["victim names"]


@pytest.mark.parametrize("written", ["12345-678", "12345678", "12345 678", "12345.678", "1234 5678"])
def test_identifiers_are_found_with_and_without_punctuation(written):
    redactor = Redactor([REGISTER])
    assert redactor.redact(f"Register no. {written}.") == f"Register no. {REDACTED}."
    assert not Redactor([REGISTER]).found_in("Register no. 123456789 belongs to someone else.")


@pytest.mark.parametrize("written", [
    "1970-01-02", "January 2, 1970", "January 2nd, 1970", "Jan. 2, 1970", "JAN 2 1970", "2 January 1970",
    "2nd of January, 1970", "1/2/1970", "01/02/1970", "1-2-70", "01.02.1970",
])
def test_dates_are_found_in_every_common_written_form(written):
    redactor = Redactor([BIRTH])
    assert redactor.redact(f"Born {written} in Ohio.") == f"Born {REDACTED} in Ohio."
    assert not redactor.found_in("Sentenced January 21, 1970.")


def test_an_address_line_is_found_alone_in_any_spacing_and_case():
    redactor = Redactor([STREET])
    assert redactor.redact("Lives at 14  ORCHARD row, Millbrook.") == f"Lives at {REDACTED}, Millbrook."


def test_free_text_in_a_redacted_context_loses_every_form():
    context = demo.federal_pardon()
    victim = context.convictions[0].victim_names[0]
    surname = victim.split()[-1]
    birth = context.person.birth_date
    text = (f"{victim.upper()} and Mr. {surname} wrote. Born {birth:%B} {birth.day}th, {birth.year}; "
            f"register {context.person.bop_register_number.replace('-', '')}; "
            f"street {context.person.address.street.lower()}.")
    data = to_template_data(replace(context, case=replace(context.case, reasons=text)), redacted=True)
    reasons = data["case"]["reasons"]
    assert surname.lower() not in reasons.lower()
    assert str(birth.year) not in reasons
    assert context.person.bop_register_number.replace("-", "") not in reasons
    assert context.person.address.street.lower() not in reasons.lower()


def _docx(paragraph_runs: list[str]) -> bytes:
    import io

    from docx import Document

    document = Document()
    paragraph = document.add_paragraph()
    for run in paragraph_runs:
        paragraph.add_run(run)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_produced_copy_still_showing_a_value_is_refused_even_split_across_runs():
    data = _docx(["Dear Ms. Vic", "timson,"])
    assert "Ms. Victimson" in docx_text(data)
    with pytest.raises(RedactionError, match="victim names; it was not released") as raised:
        check_released(Redactor([ALICE, BIRTH]), data, kind="docx")
    assert "Victimson" not in str(raised.value)
    check_released(Redactor([ALICE]), _docx(["Dear [REDACTED],"]), kind="docx")


def test_render_docx_refuses_a_template_that_prints_a_protected_value_itself(monkeypatch):
    from clemency.assembly import render

    context = demo.federal_pardon()
    # A template that writes the birth date in a form the fields do not hold (as a derived text would).
    original = render.to_template_data

    def leaky(context_, *, redacted=False):
        data = original(context_, redacted=redacted)
        data["case"]["reasons"] = f"Born {context.person.birth_date:%B %d, %Y}."
        return data

    monkeypatch.setattr(render, "to_template_data", leaky)
    with pytest.raises(RedactionError, match="person birth date"):
        render.render_docx("federal_pardon_petition", context, "final", redacted=True)
