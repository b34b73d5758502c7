"""Signatures, from the public form to the count: pending until the e-mail is confirmed, counted once.

The signature lifecycle follows the UK Parliament's petitions site: pending, then confirmed through a
link e-mailed to the signer; the e-mail made canonical before the duplicate check; rates limited per
network address and per e-mail domain; names that a spreadsheet would run as a formula refused. What
we add: a signature over a limit is held (never counted; the signer is not told), one made without the
in-browser proof of work waits for the team's review, and the signer can withdraw it through a link.

Public actions write no audit event: the audit log is permanent and must not keep the personal data
that anonymisation later removes. The team's actions on signatures are audited, with counts only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from clemency.audit.services import record_event
from clemency.campaigns import emails
from clemency.campaigns.links import address_hash, new_token, token_hash, unusable_hash
from clemency.campaigns.models import (
    CONFIRMATION_DAYS,
    LIVE_STATUSES,
    Campaign,
    Signature,
    SignatureStatus,
    StateCount,
)
from clemency.campaigns.states import STATES
from clemency.campaigns.text import canonical_email, email_domain, starts_like_a_formula

# Per network address: a burst and a day (a family or an office may share one address). Per e-mail
# domain, an hour, except the large free providers that millions of people share.
DEFAULT_LIMITS: dict[str, Any] = {
    "address_burst": (10, datetime.timedelta(minutes=10)),
    "address_day": (50, datetime.timedelta(hours=24)),
    "domain_hour": (100, datetime.timedelta(hours=1)),
    "shared_domains": frozenset(
        {
            "gmail.com",
            "yahoo.com",
            "outlook.com",
            "hotmail.com",
            "live.com",
            "icloud.com",
            "me.com",
            "aol.com",
            "proton.me",
            "protonmail.com",
            "msn.com",
            "comcast.net",
            "att.net",
            "verizon.net",
        }
    ),
}
ADDRESS_HASH_HOURS = 24


def limits() -> dict[str, Any]:
    return {**DEFAULT_LIMITS, **getattr(settings, "CAMPAIGN_SIGNATURE_LIMITS", {})}


@dataclass(frozen=True)
class SignResult:
    """What the signer is told is the same in every case; `outcome` is for the team and the tests."""

    outcome: str  # "pending", "duplicate", "held"
    signature: Signature


def validate_signer(*, name: str, email: str, zip_code: str, state: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "Enter your name."
    elif starts_like_a_formula(name.strip()):
        errors["name"] = "A name cannot begin with = + - or @. Please write your name as you sign it."
    if state not in STATES:
        errors["state"] = "Choose the state where you live."
    if "@" not in email:
        errors["email"] = "Enter your e-mail address, like name@example.org."
    return errors


def _over_limit(campaign: Campaign, address: str, domain: str, now: datetime.datetime) -> str:
    rules = limits()
    hashed = address_hash(address)
    for key in ("address_burst", "address_day"):
        allowed, window = rules[key]
        if Signature.objects.filter(address_hash=hashed, created_at__gte=now - window).count() >= allowed:
            return f"over the limit for one address ({allowed} in {_words(window)})"
    if domain not in rules["shared_domains"]:
        allowed, window = rules["domain_hour"]
        recent = Signature.objects.filter(
            campaign=campaign, email_domain=domain, created_at__gte=now - window
        )
        if recent.count() >= allowed:
            return f"over the limit for one e-mail domain ({allowed} in {_words(window)})"
    return ""


def _words(window: datetime.timedelta) -> str:
    minutes = int(window.total_seconds() // 60)
    if minutes % 60:
        return f"{minutes} minutes"
    hours = minutes // 60
    return "an hour" if hours == 1 else f"{hours} hours"


def sign(
    campaign: Campaign,
    *,
    name: str,
    email: str,
    zip_code: str,
    state: str,
    comment: str = "",
    wants_updates: bool = False,
    address: str,
    proof_of_work: bool,
) -> SignResult:
    """Record a signature and e-mail its confirmation link; a second one with the same e-mail is not added."""
    if not campaign.is_signing_open:
        raise ValidationError({"__all__": "Signing is closed for this campaign."})
    errors = validate_signer(name=name, email=email, zip_code=zip_code, state=state)
    if errors:
        raise ValidationError(errors)
    canonical = canonical_email(email)
    now = timezone.now()
    confirm_token, confirm_hash = new_token()
    manage_token, manage_hash = new_token()
    with transaction.atomic():
        existing = _live_signature(campaign, canonical)
        if existing is not None:
            return _duplicate(existing)
        held_reason = _over_limit(campaign, address, email_domain(email), now)
        signature = Signature(
            campaign=campaign,
            name=name.strip(),
            email=email.strip(),
            canonical_email=canonical,
            email_domain=email_domain(email),
            zip_code=zip_code.strip(),
            state=state,
            comment=comment.strip(),
            wants_updates=wants_updates,
            status=SignatureStatus.HELD if held_reason else SignatureStatus.PENDING,
            held_reason=held_reason,
            proof_of_work=proof_of_work,
            address_hash=address_hash(address),
            confirm_token_hash=confirm_hash,
            manage_token_hash=manage_hash,
        )
        try:
            with transaction.atomic():
                signature.save()
        except IntegrityError:
            # Another request with the same e-mail won the race: this one is the duplicate.
            existing = _live_signature(campaign, canonical)
            if existing is None:
                raise
            return _duplicate(existing)
        emails.confirmation(signature, confirm_token, manage_token)
        if not held_reason:
            # Last in the transaction: the campaign row stays locked for as short a time as possible.
            Campaign.objects.filter(pk=campaign.pk).update(pending_count=F("pending_count") + 1)
    return SignResult("held" if held_reason else "pending", signature)


def _live_signature(campaign: Campaign, canonical: str) -> Signature | None:
    return (
        Signature.objects.select_related("campaign")
        .filter(campaign=campaign, canonical_email=canonical, status__in=LIVE_STATUSES)
        .first()
    )


def _duplicate(existing: Signature) -> SignResult:
    """Tell the mailbox's owner, politely, that they are counted once; new links replace the old."""
    manage_token, existing.manage_token_hash = new_token()
    confirm_token: str | None = None
    fields = ["manage_token_hash"]
    if existing.email_confirmed_at is None:
        confirm_token, existing.confirm_token_hash = new_token()
        fields.append("confirm_token_hash")
    existing.save(update_fields=fields)
    emails.already_signed(existing, confirm_token, manage_token)
    return SignResult("duplicate", existing)


@dataclass(frozen=True)
class ConfirmResult:
    outcome: str  # "counted", "review", "held", "already", "expired", "unknown"
    signature: Signature | None


def find_by_confirm_token(token: str) -> Signature | None:
    return Signature.objects.select_related("campaign").filter(confirm_token_hash=token_hash(token)).first()


def find_by_manage_token(token: str) -> Signature | None:
    return (
        Signature.objects.select_related("campaign")
        .filter(manage_token_hash=token_hash(token), anonymised_at__isnull=True)
        .first()
    )


def is_expired(signature: Signature, now: datetime.datetime | None = None) -> bool:
    return (now or timezone.now()) >= signature.created_at + datetime.timedelta(days=CONFIRMATION_DAYS)


def confirm(token: str, *, now: datetime.datetime | None = None) -> ConfirmResult:
    """The signer pressed "Confirm my signature": count it, or hold it, once; the link is then used up."""
    now = now or timezone.now()
    with transaction.atomic():
        found = find_by_confirm_token(token)
        if found is None:
            return ConfirmResult("unknown", None)
        signature = Signature.objects.select_for_update().select_related("campaign").get(pk=found.pk)
        if signature.email_confirmed_at is not None:
            return ConfirmResult("already", signature)
        if signature.status == SignatureStatus.PENDING and is_expired(signature, now):
            _expire(signature)
            return ConfirmResult("expired", signature)
        if signature.status not in (SignatureStatus.PENDING, SignatureStatus.HELD):
            return ConfirmResult("unknown", None)
        signature.email_confirmed_at = now
        signature.confirm_token_hash = unusable_hash()
        if signature.status == SignatureStatus.HELD:
            outcome = "held"
        elif not signature.proof_of_work:
            signature.status = SignatureStatus.REVIEW
            Campaign.objects.filter(pk=signature.campaign_id).update(pending_count=F("pending_count") - 1)
            outcome = "review"
        else:
            _count(signature, now)
            Campaign.objects.filter(pk=signature.campaign_id).update(pending_count=F("pending_count") - 1)
            outcome = "counted"
        signature.save()
    return ConfirmResult(outcome, signature)


def _count(signature: Signature, now: datetime.datetime) -> None:
    signature.status = SignatureStatus.CONFIRMED
    signature.counted_at = now
    Campaign.objects.filter(pk=signature.campaign_id).update(confirmed_count=F("confirmed_count") + 1)
    _add_to_state(signature.campaign_id, signature.state, 1)


def _add_to_state(campaign_id: int, state: str, change: int) -> None:
    updated = StateCount.objects.filter(campaign_id=campaign_id, state=state).update(
        count=F("count") + change
    )
    if not updated and change > 0:
        try:
            with transaction.atomic():
                StateCount.objects.create(campaign_id=campaign_id, state=state, count=change)
        except IntegrityError:
            StateCount.objects.filter(campaign_id=campaign_id, state=state).update(count=F("count") + change)


def _expire(signature: Signature) -> None:
    signature.status = SignatureStatus.EXPIRED
    signature.confirm_token_hash = unusable_hash()
    signature.save(update_fields=["status", "confirm_token_hash"])
    Campaign.objects.filter(pk=signature.campaign_id).update(pending_count=F("pending_count") - 1)


def withdraw(token: str) -> Signature | None:
    """The signer takes their signature back: uncounted, and their details erased at once."""
    with transaction.atomic():
        found = find_by_manage_token(token)
        if found is None:
            return None
        signature = Signature.objects.select_for_update().get(pk=found.pk)
        if signature.status == SignatureStatus.CONFIRMED:
            Campaign.objects.filter(pk=signature.campaign_id).update(confirmed_count=F("confirmed_count") - 1)
            _add_to_state(signature.campaign_id, signature.state, -1)
        elif signature.status == SignatureStatus.PENDING:
            Campaign.objects.filter(pk=signature.campaign_id).update(pending_count=F("pending_count") - 1)
        signature.status = SignatureStatus.WITHDRAWN
        signature.withdrawn_at = timezone.now()
        _erase(signature)
        signature.save()
    return signature


def _erase(signature: Signature) -> None:
    """Remove everything that identifies the signer; keep the state (for the counts) and the dates."""
    signature.name = ""
    signature.email = ""
    signature.canonical_email = f"#{signature.pk}"
    signature.email_domain = ""
    signature.zip_code = ""
    signature.comment = ""
    signature.address_hash = ""
    signature.wants_updates = False
    signature.confirm_token_hash = unusable_hash()
    signature.manage_token_hash = unusable_hash()
    signature.anonymised_at = timezone.now()


def unsubscribe(signature_id: int) -> bool:
    return bool(Signature.objects.filter(pk=signature_id, wants_updates=True).update(wants_updates=False))


# --- the team's tools -----------------------------------------------------------------------------


def signatures_per_hour(campaign: Campaign, *, since: datetime.datetime) -> dict[str, list[dict[str, Any]]]:
    """Signatures per hour by address hash and by e-mail domain, busiest first (the last 24 hours)."""
    from django.db.models.functions import TruncHour

    recent = Signature.objects.filter(campaign=campaign, created_at__gte=since).annotate(
        hour=TruncHour("created_at")
    )
    by_address = (
        recent.exclude(address_hash="")
        .values("hour", "address_hash")
        .annotate(signatures=Count("id"), held=Count("id", filter=Q(status=SignatureStatus.HELD)))
        .order_by("-signatures", "-hour")[:50]
    )
    by_domain = (
        recent.exclude(email_domain="")
        .values("hour", "email_domain")
        .annotate(signatures=Count("id"), held=Count("id", filter=Q(status=SignatureStatus.HELD)))
        .order_by("-signatures", "-hour")[:50]
    )
    return {"by_address": list(by_address), "by_domain": list(by_domain)}


def recount(campaign: Campaign) -> None:
    """Counters rebuilt from the rows (after a bulk change): exact, under a lock on the campaign."""
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    rows = Signature.objects.filter(campaign=campaign)
    confirmed = rows.filter(status=SignatureStatus.CONFIRMED)
    Campaign.objects.filter(pk=campaign.pk).update(
        confirmed_count=confirmed.count(), pending_count=rows.filter(status=SignatureStatus.PENDING).count()
    )
    by_state = dict(confirmed.values_list("state").annotate(n=Count("id")).values_list("state", "n"))
    for state_count in StateCount.objects.filter(campaign=campaign):
        state_count.count = by_state.pop(state_count.state, 0)
        state_count.save(update_fields=["count"])
    for state, number in by_state.items():
        StateCount.objects.create(campaign=campaign, state=state, count=number)


def invalidate(
    campaign: Campaign,
    *,
    actor: Any,
    address_hash_value: str = "",
    domain: str = "",
    since: datetime.datetime,
    until: datetime.datetime | None = None,
) -> int:
    """Invalidate, in bulk, the signatures from one address hash or one e-mail domain in a window."""
    if bool(address_hash_value) == bool(domain):
        raise ValidationError({"__all__": "Choose either one address or one e-mail domain."})
    selection = Q(address_hash=address_hash_value) if address_hash_value else Q(email_domain=domain)
    with transaction.atomic():
        rows = Signature.objects.filter(
            selection, campaign=campaign, created_at__gte=since, status__in=LIVE_STATUSES
        )
        if until is not None:
            rows = rows.filter(created_at__lt=until)
        changed = rows.update(status=SignatureStatus.INVALIDATED)
        recount(campaign)
        record_event(
            "campaign.signatures_invalidated",
            actor=actor,
            obj=campaign,
            case_id=campaign.case_id,
            team_id=campaign.team_id,
            after={
                "signatures": changed,
                "by": "address" if address_hash_value else "domain",
                "domain": domain,
                "since": since.isoformat(),
            },
        )
    return changed


def release(campaign: Campaign, signature_ids: list[int], *, actor: Any) -> int:
    """Count held or reviewed signatures the team accepts (those whose e-mail is confirmed)."""
    now = timezone.now()
    with transaction.atomic():
        rows = Signature.objects.filter(
            campaign=campaign, pk__in=signature_ids, status__in=[SignatureStatus.HELD, SignatureStatus.REVIEW]
        )
        counted = rows.filter(email_confirmed_at__isnull=False).update(
            status=SignatureStatus.CONFIRMED, counted_at=now
        )
        rows.filter(email_confirmed_at__isnull=True).update(status=SignatureStatus.PENDING, held_reason="")
        recount(campaign)
        record_event(
            "campaign.signatures_released",
            actor=actor,
            obj=campaign,
            case_id=campaign.case_id,
            team_id=campaign.team_id,
            after={"counted": counted, "chosen": len(signature_ids)},
        )
    return counted


def expire_and_forget(now: datetime.datetime | None = None) -> dict[str, int]:
    """Housekeeping: expire links unconfirmed for 7 days; erase address hashes older than 24 hours."""
    now = now or timezone.now()
    expired = 0
    stale = Signature.objects.filter(
        status=SignatureStatus.PENDING, created_at__lt=now - datetime.timedelta(days=CONFIRMATION_DAYS)
    )
    for campaign_id in set(stale.values_list("campaign_id", flat=True)):
        with transaction.atomic():
            number = stale.filter(campaign_id=campaign_id).update(status=SignatureStatus.EXPIRED)
            Campaign.objects.filter(pk=campaign_id).update(pending_count=F("pending_count") - number)
            expired += number
    forgotten = (
        Signature.objects.exclude(address_hash="")
        .filter(created_at__lt=now - datetime.timedelta(hours=ADDRESS_HASH_HOURS))
        .update(address_hash="")
    )
    return {"expired": expired, "address_hashes_erased": forgotten}
