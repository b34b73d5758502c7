"""Read-side queries for cases, restricted through accounts.access."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from clemency.accounts.access import restrict
from clemency.cases.models import Case, Conviction, Party
from clemency.people.models import Person


def visible_cases(user: Any) -> QuerySet[Case]:
    return restrict(Case.objects.select_related("person", "team"), user)


def visible_people(user: Any) -> QuerySet[Person]:
    return restrict(Person.objects.select_related("team"), user)


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def every_word(field: str, text: str, lookup: str = "contains") -> Q:
    """Each word of `text` somewhere in `field`, in any order ("Marrow Elias" finds "Elias Marrow")."""
    condition = Q()
    for word in _normalise(text).split():
        condition &= Q(**{f"{field}__{lookup}": word})
    return condition


def person_matches(term: str) -> Q:
    """People by name, alias or identifier (the part of `search` that concerns a Person)."""
    return (
        every_word("search_names", term)
        | Q(bop_register_number__iexact=term.strip())
        | Q(state_doc_number__iexact=term.strip())
    )


@dataclass
class SearchResults:
    query: str
    people: list[Person]
    cases: list[Case]

    @property
    def empty(self) -> bool:
        return not self.people and not self.cases


# Convictions whose docket matches that are considered; a term found in more dockets is too broad to rank.
DOCKET_MATCHES = 1000


def search(user: Any, query: str, limit: int = 50) -> SearchResults:
    """People and cases by name, alias, BOP or DOC number, and docket number; only the user's teams."""
    query = query.strip()
    if len(query) < 2:
        return SearchResults(query=query, people=[], cases=[])
    people = list(visible_people(user).filter(person_matches(query))[:limit])
    dockets = restrict(Conviction.objects.all(), user, "case__team").filter(docket_number__icontains=query)
    # Ids as literal lists, not a subquery inside the OR: each arm then has its own index (person, primary
    # key, the title's trigram index on PostgreSQL) and no join can repeat a case, so no DISTINCT.
    docket_case_ids = list(dockets.values_list("case_id", flat=True)[:DOCKET_MATCHES])
    cases = list(
        visible_cases(user).filter(
            Q(person__in=[p.pk for p in people]) | Q(pk__in=docket_case_ids) | Q(title__icontains=query)
        )[:limit]
    )
    return SearchResults(query=query, people=people, cases=cases)


@dataclass
class ConflictHit:
    name: str
    role: str  # "client", or a party role: co_defendant, victim, witness
    role_label: str
    case: Case | None
    person: Person | None


def conflicts(user: Any, name: str) -> list[ConflictHit]:
    """Where a name appears among the user's teams' clients, co-defendants, victims and witnesses."""
    needle = _normalise(name)
    if len(needle) < 2:
        return []
    hits: list[ConflictHit] = []
    # Over-inclusive on purpose: a false alarm costs a look, a missed conflict costs far more.
    for person in visible_people(user).filter(every_word("search_names", name)).prefetch_related("cases"):
        cases: list[Case | None] = [*person.cases.all()] or [None]
        for case in cases:
            hits.append(
                ConflictHit(name=str(person), role="client", role_label="Client", case=case, person=person)
            )
    parties = restrict(
        Party.objects.select_related("conviction__case__person"), user, "conviction__case__team"
    ).filter(every_word("name", name, "icontains"))
    for party in parties:
        case = party.conviction.case
        hits.append(
            ConflictHit(
                name=party.name,
                role=party.role,
                role_label=party.get_role_display(),
                case=case,
                person=case.person,
            )
        )
    return hits
