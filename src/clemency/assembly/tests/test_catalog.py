from dataclasses import replace

import pytest

from clemency.assembly import demo
from clemency.assembly.catalog import TEMPLATES, applicable_templates, get_template
from clemency.assembly.context import Explanation, PathwayResult
from clemency.assembly.errors import TemplateError


def test_every_shipped_template_has_a_docx_file():
    assert len(TEMPLATES) == 8
    for spec in TEMPLATES.values():
        assert spec.path.is_file(), spec.path


def test_each_demo_case_is_one_its_template_applies_to():
    for name, make in demo.DEMO_FOR_TEMPLATE.items():
        decision = get_template(name).applies_to(make())
        assert decision.applies, (name, decision.reason)


def test_federal_templates_do_not_apply_to_a_state_case():
    wisconsin = demo.wisconsin_pardon()
    for name in ("federal_commutation_petition", "federal_pardon_petition", "compassionate_release_motion"):
        assert not get_template(name).applies_to(wisconsin).applies


def test_commutation_and_pardon_split_on_custody():
    in_custody, released = demo.federal_commutation(), demo.federal_pardon()
    assert get_template("federal_commutation_petition").applies_to(in_custody).applies
    assert not get_template("federal_commutation_petition").applies_to(released).applies
    assert get_template("federal_pardon_petition").applies_to(released).applies
    assert not get_template("federal_pardon_petition").applies_to(in_custody).applies


def test_compassionate_release_follows_the_rulebook_outcome():
    context = demo.federal_commutation()
    ineligible = replace(
        context,
        explanation=Explanation(pathways=[PathwayResult("us.compassionate_release.age", "INELIGIBLE")]),
    )
    decision = get_template("compassionate_release_motion").applies_to(ineligible)
    assert not decision.applies
    assert "INELIGIBLE" in decision.reason
    assert not get_template("compassionate_release_motion").applies_to(demo.federal_pardon()).applies


def test_texas_death_template_needs_a_texas_death_sentence():
    assert get_template("texas_death_commutation").applies_to(demo.texas_death()).applies
    assert not get_template("texas_death_commutation").applies_to(demo.wisconsin_pardon()).applies


def test_governor_letter_is_for_state_cases_only():
    assert not get_template("governor_letter").applies_to(demo.federal_commutation()).applies
    assert get_template("governor_letter").applies_to(demo.governor_letter_case()).applies


def test_applicable_templates_lists_applicable_first():
    decisions = applicable_templates(demo.federal_commutation())
    flags = [decision.applies for _, decision in decisions]
    assert flags == sorted(flags, reverse=True)
    applicable = {spec.name for spec, decision in decisions if decision.applies}
    assert applicable == {
        "federal_commutation_petition",
        "compassionate_release_motion",
        "support_letter_request",
    }


def test_unknown_template_names_the_known_ones():
    with pytest.raises(
        TemplateError, match="'petition_to_the_moon' is unknown; known templates: compassionate"
    ):
        get_template("petition_to_the_moon")
