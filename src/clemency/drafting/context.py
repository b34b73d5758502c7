"""The one function that maps a case record (ORM) to the document library's `CaseContext`.

Only what the record states is mapped; a missing fact stays None and the document prints it as
"[unknown]". The rulebook's explanation comes from the case's facts (`cases.facts`) evaluated with
an explicit `as_of`, so a generated document says which day its law was read for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from clemency import assembly
from clemency.assembly import context as ac
from clemency.assembly.environment import term
from clemency.cases.facts import controlling_conviction, convictions_to_facts
from clemency.cases.models import Case, Conviction, PartyRole, SentenceType
from clemency.law import FactError, all_pathways, evaluate, validate_facts
from clemency.people.models import CustodyStatus

_LAW_JURISDICTION = {"federal": "us", "dc": "us-dc"}
# D.C. Code offenses are pardoned or commuted by the President: federal pathways apply.
_PATHWAY_JURISDICTION = {"us-dc": "us"}
_SENTENCE_KIND = {
    SentenceType.TERM: "imprisonment",
    SentenceType.LIFE: "life",
    SentenceType.LIFE_WITHOUT_PAROLE: "life",
    SentenceType.DEATH: "death",
    SentenceType.PROBATION: "probation",
}
_IN_CUSTODY: dict[str, bool] = {
    CustodyStatus.IN_CUSTODY: True,
    CustodyStatus.DEATH_ROW: True,
    CustodyStatus.SUPERVISED_RELEASE: False,
    CustodyStatus.RELEASED: False,
    CustodyStatus.DECEASED: False,
}
UNKNOWN_JURISDICTION = "unknown"


def law_jurisdiction(conviction: Conviction | None) -> str:
    if conviction is None:
        return UNKNOWN_JURISDICTION
    return _LAW_JURISDICTION.get(conviction.jurisdiction, conviction.jurisdiction)


def case_reference(case: Case) -> str:
    return f"CASE-{case.pk:05d}"


def case_context(case: Case, *, as_of: dt.date) -> assembly.CaseContext:
    """Everything a template may print about `case`, with the rulebook read as of `as_of`."""
    convictions = list(
        case.convictions.select_related("sentence")
        .prefetch_related("charges", "parties")
        .order_by("sentencing_date", "id")
    )
    jurisdiction = law_jurisdiction(controlling_conviction(case))
    execution_date = _execution_date(case)
    return assembly.CaseContext(
        person=_person(case),
        case=ac.Case(
            reference=case_reference(case),
            jurisdiction=jurisdiction,
            prepared_on=as_of,
            pathway_id=_current_pathway(case),
            reasons=case.summary.strip() or None,
            prior_clemency_petitions=_prior_petitions(case),
        ),
        convictions=[_conviction(c, execution_date) for c in convictions],
        team=_team(case),
        explanation=case_explanation(case, jurisdiction, as_of=as_of),
    )


def case_explanation(case: Case, jurisdiction: str, *, as_of: dt.date) -> ac.Explanation:
    """The rulebook's results for every pathway of the case's jurisdiction, on `as_of`."""
    pathway_jurisdiction = _PATHWAY_JURISDICTION.get(jurisdiction, jurisdiction)
    pathways = [p for p in all_pathways() if p.jurisdiction == pathway_jurisdiction]
    if not pathways:
        return ac.Explanation(as_of=as_of)
    try:
        facts = validate_facts(convictions_to_facts(case))
    except FactError:
        # The record holds a value the rulebook cannot read: no explanation rather than a wrong one;
        # the case page's eligibility panel names the fact.
        return ac.Explanation(as_of=as_of)
    results = [evaluate(pathway, facts, as_of, validated=True) for pathway in pathways]
    return assembly.explanation_from_results([r.to_dict(detail=True) for r in results], as_of=as_of)


def _person(case: Case) -> ac.Person:
    person = case.person
    mail = [line.strip() for line in person.legal_mail_address.splitlines() if line.strip()]
    return ac.Person(
        given_name=person.given_name,
        family_name=person.family_name,
        other_names=[str(a) for a in person.aliases or []],
        birth_date=person.birth_date,
        bop_register_number=person.bop_register_number or None,
        doc_number=person.state_doc_number or None,
        facility=person.facility or None,
        address=ac.Address(street=", ".join(mail)) if mail else None,
        in_custody=_IN_CUSTODY.get(person.custody_status),  # unknown stays None
    )


def _conviction(conviction: Conviction, execution_date: dt.date | None) -> ac.Conviction:
    sentence = getattr(conviction, "sentence", None)
    victims = [p.name for p in conviction.parties.all() if p.role == PartyRole.VICTIM]
    return ac.Conviction(
        court=conviction.court or None,
        docket_number=conviction.docket_number or None,
        offense_date=conviction.offense_date,
        sentence_date=conviction.sentencing_date,
        disposition="convicted",
        charges=[
            ac.Charge(description=c.description or c.statute, statute=c.statute or None, counts=c.counts)
            for c in conviction.charges.all()
        ],
        sentence=_sentence(sentence, execution_date),
        victim_names=victims,
    )


def _sentence(sentence: Any, execution_date: dt.date | None) -> ac.Sentence:
    if sentence is None:
        return ac.Sentence()
    kind = _SENTENCE_KIND.get(sentence.sentence_type)
    if sentence.sentence_type == SentenceType.TERM and sentence.sentence_term_days:
        imposed = f"{term(sentence.sentence_term_days)} of imprisonment"
    else:
        imposed = sentence.get_sentence_type_display().lower()
    return ac.Sentence(
        kind=kind,
        imposed=imposed,
        term_days=sentence.sentence_term_days,
        execution_date=execution_date if kind == "death" else None,
    )


def _execution_date(case: Case) -> dt.date | None:
    found = case.deadlines.filter(kind="execution", done=False).order_by("date").first()
    return found.date if found is not None else None


def _team(case: Case) -> ac.Team:
    """The letterhead and signatures of the case's team (its settings page); the team's attorney
    members, without bar numbers, when it has named no signing attorneys."""
    from clemency.accounts.models import Membership, Role

    team = case.team
    lawyers = [
        ac.Lawyer(name=a.name, bar_number=a.bar_number or None, email=a.email or None, phone=a.phone or None)
        for a in team.attorneys.all()
    ]
    if not lawyers:
        attorneys = (
            Membership.objects.filter(team_id=case.team_id, role=Role.ATTORNEY, user__is_active=True)
            .select_related("user")
            .order_by("user__full_name", "user__username")
        )
        lawyers = [ac.Lawyer(name=str(m.user), email=m.user.email or None) for m in attorneys]
    address_lines = [line.strip() for line in team.letterhead_address.splitlines() if line.strip()]
    return ac.Team(
        organization=team.organisation or team.name,
        address=ac.Address(street=", ".join(address_lines)) if address_lines else None,
        phone=team.letterhead_phone or None,
        email=team.letterhead_email or None,
        signature=[line.rstrip() for line in team.signature_block.splitlines() if line.strip()],
        logo=_logo(team),
        lawyers=lawyers,
    )


def _logo(team: Any) -> bytes | None:
    """The letterhead logo's bytes, or None when there is none or its file is gone."""
    if not team.letterhead_logo:
        return None
    try:
        with team.letterhead_logo.open("rb") as handle:
            return bytes(handle.read())
    except (FileNotFoundError, OSError):
        return None


# Whom a template's letter goes to when the case names nobody: the body the law sends it to.
# Wisconsin: the Governor's Pardon Advisory Board reviews pardon applications and recommends to the
# Governor (https://evers.wi.gov/Pages/pardon-information.aspx, read 2026-12-03). Its mailing address
# changes with each administration, so it is left for the team to fill in on the draft.
DEFAULT_RECIPIENTS: dict[str, ac.Recipient] = {
    "wisconsin_pardon_cover_letter": ac.Recipient(
        name="Governor's Pardon Advisory Board", organization="Office of the Governor of Wisconsin",
        salutation="Dear Members of the Pardon Advisory Board:",
    ),
}


def for_template(context: assembly.CaseContext, template: str) -> assembly.CaseContext:
    """The context with the template's default recipient where the case names none."""
    import dataclasses

    default = DEFAULT_RECIPIENTS.get(template)
    if default is None or context.case.recipient is not None:
        return context
    return dataclasses.replace(context, case=dataclasses.replace(context.case, recipient=default))


def _current_pathway(case: Case) -> str | None:
    petition = case.petitions.exclude(status="withdrawn").order_by("-updated_at", "-id").first()
    return petition.pathway if petition is not None else None


def _prior_petitions(case: Case) -> list[str]:
    decided = case.petitions.filter(status__in=["denied", "withdrawn"]).order_by("filed_on", "id")
    out = []
    for petition in decided:
        when = f", decided {petition.decided_on:%Y-%m-%d}" if petition.decided_on else ""
        out.append(f"{petition.title} ({petition.pathway}): {petition.get_status_display().lower()}{when}")
    return out


# What a person calls each variable a draft may be missing, and where it is recorded for good.
_LABELS = {
    "team.organization": "Organisation's name (letterhead)",
    "team.address.one_line": "Organisation's address (letterhead)",
    "team.lead.name": "Signing attorney's name",
    "team.lead.bar_number": "Signing attorney's bar number",
    "case.recipient.name": "Recipient's name",
    "case.recipient.title": "Recipient's title",
    "case.recipient.organization": "Recipient's office",
    "case.recipient.address.one_line": "Recipient's address",
    "case.reasons": "Reasons for relief (the case summary)",
    "person.birth_date": "Date of birth",
    "person.full_name": "Full name",
    "person.facility": "Facility",
    "person.bop_register_number": "BOP register number",
    "person.doc_number": "State prison number",
}
_CONVICTION_LABELS = {
    "court": "court", "county": "county", "docket_number": "docket number",
    "sentence_date": "date of sentence",
    "offense_date": "date of offense", "plea": "plea or trial",
}


def describe_variable(path: str, case: Case) -> tuple[str, str]:
    """(label, where to record it for good: a URL, or "" when only this draft can say it)."""
    from django.urls import reverse

    if path.startswith("convictions["):
        index_text, _, rest = path[len("convictions["):].partition("].")
        index = int(index_text) if index_text.isdigit() else 0
        convictions = list(case.convictions.order_by("sentencing_date", "id").values_list("pk", flat=True))
        field = rest.split(".")[-1]
        label = f"Conviction {index + 1}: {_CONVICTION_LABELS.get(field, field.replace('_', ' '))}"
        where = ""
        if index < len(convictions):
            where = reverse("cases:conviction-edit", args=[convictions[index]])
        return label, where
    label = _LABELS.get(path) or path.split(".")[-1].replace("_", " ").capitalize()
    if path.startswith("team."):
        return label, reverse("accounts:team-settings", args=[case.team_id])
    if path.startswith("person."):
        return label, reverse("people:edit", args=[case.person_id])
    if path == "case.reasons":
        return label, reverse("cases:edit", args=[case.pk])
    return label, ""
