"""The documents we ship: each template, its file, and the rule saying whether it applies to a case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clemency.assembly.context import CaseContext
from clemency.assembly.errors import TemplateError

TEMPLATE_DIR = Path(__file__).parent / "templates"

# Outcomes under which a draft is worth preparing: eligible now, or a lawyer must settle a question.
_WORTH_DRAFTING = frozenset({"ELIGIBLE", "NEEDS_REVIEW"})


@dataclass(frozen=True)
class Applicability:
    applies: bool
    reason: str


@dataclass(frozen=True)
class TemplateSpec:
    name: str
    title: str
    jurisdiction: str | None  # None: any jurisdiction
    rule: Callable[[CaseContext], Applicability]

    @property
    def path(self) -> Path:
        return TEMPLATE_DIR / f"{self.name}.docx"

    def applies_to(self, context: CaseContext) -> Applicability:
        return self.rule(context)


def _yes(reason: str) -> Applicability:
    return Applicability(True, reason)


def _no(reason: str) -> Applicability:
    return Applicability(False, reason)


def _has_sentence(context: CaseContext, kind: str) -> bool:
    return any(c.sentence.kind == kind for c in context.convictions)


def _federal_commutation(context: CaseContext) -> Applicability:
    if context.case.jurisdiction != "us":
        return _no(f"jurisdiction is {context.case.jurisdiction}, not federal")
    if context.person.in_custody is False:
        return _no("the person is not serving a sentence; a pardon petition fits instead")
    if context.person.in_custody is None:
        return _yes("federal case; custody unknown, so the commutation petition is offered for review")
    return _yes("federal conviction and the person is serving the sentence")


def _federal_pardon(context: CaseContext) -> Applicability:
    if context.case.jurisdiction != "us":
        return _no(f"jurisdiction is {context.case.jurisdiction}, not federal")
    if context.person.in_custody:
        return _no("the person is still in custody; a commutation petition fits instead")
    return _yes("federal conviction and the sentence is not being served in custody")


def _pathway_rule(prefix: str, what: str) -> Callable[[CaseContext], Applicability]:
    def rule(context: CaseContext) -> Applicability:
        result = context.pathway(prefix)
        if result is None:
            return _no(f"the rulebook has no {what} result ({prefix}) for this case")
        if result.outcome not in _WORTH_DRAFTING:
            return _no(f"the rulebook's {what} outcome is {result.outcome}")
        return _yes(f"the rulebook's {what} outcome is {result.outcome}")

    return rule


def _jurisdiction_rule(jurisdiction: str, what: str) -> Callable[[CaseContext], Applicability]:
    def rule(context: CaseContext) -> Applicability:
        if context.case.jurisdiction != jurisdiction:
            return _no(f"jurisdiction is {context.case.jurisdiction}, not {what}")
        return _yes(f"{what} case")

    return rule


def _texas_death(context: CaseContext) -> Applicability:
    if context.case.jurisdiction != "us-tx":
        return _no(f"jurisdiction is {context.case.jurisdiction}, not Texas")
    if not _has_sentence(context, "death"):
        return _no("no death sentence in the case")
    if context.execution_date is None:
        return _yes("Texas death sentence; no execution date set, so deadlines cannot be computed yet")
    return _yes("Texas death sentence with an execution date")


def _governor_letter(context: CaseContext) -> Applicability:
    if context.case.jurisdiction == "us":
        return _no("federal clemency is decided by the President, not a governor")
    return _yes("state case: the governor holds or shares the clemency power")


def _always(context: CaseContext) -> Applicability:
    return _yes("letters of support help every petition")


TEMPLATES: dict[str, TemplateSpec] = {
    spec.name: spec
    for spec in (
        TemplateSpec(
            "federal_commutation_petition",
            "Petition for commutation of a federal sentence",
            "us",
            _federal_commutation,
        ),
        TemplateSpec("federal_pardon_petition", "Petition for a federal pardon", "us", _federal_pardon),
        TemplateSpec(
            "compassionate_release_motion",
            "Motion for compassionate release (18 U.S.C. § 3582(c)(1)(A))",
            "us",
            _pathway_rule("us.compassionate_release", "compassionate release"),
        ),
        TemplateSpec(
            "wisconsin_pardon_cover_letter",
            "Wisconsin pardon application cover letter",
            "us-wi",
            _jurisdiction_rule("us-wi", "Wisconsin"),
        ),
        TemplateSpec(
            "texas_death_commutation",
            "Texas application for commutation of a death sentence",
            "us-tx",
            _texas_death,
        ),
        TemplateSpec("governor_letter", "Letter to the governor", None, _governor_letter),
        TemplateSpec("support_letter_request", "Request for a letter of support", None, _always),
        TemplateSpec(
            "marijuana_pardon_certificate",
            "Marijuana pardon certificate application data sheet",
            "us",
            _pathway_rule("us.marijuana_pardon", "marijuana pardon"),
        ),
    )
}


def get_template(name: str) -> TemplateSpec:
    try:
        return TEMPLATES[name]
    except KeyError:
        known = ", ".join(sorted(TEMPLATES))
        raise TemplateError(f"template {name!r} is unknown; known templates: {known}") from None


def applicable_templates(context: CaseContext) -> list[tuple[TemplateSpec, Applicability]]:
    """Every template with its decision for this case, applicable ones first."""
    decisions = [(spec, spec.applies_to(context)) for spec in TEMPLATES.values()]
    return sorted(decisions, key=lambda pair: not pair[1].applies)
