"""Render evaluations and the rulebook: JSON, a lawyer's memo in plain text, static HTML pages.

Pure Python and Jinja2; no Django. The commands `clemency explain`, `clemency pathways` and
`clemency rulebook` are thin wrappers around these functions.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from clemency.law.cases import cases_for
from clemency.law.evaluate import Result, evaluate
from clemency.law.facts import FACTS, validate_facts
from clemency.law.parameters import get_parameter
from clemency.law.pathway import Pathway
from clemency.law.registry import all_pathways, get_pathway
from clemency.law.tree import If, Outcome, describe

ORDER = {Outcome.ELIGIBLE: 0, Outcome.NOT_YET: 1, Outcome.NEEDS_REVIEW: 2, Outcome.INELIGIBLE: 3}
MARK = {True: "met", False: "not met", None: "unknown"}


def explain(
    raw_facts: Mapping[str, Any], as_of: dt.date, pathway_ids: Sequence[str] | None = None
) -> list[Result]:
    """Validate the facts once and evaluate the chosen pathways (all when none are named)."""
    facts = validate_facts(raw_facts)
    pathways = [get_pathway(pid) for pid in pathway_ids] if pathway_ids else list(all_pathways())
    return [evaluate(pathway, facts, as_of, validated=True) for pathway in pathways]


def results_json(results: Iterable[Result], as_of: dt.date, detail: bool = False) -> dict[str, Any]:
    return {"as_of": as_of.isoformat(), "results": [result.to_dict(detail) for result in results]}


def _wrap(text: str, indent: str, width: int = 96) -> str:
    return textwrap.fill(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
        break_long_words=False,
    )


def memo_text(results: Sequence[Result], as_of: dt.date, facts: Mapping[str, Any] | None = None) -> str:
    """A memo a lawyer can paste into a file: summary first, then each pathway with its law."""
    ranked = sorted(results, key=lambda r: (ORDER[r.outcome], r.pathway.id))
    lines = [
        "MEMORANDUM",
        "",
        "Re:    Relief pathways screened by the Clemency rulebook",
        f"As of: {as_of.isoformat()}",
    ]
    if facts is not None:
        given = sorted(name for name, value in facts.items() if value is not None)
        lines.append(_wrap(f"Facts supplied ({len(given)}): {', '.join(given) or 'none'}", ""))
    lines += ["", "SUMMARY", ""]
    for result in ranked:
        when = f" (from {result.eligible_from.isoformat()})" if result.eligible_from else ""
        lines.append(f"  {result.outcome.value:<13}{result.pathway.id}{when}")
    lines.append("")
    for number, result in enumerate(ranked, start=1):
        lines += _memo_section(number, result)
    unverified = sorted(
        {
            r.pathway.id
            for r in ranked
            if not r.pathway.verified or not all(c.verified for c in r.pathway.criteria)
        }
    )
    lines += [
        "CAVEATS",
        "",
        _wrap(
            "This memo applies encoded rules to the facts supplied; it is a screening aid, not legal advice. "
            "Unknown facts are treated as unknown, never as false. Dates count whole days; release dates "
            "that rest on good conduct time are estimates.",
            "  ",
        ),
    ]
    if unverified:
        lines.append(
            _wrap("Rules not yet verified against their primary source: " + ", ".join(unverified), "  ")
        )
    return "\n".join(lines) + "\n"


def _memo_section(number: int, result: Result) -> list[str]:
    pathway = result.pathway
    lines = [f"{number}. {pathway.title} [{pathway.id}]", ""]
    outcome = result.outcome.value
    if result.eligible_from:
        outcome += f", eligible from {result.eligible_from.isoformat()}"
    lines += [
        f"   Outcome:    {outcome}",
        _wrap(f"Decided by: {pathway.authority}", "   "),
        _wrap(f"Authority:  {'; '.join(pathway.citations)}", "   "),
        "",
    ]
    if result.outcome is Outcome.INELIGIBLE:
        failed = [c for c in result.criteria if c.value is False]
        for criterion in failed:
            lines.append(_wrap(f"- {criterion.explanation} ({'; '.join(criterion.citations)})", "   "))
        lines.append("")
        return lines
    lines.append("   Criteria:")
    for criterion in result.criteria:
        text = f"[{MARK[criterion.value]}] {criterion.explanation} ({'; '.join(criterion.citations)})"
        lines.append(_wrap(text, "     "))
    if pathway.eligible_from_citation:
        lines.append(_wrap(f"Date rule: {pathway.eligible_from_citation}", "     "))
    if result.missing_facts:
        lines += ["", "   Questions that would settle it:"]
        lines += [_wrap(f"- {FACTS[name].question}", "     ") for name in result.missing_facts]
    if result.reasons:
        lines += ["", "   Why it needs review:"]
        lines += [_wrap(f"- {reason}", "     ") for reason in result.reasons]
    if result.deadlines:
        lines += ["", "   Deadlines:"]
        for deadline in result.deadlines:
            lines.append(_wrap(f"- {deadline.status}: {deadline.title} ({deadline.citation})", "     "))
            lines += [_wrap(f"  {note}", "       ") for note in deadline.notes]
    if pathway.notes:
        lines += ["", _wrap(f"Note: {pathway.notes}", "   ")]
    lines.append("")
    return lines


def pathway_summary(pathway: Pathway) -> dict[str, Any]:
    return {
        "id": pathway.id,
        "title": pathway.title,
        "jurisdiction": pathway.jurisdiction,
        "authority": pathway.authority,
        "kind": pathway.kind.value,
        "citations": list(pathway.citations),
        "effective_from": pathway.effective_from.isoformat(),
        "effective_to": pathway.effective_to.isoformat() if pathway.effective_to else None,
        "verified": pathway.verified,
        "criteria": [{"id": c.id, "citation": c.citation, "verified": c.verified} for c in pathway.criteria],
        "needed_facts": pathway.needed_facts,
        "parameters": pathway.parameter_names,
        "deadlines": [{"id": d.id, "citation": d.citation} for d in pathway.deadlines],
    }


def pathways_text(pathways: Sequence[Pathway]) -> str:
    lines = []
    for pathway in pathways:
        until = pathway.effective_to.isoformat() if pathway.effective_to else "in force"
        lines.append(f"{pathway.id}  {pathway.title}")
        lines.append(f"    {pathway.kind.value}; {pathway.effective_from.isoformat()} - {until}")
        lines.append(_wrap("; ".join(pathway.citations), "    "))
    return "\n".join(lines) + "\n"


def _bounds_of(pathway: Pathway) -> list[str]:
    """In words: which unknown facts this pathway may still decide around, and how."""
    from clemency.law.bounds import bounded_facts, effective_eligible_from

    lines = []
    for name, bound in bounded_facts().items():
        if name in pathway.needed_facts:
            spec = FACTS[name]
            unit = f" {spec.unit}" if spec.unit else ""
            lines.append(
                f"When this is not known ({spec.question}) it is counted as {bound}{unit}, the least it can "
                f"be: {spec.bound_note} A criterion true at that value is true; a date found that way is "
                "reported as 'no later than'."
            )
    effective = effective_eligible_from(pathway)
    if effective is not None and any(isinstance(n, If) and n.unknown == "latest" for n in effective.walk()):
        lines.append(
            "Where which of two date rules applies is not known, the later of their dates is used as a "
            "'no later than' bound: eligible if even the later date has come."
        )
    return lines


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("clemency.law", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["describe"] = describe
    return env


def build_rulebook(out_dir: Path) -> list[Path]:
    """Write the static HTML rulebook: an index, one page per pathway, facts, parameters, states, coverage."""
    from clemency.law.parameters import all_parameters
    from clemency.law.states.profiles import state_profiles

    out_dir.mkdir(parents=True, exist_ok=True)
    env = _environment()
    pathways = all_pathways()
    written = []

    def write(name: str, template: str, **context: Any) -> None:
        path = out_dir / name
        path.write_text(env.get_template(template).render(pathways=pathways, **context), encoding="utf-8")
        written.append(path)

    write("index.html", "index.html", title="The Clemency rulebook")
    for pathway in pathways:
        parameters = [get_parameter(name) for name in pathway.parameter_names]
        cases = list(cases_for(pathway.id))
        write(
            f"{pathway.id}.html",
            "pathway.html",
            title=pathway.title,
            pathway=pathway,
            parameters=parameters,
            cases=cases,
            case_results=[(case, evaluate(pathway, case.facts, case.as_of)) for case in cases],
            bounds=_bounds_of(pathway),
            law_paragraphs=[p.strip() for p in pathway.law.split("\n\n") if p.strip()],
        )
    write("facts.html", "facts.html", title="Facts", facts=list(FACTS.values()))
    write(
        "parameters.html", "parameters.html", title="Parameters", parameters=list(all_parameters().values())
    )
    write(
        "states.html",
        "states.html",
        title="Who decides, by jurisdiction",
        profiles=list(state_profiles().values()),
    )
    write("coverage.html", "coverage.html", title="Coverage by jurisdiction", **_coverage_context())
    return written


def _coverage_context() -> dict[str, Any]:
    """The coverage page: the tile map of verified shares and a table per jurisdiction."""
    from markupsafe import Markup

    from clemency.law.jurisdictions.coverage import SHADES, coverage, coverage_map_svg, percent
    from clemency.law.jurisdictions.schema import ROLES

    entries = coverage()
    return {
        "entries": entries,
        "map_svg": Markup(coverage_map_svg(entries)),  # noqa: S704 - built from escaped text
        "shades": SHADES,
        "percent": percent,
        "roles": ROLES,
        "total_pathways": sum(len(entry.rows) for entry in entries),
        "verified_count": sum(entry.verified_items > 0 for entry in entries),
    }
