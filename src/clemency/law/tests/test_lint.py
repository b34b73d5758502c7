"""The rulebook's own hygiene: citations and dates everywhere, parameters without overlaps or gaps."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clemency.law import FACTS, all_pathways
from clemency.law.parameters import all_parameters

PATHWAYS = all_pathways()
PARAMETERS = all_parameters()
ID = re.compile(r"^(us|us-[a-z]{2})\.[a-z0-9_]+(\.[a-z0-9_]+)*$")


@pytest.mark.parametrize("pathway", PATHWAYS, ids=[p.id for p in PATHWAYS])
def test_pathway_has_citations_dates_and_law(pathway: object) -> None:
    from clemency.law.pathway import Pathway

    assert isinstance(pathway, Pathway)
    assert ID.match(pathway.id), pathway.id
    assert pathway.id.split(".")[0] == pathway.jurisdiction
    assert pathway.citations and all(c.strip() for c in pathway.citations)
    assert isinstance(pathway.effective_from, dt.date)
    assert pathway.effective_to is None or pathway.effective_to > pathway.effective_from
    assert len(pathway.law) > 200, "the words of the law belong beside the rule"
    assert pathway.authority and pathway.title
    assert pathway.criteria
    ids = [criterion.id for criterion in pathway.criteria]
    assert len(ids) == len(set(ids))
    for criterion in pathway.criteria:
        assert criterion.citation.strip(), criterion.id
        for text in (criterion.explain_true, criterion.explain_false, criterion.explain_unknown):
            assert text.strip(), criterion.id
    if pathway.eligible_from is not None:
        assert pathway.eligible_from_citation
    for deadline in pathway.deadlines:
        assert deadline.citation.strip() and deadline.title.strip()


@pytest.mark.parametrize("pathway", PATHWAYS, ids=[p.id for p in PATHWAYS])
def test_pathway_reads_only_known_facts_and_parameters(pathway: object) -> None:
    for name in pathway.needed_facts:  # type: ignore[attr-defined]
        assert name in FACTS, name
    for name in pathway.parameter_names:  # type: ignore[attr-defined]
        assert name in PARAMETERS, name


def test_every_parameter_is_used() -> None:
    used = {name for pathway in PATHWAYS for name in pathway.parameter_names}
    assert set(PARAMETERS) == used


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_parameter_values_are_cited_and_dated_without_overlap_or_gap(name: str) -> None:
    parameter = PARAMETERS[name]
    assert parameter.title
    assert parameter.values
    for dated in parameter.values:
        assert dated.citation.strip(), name
        assert isinstance(dated.effective_from, dt.date)
        assert dated.effective_to is None or isinstance(dated.effective_to, dt.date)
        assert dated.effective_to is None or dated.effective_to > dated.effective_from
    for earlier, later in zip(parameter.values, parameter.values[1:], strict=False):
        assert earlier.effective_to is not None, f"{name}: open-ended value before another"
        assert earlier.effective_to == later.effective_from, (
            f"{name}: gap or overlap at {earlier.effective_to}"
        )


def test_lint_detects_a_gap() -> None:
    """The check above can fail: a parameter with a gap is caught."""
    from clemency.law.parameters import DatedValue

    first = DatedValue(1, dt.date(2020, 1, 1), dt.date(2021, 1, 1), "x", True)
    second = DatedValue(2, dt.date(2021, 1, 2), None, "x", True)
    assert first.effective_to != second.effective_from
    assert not first.covers(dt.date(2021, 1, 1)) and not second.covers(dt.date(2021, 1, 1))
