"""Public campaigns: a page for the person, signatures that can be trusted, letters to the decision maker.

Only what the team wrote for the public reaches a public page: the story, photos, the ask, dated
updates, and counts. Supporters' names and addresses are never listed in public; they are anonymised
after the retention period, keeping the counts by state.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from clemency.campaigns.states import STATE_CHOICES

# Six months, as the UK Parliament's petitions site keeps signers' details after a petition closes.
DEFAULT_RETENTION_DAYS = 183
CONFIRMATION_DAYS = 7


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


class Ask(models.TextChoices):
    PARDON = "pardon", "Pardon"
    COMMUTATION = "commutation", "Commute the sentence"
    PARDON_OR_COMMUTATION = "pardon_or_commutation", "Pardon or commute"
    REPRIEVE = "reprieve", "Stop the execution"


class Outcome(models.TextChoices):
    """What happened: each changes the public page; an execution or a grant closes signing."""

    NONE = "", "Campaign going on"
    STAY = "stay", "Execution stayed"
    EXECUTED = "executed", "Executed"
    GRANTED = "granted", "Clemency granted"
    DENIED = "denied", "Clemency denied"


class Campaign(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="campaigns")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="campaigns")
    # A cohort campaign ("90 days"): a goal of people home by a date, each case's progress shown.
    cohort_cases = models.ManyToManyField("cases.Case", blank=True, related_name="cohort_campaigns")
    goal_people = models.PositiveIntegerField(null=True, blank=True, validators=[MinValueValidator(1)])
    goal_date = models.DateField(null=True, blank=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="The public address: /c/<slug>/")
    title = models.CharField(max_length=140)
    person_name = models.CharField(
        "name shown in public", max_length=120, help_text="As the person wishes to be named on the page"
    )
    story = models.TextField(help_text="Markdown. Only what the team writes for the public.")
    ask = models.CharField(max_length=30, choices=Ask.choices, default=Ask.PARDON_OR_COMMUTATION)
    decision_maker = models.ForeignKey(
        "advocacy.Office", null=True, blank=True, on_delete=models.SET_NULL, related_name="campaigns"
    )
    decision_maker_title = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.NONE, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_message = models.TextField(blank=True)
    consent_document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    data_holder = models.CharField(
        max_length=200, help_text="Who holds signers' data, for the privacy notice (the team's legal name)"
    )
    retention_days = models.PositiveIntegerField(
        default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text="Days after the campaign closes before signers' personal data is anonymised",
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # Counters, not COUNT(*): the public page reads one row however many have signed.
    confirmed_count = models.PositiveIntegerField(default=0)
    pending_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in (CampaignStatus.PUBLISHED, CampaignStatus.CLOSED)

    @property
    def is_signing_open(self) -> bool:
        return self.status == CampaignStatus.PUBLISHED and self.outcome not in (
            Outcome.EXECUTED,
            Outcome.GRANTED,
        )

    def anonymise_after(self) -> datetime.datetime | None:
        if self.closed_at is None:
            return None
        return self.closed_at + datetime.timedelta(days=self.retention_days)


class StateCount(models.Model):
    """Confirmed signatures by state: kept as counters, and kept after anonymisation."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="state_counts")
    state = models.CharField(max_length=2, choices=STATE_CHOICES)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-count", "state"]
        constraints = [models.UniqueConstraint(fields=["campaign", "state"], name="one_count_per_state")]


def photo_path(instance: CampaignPhoto, filename: str) -> str:
    return f"campaigns/{instance.campaign_id}/{uuid.uuid4().hex}.jpg"


class CampaignPhoto(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(upload_to=photo_path, max_length=255)
    alt_text = models.CharField("description for screen readers", max_length=300)
    caption = models.CharField(max_length=300, blank=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]


class CampaignUpdate(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="updates")
    posted_on = models.DateField()
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown")
    emailed_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-posted_on", "-id"]

    def __str__(self) -> str:
        return self.title


class SignatureStatus(models.TextChoices):
    PENDING = "pending", "Waiting for e-mail confirmation"
    CONFIRMED = "confirmed", "Confirmed and counted"
    HELD = "held", "Held: over a rate limit"
    REVIEW = "review", "Waiting for the team's review (signed without JavaScript)"
    INVALIDATED = "invalidated", "Invalidated by the team"
    WITHDRAWN = "withdrawn", "Withdrawn by the signer"
    EXPIRED = "expired", "Not confirmed in time"


# Statuses that hold a place: a second signature with the same canonical e-mail is a duplicate.
LIVE_STATUSES = (
    SignatureStatus.PENDING,
    SignatureStatus.CONFIRMED,
    SignatureStatus.HELD,
    SignatureStatus.REVIEW,
)

zip_validator = RegexValidator(r"^\d{5}(-\d{4})?$", "Enter a ZIP code of five digits (or ZIP+4).")


class Signature(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="signatures")
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    canonical_email = models.CharField(max_length=254, editable=False)
    email_domain = models.CharField(max_length=254, editable=False)
    zip_code = models.CharField("ZIP code", max_length=10, validators=[zip_validator])
    state = models.CharField(max_length=2, choices=STATE_CHOICES)
    comment = models.TextField(blank=True, max_length=1000)
    wants_updates = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=SignatureStatus.choices, default=SignatureStatus.PENDING)
    held_reason = models.CharField(max_length=200, blank=True)
    proof_of_work = models.BooleanField(default=False, help_text="Solved the in-browser challenge")
    # A keyed hash of the signer's address (never the address), erased after 24 hours.
    address_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # Hashes of the one-time links; the links themselves exist only in the e-mail.
    confirm_token_hash = models.CharField(max_length=64, unique=True)
    manage_token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    counted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["campaign", "canonical_email"], name="signature_canonical_email"),
            models.Index(fields=["campaign", "email_domain", "created_at"], name="signature_domain_time"),
        ]
        constraints = [
            # One live signature per person per campaign, even when two requests race.
            models.UniqueConstraint(
                fields=["campaign", "canonical_email"],
                condition=Q(status__in=["pending", "confirmed", "held", "review"]),
                name="one_live_signature_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"Signature {self.pk} on {self.campaign_id}"

    def confirmation_expires_at(self) -> datetime.datetime:
        return self.created_at + datetime.timedelta(days=CONFIRMATION_DAYS)


class Relationship(models.TextChoices):
    FAMILY = "family", "Family"
    FRIEND = "friend", "Friend"
    EMPLOYER = "employer", "Employer"
    FAITH_LEADER = "faith_leader", "Faith leader"
    TEACHER = "teacher", "Teacher"
    CORRECTIONAL_OFFICER = "correctional_officer", "Correctional officer"
    JUROR = "juror", "Juror at the trial"
    PROSECUTOR = "prosecutor", "Prosecutor"
    VICTIMS_FAMILY = "victims_family", "Member of the victim's family"
    OTHER = "other", "Other"


# Letters the decision maker weighs most: they come from the people the system asked to judge.
MOST_WEIGHT = frozenset({Relationship.JUROR, Relationship.PROSECUTOR, Relationship.VICTIMS_FAMILY})


class LetterStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for review"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned to the writer with a note"
    REJECTED = "rejected", "Rejected"


class Letter(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="letters")
    writer_name = models.CharField(max_length=120)
    writer_email = models.EmailField(max_length=254)
    writer_town = models.CharField("town or city", max_length=120, blank=True)
    relationship = models.CharField("who you are to the person", max_length=30, choices=Relationship.choices)
    how_known = models.TextField("how you know them", max_length=2000)
    support_on_release = models.TextField("support you will give on release", max_length=2000, blank=True)
    body = models.TextField("your letter", max_length=10000)
    keep_private = models.BooleanField(
        "deliver it but never show it in public",
        default=False,
    )
    status = models.CharField(max_length=20, choices=LetterStatus.choices, default=LetterStatus.SUBMITTED)
    review_note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Letter from {self.writer_name}"

    @property
    def carries_most_weight(self) -> bool:
        return self.relationship in MOST_WEIGHT


def packet_path(instance: Delivery, filename: str) -> str:
    return f"campaigns/{instance.campaign_id}/deliveries/{uuid.uuid4().hex}.pdf"


class Delivery(models.Model):
    """A delivery packet: cover letter, counts by state, approved letters, the signature set's hash."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="deliveries")
    recipient = models.CharField(max_length=200)
    delivered_on = models.DateField()
    cover_letter = models.TextField()
    include_names = models.BooleanField(
        default=False, help_text="List signers' names and towns in the packet"
    )
    confirmed_count = models.PositiveIntegerField()
    letters_count = models.PositiveIntegerField()
    signature_set_sha256 = models.CharField("SHA-256 of the confirmed signatures", max_length=64)
    packet = models.FileField(upload_to=packet_path, max_length=255)
    packet_sha256 = models.CharField(max_length=64)
    outreach = models.ForeignKey(
        "advocacy.Outreach",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The delivery's entry in the outreach log",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-delivered_on", "-id"]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"Delivery to {self.recipient} on {self.delivered_on:%Y-%m-%d}"
