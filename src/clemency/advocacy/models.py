"""Advocacy: the offices and people who decide or advise on clemency, and every contact with them.

The directory (`Office`, `OfficeMember`, `DirectoryChange`) is shared by every team: who the Governor
of Texas is and how to reach the Board of Pardons and Paroles is public knowledge. It is seeded from
the rulebook's jurisdiction profiles (`clemency.advocacy.seed`), kept up to date by data migrations
that call the seed again, and edited by the teams; every change is kept in `DirectoryChange` and the
audit log. A team may also keep offices of its own (a prosecutor's office, a legislator, a newspaper),
which only that team sees.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from clemency.cases.jurisdictions import JURISDICTION_CHOICES, validate_jurisdiction


class OfficeKind(models.TextChoices):
    CHIEF_EXECUTIVE = "chief_executive", "President or governor"
    EXECUTIVE_COUNSEL = "executive_counsel", "Counsel to the President or governor"
    PARDON_ATTORNEY = "pardon_attorney", "Office of the Pardon Attorney"
    BOARD = "board", "Board of pardons, parole or clemency"
    PROSECUTOR = "prosecutor", "Prosecutor's office"
    LEGISLATOR = "legislator", "Legislator"
    PRESS = "press", "Journalist or newspaper"
    SUPPORTER = "supporter", "Supporter with influence"
    OTHER = "other", "Other"


class OfficeRole(models.TextChoices):
    """The office's part in the decision, as the law gives it."""

    DECIDES = "decides", "Decides"
    MUST_RECOMMEND = "must_recommend", "Must recommend before a grant"
    RECOMMENDS = "recommends", "Recommends (advisory)"
    ADVISES = "advises", "Advises the decision maker"
    NO_FORMAL_ROLE = "no_formal_role", "No formal role (can reach those who decide)"


class Office(models.Model):
    """An office that decides or advises on clemency in one jurisdiction, or someone who can reach it."""

    # Empty team: the shared directory every team sees. A team: an entry only that team sees.
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="advocacy_offices"
    )
    jurisdiction = models.CharField(
        max_length=10, choices=JURISDICTION_CHOICES, validators=[validate_jurisdiction]
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=OfficeKind.choices)
    role = models.CharField(max_length=30, choices=OfficeRole.choices)
    role_note = models.TextField(
        blank=True, help_text="How the role works here, e.g. decides only in capital cases"
    )
    address = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    web_form_url = models.URLField("web form", blank=True)
    website_url = models.URLField("website", blank=True)
    accepts = models.TextField(
        "what it accepts",
        blank=True,
        help_text="E.g. letters in support of a pending petition, by e-mail; no visits or hand delivery",
    )
    citations = models.JSONField(
        default=list, blank=True, help_text="The law that gives the office its role, one citation each"
    )
    citations_verified = models.BooleanField(
        default=False, help_text="The role and citations were checked against the primary source"
    )
    source = models.TextField(blank=True, help_text="Where this entry's facts come from")
    notes = models.TextField(blank=True)
    active = models.BooleanField(default=True, help_text="Clear when the office no longer exists")
    # Set for entries that come from the shared seed data: which entry, and which version wrote it.
    seed_key = models.CharField(max_length=80, unique=True, null=True, blank=True, editable=False)
    seed_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["jurisdiction", "kind", "name", "id"]
        indexes = [models.Index(fields=["jurisdiction", "role"], name="advocacy_office_jur_role")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_shared(self) -> bool:
        return self.team_id is None

    def clean(self) -> None:
        if not isinstance(self.citations, list) or not all(
            isinstance(item, str) and item.strip() for item in self.citations
        ):
            raise ValidationError({"citations": "Citations must be a list of non-empty texts."})


class OfficeMember(models.Model):
    """A person in an office (the Governor, the counsel, a board member), with when they served."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, help_text="E.g. General Counsel to the Governor")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # Unknown dates stay empty; an empty end date with a start date means still serving.
    served_from = models.DateField("from", null=True, blank=True)
    served_to = models.DateField("to", null=True, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["office", "served_to", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"

    def clean(self) -> None:
        if self.served_from and self.served_to and self.served_to < self.served_from:
            raise ValidationError({"served_to": "The end date comes before the start date."})


class DirectoryChange(models.Model):
    """The history of a directory entry: who changed what, from what, to what, and why."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="history")
    member = models.ForeignKey(
        OfficeMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="history"
    )
    # What the change was about, kept as text so the history survives a removed member.
    subject = models.CharField(max_length=300)
    action = models.CharField(max_length=40)
    changes = models.JSONField(default=dict, blank=True, help_text="field: [before, after]")
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action}: {self.subject}"


class Channel(models.TextChoices):
    CALL = "call", "Call"
    MEETING = "meeting", "Meeting"
    LETTER = "letter", "Letter"
    EMAIL = "email", "E-mail"
    HEARING_TESTIMONY = "hearing_testimony", "Hearing testimony"
    DELIVERY = "delivery", "Delivery of signatures or letters"


class OutreachStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"
    LEFT_MESSAGE = "left_message", "Left a message"
    UNREACHABLE = "unreachable", "Unreachable"


# A contact in one of these states was attempted: it answers its parent's follow-up.
ATTEMPTED_STATUSES = frozenset({OutreachStatus.DONE, OutreachStatus.LEFT_MESSAGE, OutreachStatus.UNREACHABLE})


class Outreach(models.Model):
    """One contact with a decision maker or their staff, or with someone who can reach them."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="outreach")
    petition = models.ForeignKey(
        "petitions.Petition", null=True, blank=True, on_delete=models.SET_NULL, related_name="outreach"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
        help_text="The contact whose next step this one is",
    )
    date = models.DateField()
    time = models.TimeField(null=True, blank=True, help_text="Local time, if known (HH:MM)")
    duration_minutes = models.PositiveIntegerField("how long (minutes)", null=True, blank=True)
    team_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name="who from the team"
    )
    office = models.ForeignKey(
        Office,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outreach",
        verbose_name="office contacted",
    )
    office_member = models.ForeignKey(
        OfficeMember,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outreach",
        verbose_name="person in the office",
    )
    counterpart = models.CharField(
        "who on the other side",
        max_length=200,
        blank=True,
        help_text="A name, if the person is not in the directory (a legislator, a journalist, a supporter)",
    )
    channel = models.CharField(max_length=30, choices=Channel.choices)
    status = models.CharField(max_length=20, choices=OutreachStatus.choices, default=OutreachStatus.DONE)
    subject = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    summary_privileged = models.BooleanField(
        "summary is privileged", default=False, help_text="Attorney work product or client confidence"
    )
    outcome = models.TextField(blank=True, help_text="What they said or did; whether they answered")
    next_step = models.TextField(blank=True)
    follow_up_on = models.DateField("follow-up date", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-time", "-id"]
        verbose_name_plural = "outreach"
        indexes = [
            models.Index(fields=["case", "date"], name="advocacy_outreach_case_date"),
            models.Index(fields=["follow_up_on"], name="advocacy_outreach_follow_up"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} on {self.date:%Y-%m-%d}: {self.subject}"

    @property
    def who(self) -> str:
        """Who on the other side, in words."""
        parts = [str(part) for part in (self.office_member, self.office) if part is not None]
        if self.counterpart:
            parts.insert(0, self.counterpart)
        return "; ".join(parts) or "Not recorded"
