"""Every change to a campaign goes through one of these functions: atomic, checked, audited.

An attorney on the team creates a campaign, records the client's written consent and approves
publication; nothing is public before all three. Publishing is refused while the public text names
a victim recorded on the case.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from clemency.accounts.access import role_on_team
from clemency.accounts.models import Role
from clemency.audit.services import record_event, snapshot
from clemency.campaigns import emails
from clemency.campaigns.images import clean_photo
from clemency.campaigns.links import unsubscribe_token
from clemency.campaigns.models import (
    Campaign,
    CampaignPhoto,
    CampaignStatus,
    CampaignUpdate,
    Outcome,
    Signature,
)
from clemency.campaigns.routing import route_for
from clemency.campaigns.signing import _erase
from clemency.campaigns.text import NameMatch, find_names
from clemency.cases.models import PartyRole

EDITABLE_FIELDS = (
    "title",
    "person_name",
    "story",
    "ask",
    "data_holder",
    "retention_days",
    "goal_people",
    "goal_date",
    "decision_maker",
    "decision_maker_title",
)
# Who may speak for the client in public: an attorney on the team.
DECIDING_ROLES = {Role.ATTORNEY}


def page_cache_key(slug: str) -> str:
    return f"campaigns:page:{slug}"


def forget_page(campaign: Campaign) -> None:
    """Drop the cached public page so the next visitor sees the change (counts refresh on their own)."""
    cache.delete(page_cache_key(campaign.slug))


def _audit(
    action: str,
    campaign: Campaign,
    *,
    actor: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    record_event(
        action,
        actor=actor,
        obj=campaign,
        case_id=campaign.case_id,
        team_id=campaign.team_id,
        before=before,
        after=after,
    )


def _require_attorney(campaign_team_id: int, actor: Any, what: str) -> None:
    if role_on_team(actor, campaign_team_id) not in DECIDING_ROLES:
        raise PermissionDenied(f"Only an attorney on the team may {what}.")


def _route(case: Any) -> tuple[Any, str]:
    """The directory's office for the case's conviction, and its title; (None, "") if unknown."""
    from clemency.advocacy.models import Office

    conviction = case.convictions.order_by("-sentencing_date", "-id").first()
    if conviction is None:
        return None, ""
    offices = list(Office.objects.filter(jurisdiction=conviction.jurisdiction, team__isnull=True))
    route = route_for(conviction.jurisdiction, offices)
    if route is None:
        return None, ""
    office = Office.objects.filter(seed_key=route.seed_key).first()
    if office is None:
        return None, ""
    if conviction.jurisdiction.startswith("us-") and office.jurisdiction in ("federal", "dc"):
        raise ValidationError({"decision_maker": "A state conviction is never sent to the President."})
    return office, office.name


def create_campaign(
    *,
    case: Any,
    actor: Any,
    title: str,
    slug: str,
    person_name: str,
    story: str,
    ask: str,
    data_holder: str,
    retention_days: int | None = None,
    goal_people: int | None = None,
    goal_date: datetime.date | None = None,
    cohort_cases: list[Any] | None = None,
) -> Campaign:
    _require_attorney(case.team_id, actor, "start a public campaign")
    office, office_title = _route(case)
    with transaction.atomic():
        campaign = Campaign(
            team_id=case.team_id,
            case=case,
            title=title.strip(),
            slug=slug.strip().lower(),
            person_name=person_name.strip(),
            story=story,
            ask=ask,
            data_holder=data_holder.strip(),
            goal_people=goal_people,
            goal_date=goal_date,
            decision_maker=office,
            decision_maker_title=office_title,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        if retention_days is not None:
            campaign.retention_days = retention_days
        campaign.full_clean()
        campaign.save()
        if cohort_cases:
            outside = [c for c in cohort_cases if c.team_id != case.team_id]
            if outside:
                raise ValidationError(
                    {"cohort_cases": "Every case of a cohort must be on the campaign's team."}
                )
            campaign.cohort_cases.set(cohort_cases)
        _audit("campaign.created", campaign, actor=actor, after=snapshot(campaign))
    return campaign


def update_campaign(campaign: Campaign, *, actor: Any, **changes: Any) -> Campaign:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed here."))
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        before = snapshot(campaign, list(EDITABLE_FIELDS))
        for name, value in changes.items():
            setattr(campaign, name, value.strip() if isinstance(value, str) and name != "story" else value)
        if "decision_maker" in changes and campaign.decision_maker is not None:
            _check_not_president_for_state(campaign)
            if not changes.get("decision_maker_title"):
                campaign.decision_maker_title = campaign.decision_maker.name
        campaign.full_clean()
        if campaign.status == CampaignStatus.PUBLISHED:
            _refuse_if_victim_named(campaign)
        campaign.save()
        _audit(
            "campaign.updated",
            campaign,
            actor=actor,
            before=before,
            after=snapshot(campaign, list(EDITABLE_FIELDS)),
        )
    forget_page(campaign)
    return campaign


def _check_not_president_for_state(campaign: Campaign) -> None:
    jurisdictions = set(campaign.case.convictions.values_list("jurisdiction", flat=True))
    office = campaign.decision_maker
    if (
        office is not None
        and office.jurisdiction in ("federal", "dc")
        and any(j.startswith("us-") for j in jurisdictions)
    ):
        raise ValidationError({"decision_maker": "A state conviction is never sent to the President."})


def record_consent(campaign: Campaign, *, actor: Any, document: Any) -> Campaign:
    """The client's written consent to a public campaign: a document of the case, recorded by an attorney."""
    _require_attorney(campaign.team_id, actor, "record the client's consent")
    if document.case_id != campaign.case_id:
        raise ValidationError({"consent_document": "The consent must be a document of this campaign's case."})
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        campaign.consent_document = document
        campaign.consent_recorded_by = actor
        campaign.consent_recorded_at = timezone.now()
        campaign.save()
        _audit("campaign.consent_recorded", campaign, actor=actor, after={"document": document.pk})
    return campaign


def public_texts(campaign: Campaign) -> dict[str, str]:
    texts = {"Title": campaign.title, "Name shown in public": campaign.person_name, "Story": campaign.story}
    if campaign.pk:
        for update in campaign.updates.all():
            texts[f"Update “{update.title}”"] = f"{update.title}\n{update.body}"
        for photo in campaign.photos.all():
            texts["Photo caption"] = f"{photo.caption} {photo.alt_text}"
        texts["Outcome message"] = campaign.outcome_message
    return texts


def victim_matches(campaign: Campaign, extra: dict[str, str] | None = None) -> list[NameMatch]:
    """Victims recorded on the campaign's case (and cohort) named anywhere in the public text."""
    from clemency.cases.models import Party

    case_ids = (
        [campaign.case_id, *campaign.cohort_cases.values_list("pk", flat=True)]
        if campaign.pk
        else [campaign.case_id]
    )
    names = list(
        Party.objects.filter(conviction__case_id__in=case_ids, role=PartyRole.VICTIM).values_list(
            "name", flat=True
        )
    )
    return find_names(names, {**public_texts(campaign), **(extra or {})})


def _refuse_if_victim_named(campaign: Campaign, extra: dict[str, str] | None = None) -> None:
    found = victim_matches(campaign, extra)
    if found:
        shown = "; ".join(f"{match.where}: “…{match.excerpt}…”" for match in found)
        raise ValidationError(
            {
                "__all__": f"The public text names a victim recorded on the case ({shown}). "
                "Remove the name before publishing."
            }
        )


def publish(campaign: Campaign, *, actor: Any) -> Campaign:
    _require_attorney(campaign.team_id, actor, "approve publication")
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status != CampaignStatus.DRAFT:
            raise ValidationError({"__all__": "Only a draft campaign can be published."})
        missing = []
        if campaign.consent_document_id is None:
            missing.append("the client's written consent")
        if not campaign.decision_maker_title:
            missing.append("the decision maker")
        if missing:
            raise ValidationError({"__all__": f"Before publishing, record {' and '.join(missing)}."})
        _refuse_if_victim_named(campaign)
        campaign.status = CampaignStatus.PUBLISHED
        campaign.published_by = actor
        campaign.published_at = timezone.now()
        campaign.save()
        _audit("campaign.published", campaign, actor=actor, after={"status": campaign.status})
    forget_page(campaign)
    return campaign


def close(campaign: Campaign, *, actor: Any) -> Campaign:
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status != CampaignStatus.PUBLISHED:
            raise ValidationError({"__all__": "Only a published campaign can be closed."})
        campaign.status = CampaignStatus.CLOSED
        campaign.closed_at = timezone.now()
        campaign.save()
        _audit("campaign.closed", campaign, actor=actor, after={"status": campaign.status})
    forget_page(campaign)
    return campaign


OUTCOME_SUBJECTS = {
    Outcome.STAY: "The execution has been stayed",
    Outcome.EXECUTED: "In memory",
    Outcome.GRANTED: "Clemency granted",
    Outcome.DENIED: "Clemency denied",
}


def record_outcome(
    campaign: Campaign, *, actor: Any, outcome: str, on: datetime.date, message: str
) -> Campaign:
    """A stay, an execution, a grant or a denial: the page changes, and supporters who asked are told."""
    _require_attorney(campaign.team_id, actor, "record what happened")
    if outcome not in OUTCOME_SUBJECTS:
        raise ValidationError({"outcome": "Choose what happened: a stay, an execution, a grant or a denial."})
    if on > timezone.localdate():
        raise ValidationError({"outcome_on": "The date cannot be in the future."})
    if not message.strip():
        raise ValidationError({"outcome_message": "Write the message for the page and for supporters."})
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status == CampaignStatus.DRAFT:
            raise ValidationError({"__all__": "Publish the campaign before recording an outcome."})
        _refuse_if_victim_named(campaign, {"Outcome message": message})
        before = snapshot(campaign, ["outcome", "outcome_on", "outcome_message", "status"])
        campaign.outcome, campaign.outcome_on, campaign.outcome_message = outcome, on, message.strip()
        if outcome in (Outcome.EXECUTED, Outcome.GRANTED) and campaign.status == CampaignStatus.PUBLISHED:
            campaign.status = CampaignStatus.CLOSED
            campaign.closed_at = timezone.now()
        campaign.save()
        title = f"{OUTCOME_SUBJECTS[Outcome(outcome)]}: {campaign.person_name}"
        update = CampaignUpdate.objects.create(
            campaign=campaign, posted_on=on, title=title, body=message.strip(), created_by=actor
        )
        update.emailed_count = _email_supporters(campaign, title, message.strip())
        update.save(update_fields=["emailed_count"])
        _audit(
            "campaign.outcome_recorded",
            campaign,
            actor=actor,
            before=before,
            after=snapshot(campaign, ["outcome", "outcome_on", "outcome_message", "status"]),
        )
    forget_page(campaign)
    return campaign


def _email_supporters(campaign: Campaign, subject: str, body: str) -> int:
    supporters = Signature.objects.select_related("campaign").filter(
        campaign=campaign, wants_updates=True, email_confirmed_at__isnull=False, anonymised_at__isnull=True
    )
    sent = 0
    for signature in supporters.iterator():
        emails.update(signature, unsubscribe_token(signature.pk), subject, body)
        sent += 1
    return sent


def post_update(
    campaign: Campaign, *, actor: Any, title: str, body: str, posted_on: datetime.date, email_supporters: bool
) -> CampaignUpdate:
    if not title.strip() or not body.strip():
        raise ValidationError({"title": "An update needs a title and a text."})
    if posted_on > timezone.localdate():
        raise ValidationError({"posted_on": "An update cannot be dated in the future."})
    with transaction.atomic():
        if campaign.status != CampaignStatus.DRAFT:
            _refuse_if_victim_named(campaign, {"Update": f"{title}\n{body}"})
        update = CampaignUpdate.objects.create(
            campaign=campaign, title=title.strip(), body=body, posted_on=posted_on, created_by=actor
        )
        if email_supporters and campaign.status != CampaignStatus.DRAFT:
            update.emailed_count = _email_supporters(campaign, f"{campaign.title}: {update.title}", body)
            update.save(update_fields=["emailed_count"])
        _audit(
            "campaign.update_posted",
            campaign,
            actor=actor,
            after={"update": update.pk, "title": update.title, "emailed": update.emailed_count},
        )
    forget_page(campaign)
    return update


def add_photo(
    campaign: Campaign, *, actor: Any, upload: Any, alt_text: str, caption: str = ""
) -> CampaignPhoto:
    if not alt_text.strip():
        raise ValidationError({"alt_text": "Describe the photo for people who cannot see it."})
    data, width, height = clean_photo(upload)
    with transaction.atomic():
        photo = CampaignPhoto(
            campaign=campaign, alt_text=alt_text.strip(), caption=caption.strip(), width=width, height=height
        )
        if campaign.status != CampaignStatus.DRAFT:
            _refuse_if_victim_named(campaign, {"Photo caption": f"{caption} {alt_text}"})
        photo.image.save("photo.jpg", ContentFile(data), save=False)
        photo.save()
        _audit("campaign.photo_added", campaign, actor=actor, after={"photo": photo.pk, "alt_text": alt_text})
    forget_page(campaign)
    return photo


@dataclass(frozen=True)
class Countdown:
    kind: str
    label: str
    date: datetime.date
    days_left: int


def countdown(campaign: Campaign, today: datetime.date) -> Countdown | None:
    """The next execution date (first) or hearing from the case's deadlines that is not past or done."""
    from clemency.deadlines.models import Deadline, DeadlineKind

    for kind in (DeadlineKind.EXECUTION, DeadlineKind.HEARING):
        found = (
            Deadline.objects.filter(case_id=campaign.case_id, kind=kind, done=False, date__gte=today)
            .order_by("date")
            .first()
        )
        if found is not None:
            label = "the execution date" if kind == DeadlineKind.EXECUTION else "the hearing"
            return Countdown(kind=kind, label=label, date=found.date, days_left=(found.date - today).days)
    return None


def anonymise(campaign: Campaign, *, actor: Any, now: datetime.datetime | None = None) -> int:
    """Erase signers' personal data once the retention period after closing has passed; counts stay."""
    now = now or timezone.now()
    due = campaign.anonymise_after()
    if campaign.status != CampaignStatus.CLOSED or due is None:
        raise ValidationError({"__all__": "Signers' data is anonymised only after the campaign closes."})
    if now < due:
        raise ValidationError(
            {"__all__": f"Signers' data is kept until {due:%Y-%m-%d}, the retention period."}
        )
    erased = 0
    with transaction.atomic():
        for signature in Signature.objects.filter(campaign=campaign, anonymised_at__isnull=True).iterator():
            _erase(signature)
            signature.save()
            erased += 1
        for letter in campaign.letters.all():
            letter.writer_email = ""
            letter.save(update_fields=["writer_email"])
        Campaign.objects.filter(pk=campaign.pk).update(anonymised_at=now)
        _audit("campaign.anonymised", campaign, actor=actor, after={"signatures": erased})
    return erased


def anonymise_due(*, now: datetime.datetime | None = None) -> int:
    """Every closed campaign past its retention period (run by `clemency campaigns_housekeeping`)."""
    now = now or timezone.now()
    done = 0
    for campaign in Campaign.objects.filter(status=CampaignStatus.CLOSED, anonymised_at__isnull=True):
        due = campaign.anonymise_after()
        if due is not None and now >= due:
            anonymise(campaign, actor=None, now=now)
            done += 1
    return done
