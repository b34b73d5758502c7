from dataclasses import replace
from datetime import date

from clemency.assembly import demo
from clemency.assembly.context import (
    REDACTED,
    SENSITIVE_FIELDS,
    Address,
    CaseContext,
    Person,
    is_valid_variable,
    schema_variables,
    texas_death_clemency_deadlines,
    to_template_data,
)


def test_schema_lists_nested_and_list_item_paths():
    names = schema_variables()
    for expected in (
        "person.full_name",
        "person.birth_date",
        "person.bop_register_number",
        "person.address.city",
        "convictions[].charges[].statute",
        "convictions[].sentence.imposed",
        "team.lead.name",
        "explanation.pathways[].criteria_met[].citation",
        "explanation.pathways[].deadlines[].due_date",
        "texas_clemency_deadlines[].due_date",
    ):
        assert expected in names, expected
    assert names == sorted(names)
    assert not is_valid_variable("person.ssn")


def test_sensitive_fields_cover_birth_dates_identifiers_addresses_and_victims():
    for expected in (
        "person.birth_date",
        "person.bop_register_number",
        "person.doc_number",
        "person.address.street",
        "person.address.one_line",
        "convictions[].victim_names[]",
    ):
        assert expected in SENSITIVE_FIELDS, expected
    assert "person.full_name" not in SENSITIVE_FIELDS
    assert "team.address.street" not in SENSITIVE_FIELDS  # the clinic's office is public


def test_template_data_includes_derived_values_and_keeps_unknowns_as_none():
    data = to_template_data(demo.federal_commutation())
    assert data["person"]["full_name"] == "Aurelio Bram Okonkwo-Reyes"
    assert data["person"]["projected_release_date"] is None
    assert data["team"]["lead"]["name"] == "Renata Quill"
    assert data["convictions"][0]["charges"][1]["statute"] == "21 U.S.C. § 841(a)(1)"


def test_a_missing_record_is_falsy_with_unknown_fields():
    data = to_template_data(demo.federal_commutation())  # no recipient in this case
    recipient = data["case"]["recipient"]
    assert not recipient
    assert recipient["name"] is None
    assert recipient["address"]["one_line"] is None


def test_redaction_replaces_sensitive_fields_and_their_mentions_in_free_text():
    context = demo.federal_pardon()
    context = replace(
        context,
        case=replace(context.case, reasons="Harlan Vossberg, the bank's manager, supports the petition."),
    )
    data = to_template_data(context, redacted=True)
    assert data["person"]["birth_date"] == REDACTED
    assert data["person"]["bop_register_number"] == REDACTED
    assert data["person"]["address"]["street"] == REDACTED
    assert data["person"]["address"]["one_line"] == REDACTED
    assert data["convictions"][0]["victim_names"] == [REDACTED]
    assert "Vossberg" not in data["case"]["reasons"]
    assert data["person"]["full_name"] == "Delphine Marchetti-Oyelaran"


def test_redaction_leaves_unknown_sensitive_fields_unknown():
    context = CaseContext(person=Person("Ines", "Falk"), case=demo.federal_pardon().case)
    data = to_template_data(context, redacted=True)
    assert data["person"]["birth_date"] is None
    assert not data["person"]["address"]


def test_address_one_line_skips_missing_parts():
    assert Address("1 Main St", None, "WI", "53700").one_line == "1 Main St, WI 53700"
    assert Address().one_line is None


def test_texas_deadlines_are_21_and_15_days_before_execution_with_citations():
    deadlines = texas_death_clemency_deadlines(date(2027, 3, 18))  # a Thursday
    assert [d.due_date for d in deadlines] == [date(2027, 2, 25), date(2027, 3, 3)]
    assert deadlines[0].citation == "37 Tex. Admin. Code § 143.57(b)"
    assert deadlines[1].citation == "37 Tex. Admin. Code § 143.57(c)"


def test_texas_deadline_on_a_weekend_moves_to_monday():
    # execution Sunday 2027-03-21: 21 days before is Sunday Feb 28 -> Monday Mar 1;
    # 15 days before is Saturday Mar 6 -> Monday Mar 8
    deadlines = texas_death_clemency_deadlines(date(2027, 3, 21))
    assert [d.due_date for d in deadlines] == [date(2027, 3, 1), date(2027, 3, 8)]


def test_context_without_execution_date_has_no_texas_deadlines():
    assert demo.federal_commutation().texas_clemency_deadlines == []
    assert demo.texas_death().execution_date == date(2027, 3, 18)
