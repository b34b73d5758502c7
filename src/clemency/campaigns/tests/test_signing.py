"""The signature rules: confirmation, duplicates by canonical e-mail, rate limits, expiry, withdrawal."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from clemency.campaigns import signing
from clemency.campaigns.models import Campaign, Signature, SignatureStatus, StateCount
from clemency.campaigns.tests.conftest import signer
from clemency.campaigns.text import canonical_email


def _token(kind: str, message_index: int = -1) -> str:
    body = mail.outbox[message_index].body
    match = re.search(rf"/c/{kind}/([A-Za-z0-9_\-]+)/", body)
    assert match, body
    return match.group(1)


def _counts(campaign: Any) -> tuple[int, int]:
    campaign = Campaign.objects.get(pk=campaign.pk)
    return campaign.pending_count, campaign.confirmed_count


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("Avery.Signer+campaign@Gmail.com", "averysigner@gmail.com"),
        ("a.v.e.r.y.signer@googlemail.com", "averysigner@gmail.com"),
        ("avery.signer+x@clinic.org", "avery.signer@clinic.org"),
        ("AVERY@Example.ORG", "avery@example.org"),
    ],
)
def test_email_is_made_canonical(given: str, canonical: str) -> None:
    assert canonical_email(given) == canonical


def test_a_signature_is_pending_until_confirmed_then_counted_once(campaign: Any) -> None:
    result = signing.sign(campaign, **signer())
    assert result.outcome == "pending"
    assert _counts(campaign) == (1, 0)
    assert "Confirm your signature" in mail.outbox[-1].subject
    token = _token("confirm")
    assert signing.confirm(token).outcome == "counted"
    assert _counts(campaign) == (0, 1)
    assert StateCount.objects.get(campaign=campaign, state="WI").count == 1
    # The link is used up: a second press (or a mail scanner) changes nothing.
    assert signing.confirm(token).outcome == "unknown"
    assert _counts(campaign) == (0, 1)


def test_the_same_canonical_email_counts_once_and_is_told_politely(campaign: Any) -> None:
    signing.sign(campaign, **signer())
    signing.confirm(_token("confirm"))
    again = signing.sign(campaign, **signer(email="Avery.Signer+again@googlemail.com", name="A. Signer"))
    assert again.outcome == "duplicate"
    assert Signature.objects.filter(campaign=campaign).count() == 1
    assert _counts(campaign) == (0, 1)
    note = mail.outbox[-1]
    assert note.subject.startswith("You have already signed")
    assert "each person is counted once" in note.body


def test_a_duplicate_of_a_pending_signature_gets_a_fresh_link_and_the_old_one_stops(campaign: Any) -> None:
    signing.sign(campaign, **signer())
    first = _token("confirm")
    signing.sign(campaign, **signer(email="averysigner@gmail.com"))
    second = _token("confirm")
    assert signing.confirm(first).outcome == "unknown"
    assert signing.confirm(second).outcome == "counted"
    assert _counts(campaign) == (0, 1)


@pytest.mark.parametrize("name", ['=HYPERLINK("x")', "+1 555", "-2", "@SUM(A1)"])
def test_names_that_start_like_a_formula_are_refused(campaign: Any, name: str) -> None:
    with pytest.raises(ValidationError) as raised:
        signing.sign(campaign, **signer(name=name))
    assert "cannot begin with" in str(raised.value.message_dict["name"])
    assert not Signature.objects.exists()


def test_a_link_expires_after_seven_days(campaign: Any) -> None:
    signing.sign(campaign, **signer())
    token = _token("confirm")
    signature = Signature.objects.get()
    later = signature.created_at + datetime.timedelta(days=7)
    assert signing.confirm(token, now=later - datetime.timedelta(seconds=1)).outcome == "counted"

    signing.sign(campaign, **signer(email="late@example.org"))
    late = _token("confirm")
    created = Signature.objects.get(email="late@example.org").created_at
    assert signing.confirm(late, now=created + datetime.timedelta(days=7)).outcome == "expired"
    assert Signature.objects.get(email="late@example.org").status == SignatureStatus.EXPIRED
    assert _counts(campaign) == (0, 1)


def test_housekeeping_expires_old_pending_signatures_and_forgets_address_hashes(campaign: Any) -> None:
    signing.sign(campaign, **signer())
    signing.sign(campaign, **signer(email="fresh@example.org"))
    old = Signature.objects.get(email="avery.signer@gmail.com")
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    result = signing.expire_and_forget()
    assert result == {"expired": 1, "address_hashes_erased": 1}
    assert Signature.objects.get(pk=old.pk).address_hash == ""
    assert Signature.objects.get(email="fresh@example.org").address_hash != ""
    assert _counts(campaign) == (1, 0)


@override_settings(CAMPAIGN_SIGNATURE_LIMITS={"address_burst": (3, datetime.timedelta(minutes=10))})
def test_over_the_address_limit_a_signature_is_held_silently_and_never_counted(campaign: Any) -> None:
    outcomes = [signing.sign(campaign, **signer(email=f"person{n}@example.org")).outcome for n in range(5)]
    assert outcomes == ["pending", "pending", "pending", "held", "held"]
    # The held signer receives the same confirmation e-mail as everyone else: they are not told.
    assert [m.subject for m in mail.outbox] == [mail.outbox[0].subject] * 5
    held = Signature.objects.filter(status=SignatureStatus.HELD)
    assert held.count() == 2 and "one address" in held.first().held_reason  # type: ignore[union-attr]
    for index in range(5):
        signing.confirm(_token("confirm", index))
    assert _counts(campaign) == (0, 3)
    # Another address is not affected.
    assert (
        signing.sign(campaign, **signer(email="elsewhere@example.org", address="198.51.100.4")).outcome
        == "pending"
    )


@override_settings(CAMPAIGN_SIGNATURE_LIMITS={"domain_hour": (2, datetime.timedelta(hours=1))})
def test_over_the_domain_limit_signatures_are_held_but_shared_providers_are_not(campaign: Any) -> None:
    outcomes = [
        signing.sign(campaign, **signer(email=f"p{n}@botfarm.example", address=f"192.0.2.{n}")).outcome
        for n in range(3)
    ]
    assert outcomes == ["pending", "pending", "held"]
    gmail = [
        signing.sign(campaign, **signer(email=f"p{n}@gmail.com", address=f"198.51.100.{n}")).outcome
        for n in range(3)
    ]
    assert gmail == ["pending", "pending", "pending"]


def test_without_proof_of_work_a_confirmed_signature_waits_for_review(campaign: Any, cast: Any) -> None:
    signing.sign(campaign, **signer(proof_of_work=False))
    assert signing.confirm(_token("confirm")).outcome == "review"
    assert _counts(campaign) == (0, 0)
    signature = Signature.objects.get()
    assert signing.release(campaign, [signature.pk], actor=cast.staff) == 1
    assert _counts(campaign) == (0, 1)


def test_the_team_invalidates_in_bulk_by_address_and_the_counts_follow(campaign: Any, cast: Any) -> None:
    for n in range(3):
        signing.sign(campaign, **signer(email=f"bot{n}@example.org", address="203.0.113.66"))
        signing.confirm(_token("confirm"))
    signing.sign(campaign, **signer(email="real@example.org", address="198.51.100.9", state="TX"))
    signing.confirm(_token("confirm"))
    per_hour = signing.signatures_per_hour(campaign, since=timezone.now() - datetime.timedelta(hours=24))
    busiest = per_hour["by_address"][0]
    assert busiest["signatures"] == 3
    changed = signing.invalidate(
        campaign,
        actor=cast.staff,
        address_hash_value=busiest["address_hash"],
        since=timezone.now() - datetime.timedelta(hours=24),
    )
    assert changed == 3
    assert _counts(campaign) == (0, 1)
    assert dict(StateCount.objects.filter(campaign=campaign).values_list("state", "count")) == {
        "WI": 0,
        "TX": 1,
    }


def test_a_signer_withdraws_and_their_details_are_erased(campaign: Any) -> None:
    signing.sign(campaign, **signer())
    manage = _token("signature")
    signing.confirm(_token("confirm"))
    signature = signing.withdraw(manage)
    assert signature is not None and signature.status == SignatureStatus.WITHDRAWN
    stored = Signature.objects.get()
    assert (stored.name, stored.email, stored.zip_code) == ("", "", "")
    assert _counts(campaign) == (0, 0)
    assert signing.withdraw(manage) is None


def test_signing_is_closed_after_an_execution_or_a_grant(campaign: Any) -> None:
    Campaign.objects.filter(pk=campaign.pk).update(outcome="granted")
    campaign.refresh_from_db()
    with pytest.raises(ValidationError):
        signing.sign(campaign, **signer())


def test_the_housekeeping_command_reports_what_it_did(campaign: Any) -> None:
    import io

    from django.core.management import call_command

    signing.sign(campaign, **signer())
    Signature.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    out = io.StringIO()
    call_command("campaigns_housekeeping", stdout=out)
    assert out.getvalue().strip() == (
        "1 unconfirmed signature(s) expired; 1 address hash(es) erased; 0 campaign(s) anonymised."
    )
