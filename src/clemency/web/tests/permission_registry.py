"""The registry behind the generated permission tests: every URL that takes an object, and how to
fill it. A URL that takes an object but is missing here fails the suite (see
test_permissions_generated.py), so a new view cannot ship without its access tests."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass
class World:
    """One team's records, each carrying a marker an outsider must never see, plus privileged ones."""

    cast: Any
    marker: str
    privileged_marker: str
    objects: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.objects[name]


@dataclass(frozen=True)
class Route:
    """How to reach one object URL.

    `obj` names the World object whose id fills the URL; `get` says whether a member may GET it and
    receive 200; `member` is the role that counts as a member for this URL (admins for the audit log);
    `shows_privileged` says the page shows the privileged marker to a privileged reader (so the
    student check is not vacuous).
    """

    obj: str
    get: bool = True
    member: str = "staff"
    shows_privileged: bool = False


def _id(world: World, name: str) -> int:
    return int(world[name].pk)


# URL name -> Route. Keep it in URL order of each app.
OBJECT_ROUTES: dict[str, Route] = {
    # accounts: team administration (team admins only)
    "accounts:team": Route("team", member="admin"),
    "accounts:team-invite": Route("team", get=False, member="admin"),
    "accounts:team-settings": Route("team", member="admin"),
    "accounts:attorney-add": Route("team", get=False, member="admin"),
    "accounts:attorney-remove": Route("team_attorney", get=False, member="admin"),
    "accounts:member-role": Route("membership", get=False, member="admin"),
    "accounts:member-active": Route("membership", get=False, member="admin"),
    "accounts:member-authenticator-reset": Route("membership", get=False, member="admin"),
    "accounts:invitation-withdraw": Route("invitation", get=False, member="admin"),
    # people
    "people:detail": Route("person"),
    "people:edit": Route("person"),
    "people:contact-add": Route("person", get=False),
    # cases
    "cases:detail": Route("case", shows_privileged=True),
    "cases:edit": Route("case"),
    "cases:move": Route("case", get=False),
    "cases:note-add": Route("case", get=False),
    "cases:privilege-grant": Route("case", get=False, member="attorney"),
    "cases:facts": Route("case"),
    "cases:fact-answer": Route("case", get=False),
    "cases:conviction-create": Route("case"),
    "cases:conviction-edit": Route("conviction"),
    "cases:charge-add": Route("conviction", get=False),
    "cases:party-add": Route("conviction", get=False),
    # petitions
    "petitions:create": Route("case"),
    "petitions:detail": Route("petition"),
    "petitions:edit": Route("petition"),
    "petitions:move": Route("petition", get=False),
    "petitions:decide": Route("petition", member="attorney"),
    "petitions:decision-correct": Route("decision", member="attorney"),
    "petitions:action-detail": Route("categorical_action"),
    "petitions:action-link": Route("categorical_action", get=False, member="attorney"),
    # advocacy (the office is the team's own entry; the contact's summary is privileged)
    "advocacy:office-detail": Route("office"),
    "advocacy:office-edit": Route("office"),
    "advocacy:member-add": Route("office"),
    "advocacy:member-edit": Route("office_member"),
    "advocacy:outreach-create": Route("case"),
    "advocacy:outreach-detail": Route("outreach", shows_privileged=True),
    "advocacy:outreach-edit": Route("outreach", member="attorney", shows_privileged=True),
    "advocacy:timeline": Route("case", shows_privileged=True),
    # dna (post-conviction DNA testing)
    "dna:case": Route("case"),
    "dna:evidence-create": Route("case"),
    "dna:request-create": Route("case"),
    "dna:evidence-edit": Route("dna_evidence"),
    "dna:request-detail": Route("dna_request"),
    "dna:request-edit": Route("dna_request"),
    "dna:step-create": Route("dna_request"),
    "dna:step-done": Route("dna_step", get=False),
    "dna:test-create": Route("dna_request"),
    "dna:test-result": Route("dna_test"),
    # deadlines
    "deadlines:create": Route("case"),
    "deadlines:edit": Route("deadline"),
    "deadlines:done": Route("deadline", get=False),
    "deadlines:delete": Route("deadline"),
    "deadlines:execution_resolve": Route("deadline", get=False),
    # documents (the privileged one: its content is the privileged marker)
    "documents:upload": Route("case"),
    "documents:detail": Route("document"),
    "documents:edit": Route("document"),
    "documents:replace": Route("document", get=False),
    "documents:delete": Route("document"),
    "documents:download": Route("document", shows_privileged=True),
    # audit (admins only)
    "audit:detail": Route("audit_event", member="admin"),
    "audit:case": Route("case", member="admin"),
    "audit:case_export": Route("case", member="admin"),
    # drafting (the bundle holds a privileged exhibit: its content is the privileged marker)
    "drafting:case": Route("case"),
    "drafting:generated-download": Route("generated_document"),
    "drafting:generated-add-document": Route("generated_document", get=False),
    "drafting:bundle-create": Route("case"),
    "drafting:bundle-detail": Route("bundle"),
    "drafting:bundle-download": Route("bundle", shows_privileged=True),
    "drafting:bundle-retry": Route("bundle", get=False),
    # transcripts (privileged: the transcript's text and its report hold the privileged marker)
    "transcripts:create": Route("case"),
    "transcripts:detail": Route("transcript"),
    "transcripts:analyze": Route("transcript"),
    "transcripts:download": Route("transcript", shows_privileged=True),
    "transcripts:analysis": Route("transcript_analysis", shows_privileged=True),
    "transcripts:analysis-status": Route("transcript_analysis"),
    "transcripts:analysis-retry": Route("transcript_analysis", get=False),
    "transcripts:analysis-json": Route("transcript_analysis", shows_privileged=True),
    "transcripts:analysis-html": Route("transcript_analysis", shows_privileged=True),
    "transcripts:analysis-pdf": Route("transcript_analysis", shows_privileged=True),
    "transcripts:analysis-speakers": Route("transcript_analysis", get=False),
    "transcripts:analysis-add-document": Route("transcript_analysis", get=False),
    # screenings (a finished run of fictional people)
    "screenings:detail": Route("screening_run"),
    "screenings:status": Route("screening_run"),
    "screenings:retry": Route("screening_run", get=False),
    "screenings:report": Route("screening_run"),
    "screenings:results": Route("screening_run"),
    "screenings:validation": Route("screening_run"),
    "screenings:candidates": Route("screening_run"),
    # campaigns (the team's pages; the public ones are in SPECIAL_ROUTES)
    "campaigns:create": Route("case"),
    "campaigns:detail": Route("campaign"),
    "campaigns:edit": Route("campaign"),
    "campaigns:consent": Route("campaign", get=False),
    "campaigns:publish": Route("campaign", get=False),
    "campaigns:close": Route("campaign", get=False),
    "campaigns:outcome": Route("campaign", get=False),
    "campaigns:update": Route("campaign", get=False),
    "campaigns:photo": Route("campaign", get=False),
    "campaigns:signatures": Route("campaign"),
    "campaigns:export": Route("campaign"),
    "campaigns:anonymise": Route("campaign", get=False),
    "campaigns:deliver": Route("campaign"),
    "campaigns:letter-review": Route("letter"),
    "campaigns:delivery-download": Route("delivery"),
    # API
    "campaign-detail": Route("campaign"),
    "api-people-detail": Route("person"),
    "api-people-contacts": Route("person"),
    "api-cases-detail": Route("case"),
    "api-cases-move": Route("case", get=False),
    "api-cases-eligibility": Route("case"),
    "api-cases-facts": Route("case"),
    "api-convictions-detail": Route("conviction"),
    "api-convictions-charges": Route("conviction", get=False),
    "api-convictions-parties": Route("conviction", get=False),
    "api-notes-detail": Route("note", shows_privileged=True),
    "petition-detail": Route("petition"),
    "petition-move": Route("petition", get=False),
    "petition-decide": Route("petition", get=False, member="attorney"),
    "decision-detail": Route("decision"),
    "decision-correct": Route("decision", get=False, member="attorney"),
    "categorical-action-detail": Route("categorical_action"),
    "categorical-action-link-cases": Route("categorical_action", get=False, member="attorney"),
    "office-detail": Route("office"),
    "office-member-detail": Route("office_member"),
    "outreach-detail": Route("outreach", shows_privileged=True),
    "dna-request-detail": Route("dna_request"),
    "dna-evidence-detail": Route("dna_evidence"),
    "deadline-detail": Route("deadline"),
    "deadline-done": Route("deadline", get=False),
    "document-detail": Route("document"),
    "document-download": Route("document", shows_privileged=True),
    "document-replace": Route("document", get=False),
    "audit-event-detail": Route("audit_event", member="admin"),
    "generated-document-detail": Route("generated_document"),
    "generated-document-download": Route("generated_document"),
    "bundle-detail": Route("bundle"),
    "bundle-download": Route("bundle", shows_privileged=True),
    "transcript-detail": Route("transcript"),
    "transcript-analysis-detail": Route("transcript_analysis", shows_privileged=True),
    "screening-detail": Route("screening_run"),
    "screening-candidates": Route("screening_run"),
}

# URLs that take an argument that is not an object id, each with the reason and its own test.
SPECIAL_ROUTES: dict[str, str] = {
    "accounts:invitation-accept": "a one-time secret token: accounts/tests/test_team_admin.py "
                                  "test_an_expired_or_withdrawn_link_does_not_work",
    "deadlines:feed": "a per-user secret token: test_the_calendar_feed_shows_only_the_token_owners_teams",
    **dict.fromkeys(
        tuple(f"campaigns:public-{name}" for name in (
            "confirm", "signature", "unsubscribe", "page", "sign", "thanks", "challenge", "share-image", "qr",
            "photo", "privacy", "letter")),
        "public pages by a campaign's address or a one-time link, open to anyone once published: "
        "campaigns/tests/test_public.py test_a_draft_is_not_public and the one-time link tests",
    ),
    "outbox-message": "a file name in the outbox folder: web/tests/test_mail.py "
                      "test_team_admins_read_their_teams_messages_and_not_another_teams",
    **dict.fromkeys(
        ("screenings:candidate", "screenings:candidate-case", "screening-candidate"),
        "a rank within a run: screenings/tests test_hidden_runs_are_404_everywhere and "
        "test_a_read_only_member_may_read_candidates_but_not_create_a_case",
    ),
    **dict.fromkeys(
        ("outcomes:chart-csv", "outcomes:embed", "outcomes:embed-svg", "outcomes-public-chart"),
        "a chart's name, not an object: team charts count only the user's teams (outcomes/tests "
        "test_the_team_page_counts_only_the_users_teams); embeds show only public-record charts "
        "(test_anyone_may_embed_a_public_record_chart_but_not_a_teams_numbers)",
    ),
}

# URL prefixes outside the platform's own access rules (Django admin, allauth's own pages, schema).
EXEMPT_PREFIXES = ("admin/", "auth/", "api/schema/", "api/docs/")


@dataclass(frozen=True)
class FoundURL:
    name: str
    route: str
    arguments: tuple[str, ...]
    callback: Callable[..., Any]


def all_urls() -> Iterator[FoundURL]:
    """Every named URL pattern the platform serves, with the arguments it takes."""

    def walk(patterns: list[Any], prefix: str, namespace: str | None) -> Iterator[FoundURL]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                route = prefix + str(pattern.pattern)
                if route.startswith(EXEMPT_PREFIXES) or route.lstrip("^").startswith(EXEMPT_PREFIXES):
                    continue
                arguments = tuple(pattern.pattern.regex.groupindex) or tuple(pattern.pattern.converters)
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if "(?P<format>" in route:
                    continue  # DRF's format-suffix twins of the same views
                yield FoundURL(name, route, arguments, pattern.callback)

    seen: set[str] = set()
    for found in walk(get_resolver().url_patterns, "", None):
        if found.name not in seen:
            seen.add(found.name)
            yield found


def build_world(cast: Any) -> World:
    """Every kind of record on the cast's team, with markers; nothing of it on the other team."""
    from django.core.files.base import ContentFile

    from clemency.audit.services import record_event
    from clemency.cases.models import Case, Charge, Conviction, Note, Party
    from clemency.deadlines.models import Deadline
    from clemency.documents.models import Document
    from clemency.people.models import ContactLog, Person
    from clemency.petitions.models import Petition

    marker = "Qx" + secrets.token_hex(5)
    privileged = "PRIV" + secrets.token_hex(6)
    world = World(cast=cast, marker=marker, privileged_marker=privileged)
    team = cast.team
    person = Person.objects.create(team=team, given_name="Zephyrine", family_name=f"Quill {marker}")
    case = Case.objects.create(team=team, person=person, title=f"Commutation {marker}")
    conviction = Conviction.objects.create(case=case, jurisdiction="us-wi", docket_number=f"D-{marker}")
    world.objects.update(
        person=person,
        contact=ContactLog.objects.create(person=person, occurred_on="2026-01-05", kind="call",
                                          summary=f"Call {marker}"),
        case=case,
        conviction=conviction,
        charge=Charge.objects.create(conviction=conviction, statute="Wis. Stat. 940.01",
                                     offense_category="violent"),
        party=Party.objects.create(conviction=conviction, name=f"Codefendant {marker}", role="co_defendant"),
        public_note=Note.objects.create(case=case, body=f"Public note {marker}"),
        note=Note.objects.create(case=case, body=f"Strategy {privileged}", privileged=True),
        petition=Petition.objects.create(case=case, pathway="us-wi.pardon", title=f"Pardon {marker}",
                                         deciding_authority="Governor of Wisconsin"),
        deadline=Deadline.objects.create(case=case, kind="filing", date="2027-03-01", title=f"File {marker}"),
    )
    content = f"Work product {privileged}\n".encode()
    document = Document(case=case, kind="record", title=f"Memo {marker}", original_name="memo.txt",
                        content_type="text/plain", size_bytes=len(content), sha256="0" * 64, privileged=True)
    document.file.save("memo.txt", ContentFile(content), save=True)
    world.objects["document"] = document
    world.objects.update(_drafting_objects(case, marker, privileged))
    from clemency.transcripts.tests.world import transcript_objects

    world.objects.update(transcript_objects(case, marker, privileged))
    from clemency.screenings.tests.world import screening_objects

    world.objects.update(screening_objects(cast, marker))
    from clemency.advocacy.tests.world import advocacy_objects

    world.objects.update(advocacy_objects(cast, case, marker, privileged))
    from clemency.dna.tests.world import dna_objects

    world.objects.update(dna_objects(case, marker))
    from clemency.campaigns.tests.world import campaign_objects

    world.objects.update(campaign_objects(case, marker))
    world.objects.update(_team_objects(cast, marker))
    world.objects["audit_event"] = record_event("case.update", actor=cast.attorney, obj=case, case_id=case.pk,
                                                team_id=team.pk, before={"title": marker})
    return world


def _team_objects(cast: Any, marker: str) -> dict[str, Any]:
    """The team itself, a member's membership, a pending invitation and a signing attorney."""
    import datetime as dt

    from django.utils import timezone

    from clemency.accounts.models import Invitation, Membership, TeamAttorney, invitation_digest

    team = cast.team
    return {
        "team": team,
        "membership": Membership.objects.get(team=team, user=cast.staff),
        "invitation": Invitation.objects.create(team=team, email=f"{marker.lower()}@example.org",
                                                token_digest=invitation_digest(marker),
                                                expires_at=timezone.now() + dt.timedelta(days=7)),
        "team_attorney": TeamAttorney.objects.create(team=team, name=f"Counsel {marker}",
                                                     bar_number="1000001"),
    }


def _drafting_objects(case: Any, marker: str, privileged: str) -> dict[str, Any]:
    """A generated draft, and a finished bundle whose file holds the privileged marker."""
    import datetime as dt

    from django.core.files.base import ContentFile

    from clemency.drafting.models import Bundle, GeneratedDocument

    draft = GeneratedDocument(case=case, template="support_letter_request", title=f"Letter {marker}",
                              variant="preview", format="docx", as_of=dt.date(2026, 11, 2), sha256="0" * 64,
                              size_bytes=4)
    draft.file.save("draft.docx", ContentFile(b"DOCX"), save=True)
    bundle = Bundle(case=case, title=f"Exhibits {marker}", status="done", privileged=True, page_count=1,
                    sha256="0" * 64)
    bundle.file.save("bundle.pdf", ContentFile(f"%PDF-1.4 {privileged}".encode()), save=True)
    return {"generated_document": draft, "bundle": bundle}
