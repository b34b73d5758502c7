"""Rendering to DOCX: opened back with python-docx and read."""

import io
import re
from dataclasses import replace

import docx
import pytest

from clemency.assembly import demo
from clemency.assembly.catalog import TEMPLATES
from clemency.assembly.errors import TemplateError
from clemency.assembly.render import DRAFT_NOTICE, REDACTED_NOTICE, UNKNOWN, money, render_docx, term


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _body(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _header(document) -> str:
    return "\n".join(p.text for s in document.sections for p in s.header.paragraphs)


def _header_xml(document) -> str:
    return "".join(s.header._element.xml for s in document.sections)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_each_template_renders_a_docx_with_the_persons_name(name):
    context = demo.DEMO_FOR_TEMPLATE[name]()
    document = _open(render_docx(name, context, "final"))
    body = _body(document)
    assert context.person.full_name in body
    assert "{{" not in body and "{%" not in body
    assert context.case.reference in "\n".join(p.text for s in document.sections for p in s.footer.paragraphs)


def test_preview_is_watermarked_draft_and_final_is_not():
    context = demo.federal_commutation()
    preview = _open(render_docx("federal_commutation_petition", context, "preview"))
    final = _open(render_docx("federal_commutation_petition", context, "final"))
    assert DRAFT_NOTICE in _header(preview)
    assert 'string="DRAFT"' in _header_xml(preview)
    assert DRAFT_NOTICE not in _header(final)
    assert "DRAFT" not in _header_xml(final)


def test_commutation_petition_gathers_the_opa_items():
    body = _body(_open(render_docx("federal_commutation_petition", demo.federal_commutation(), "final")))
    for expected in (
        "Federal Bureau of Prisons register number: 40417-000",
        "Date of birth: February 11, 1954",
        "Other names used: Bram Reyes",
        "Place of confinement: FMC Larchmont (fictional)",
        "Docket number: 1:01-cr-00457",
        "Offense: Conspiracy to distribute cocaine base (21 U.S.C. § 846), 1 count(s)",
        "Sentence imposed: life imprisonment",
        "Term of supervised release: 10 years",
        "Motion under 28 U.S.C. § 2255 denied, 2006",
        "Commutation petition filed 2016, denied 2017",
        "Detainers",
        "GED completed in 2003",
        "Release plans",
        "Reasons for seeking commutation",
    ):
        assert expected in body, expected


def test_unknown_facts_print_a_visible_placeholder():
    body = _body(_open(render_docx("federal_commutation_petition", demo.federal_commutation(), "final")))
    assert f"Projected release date: {UNKNOWN}" in body
    assert f"Detainers and other pending charges\n{UNKNOWN}" in body
    assert not re.search(r":\s*None\b", body)


def test_compassionate_release_grounds_come_from_the_rulebook_explanation():
    context = demo.federal_commutation()
    body = _body(_open(render_docx("compassionate_release_motion", context, "final")))
    for number, criterion in enumerate(demo.COMPASSIONATE_RELEASE.criteria_met, start=1):
        assert f"{number}. {criterion.label}. {criterion.sentence} ({criterion.citation})" in body
    assert "Authorities: 18 U.S.C. § 3582(c)(1)(A); USSG § 1B1.13(b)(2)" in body


def test_compassionate_release_grounds_change_with_the_explanation():
    context = demo.federal_commutation()
    fewer = replace(demo.COMPASSIONATE_RELEASE, criteria_met=demo.COMPASSIONATE_RELEASE.criteria_met[:1])
    body = _body(
        _open(
            render_docx(
                "compassionate_release_motion",
                replace(context, explanation=replace(context.explanation, pathways=[fewer])),
                "final",
            )
        )
    )
    assert "1. The defendant is at least 65 years old" in body
    assert "2. " not in body


def test_texas_cover_has_deadlines_21_and_15_days_before_execution():
    body = _body(_open(render_docx("texas_death_commutation", demo.texas_death(), "final")))
    assert "Scheduled execution date: March 18, 2027" in body
    assert "February 25, 2027: Application for commutation" in body
    assert "March 3, 2027: Supplemental information" in body
    assert "37 Tex. Admin. Code § 143.57(b)" in body


def test_redacted_copy_replaces_sensitive_fields():
    context = demo.federal_commutation()
    document = _open(render_docx("federal_commutation_petition", context, "final", redacted=True))
    body = _body(document)
    assert "40417-000" not in body
    assert "February 11, 1954" not in body
    assert "Date of birth: [REDACTED]" in body
    assert context.person.full_name in body
    assert REDACTED_NOTICE in _header(document)


def test_redacted_marijuana_sheet_hides_contact_and_birth_place():
    body = _body(
        _open(render_docx("marijuana_pardon_certificate", demo.marijuana_pardon(), "final", redacted=True))
    )
    for secret in ("Tacoma", "5 Fern Hollow", "prosper@example.org", "December 1, 1985"):
        assert secret not in body


def test_values_are_escaped_not_injected_into_the_xml():
    context = demo.federal_commutation()
    tricky = replace(context, case=replace(context.case, reasons="Costs < benefits & <w:b/> stays text"))
    body = _body(_open(render_docx("federal_commutation_petition", tricky, "final")))
    assert "Costs < benefits & <w:b/> stays text" in body


def test_bad_variant_is_refused_naming_it():
    with pytest.raises(TemplateError, match="variant 'draft' is not one of preview, final"):
        render_docx("governor_letter", demo.governor_letter_case(), "draft")


def test_filters_format_money_and_terms_without_guessing():
    assert money(18250) == "$18,250"
    assert money(None) is None
    assert term(3650) == "10 years"
    assert term(913) == "2 years and 183 days"
    assert term(1) == "1 day"
    assert term(None) is None
