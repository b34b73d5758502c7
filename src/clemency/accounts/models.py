"""Users, teams and memberships: a person sees a case only through its team."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxLengthValidator
from django.db import models


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class User(AbstractUser):
    full_name = models.CharField(max_length=200, blank=True)
    # The secret in the per-user iCalendar feed URL; rotating it cuts off old subscriptions.
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    # May create teams and move a case between teams (the installation is one organisation).
    is_organisation_admin = models.BooleanField(
        "organisation admin", default=False,
        help_text="May create teams and move cases between teams.",
    )
    # Set when a team admin resets the member's authenticator: the next sign-in sets up a new one,
    # whatever the member's role.
    must_enrol_authenticator = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.full_name or self.get_username()


class Team(models.Model):
    name = models.CharField(max_length=200, unique=True)
    organisation = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The letterhead and signature printed on every draft of the team's cases.
    letterhead_address = models.TextField(
        "address", blank=True, validators=[MaxLengthValidator(500)],
        help_text="As it should appear under the organisation's name, one line per line.",
    )
    letterhead_phone = models.CharField("phone", max_length=40, blank=True)
    letterhead_email = models.EmailField("e-mail", blank=True)
    letterhead_logo = models.FileField("logo", upload_to="letterheads/", blank=True)
    signature_block = models.TextField(
        blank=True, validators=[MaxLengthValidator(1000)],
        help_text="Printed under each letter's closing, one line per line; empty prints the attorneys.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    ATTORNEY = "attorney", "Attorney"
    STAFF = "staff", "Staff"
    STUDENT = "student", "Student"
    VOLUNTEER = "volunteer", "Volunteer"
    READ_ONLY = "read_only", "Read-only"


WRITING_ROLES = frozenset({Role.ADMIN, Role.ATTORNEY, Role.STAFF, Role.STUDENT, Role.VOLUNTEER})
# Students and volunteers read privileged material only when an attorney grants it on a case.
PRIVILEGED_READING_ROLES = frozenset({Role.ADMIN, Role.ATTORNEY, Role.STAFF})


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="one_membership_per_team")]

    def __str__(self) -> str:
        return f"{self.user} in {self.team} as {self.get_role_display()}"

    @property
    def can_write(self) -> bool:
        return self.role in WRITING_ROLES


class TeamAttorney(models.Model):
    """An attorney who signs the team's drafts, with the bar number printed beside the name."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="attorneys")
    name = models.CharField(max_length=200)
    bar_number = models.CharField(max_length=60, blank=True)
    bar_jurisdiction = models.CharField(max_length=100, blank=True, help_text="e.g. State Bar of Wisconsin")
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField(max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers sign first.")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.bar_number})" if self.bar_number else self.name


INVITATION_DAYS = 7


def invitation_digest(token: str) -> str:
    """Only the digest of an invitation's token is kept: the link in the e-mail is the one copy."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A one-time link, e-mailed to a person, that makes them a member of a team with a role."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("e-mail")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.STAFF)
    token_digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Invitation of {self.email} to {self.team}"

    def state(self, now: datetime.datetime) -> str:
        if self.accepted_at is not None:
            return "accepted"
        if self.revoked_at is not None:
            return "withdrawn"
        if self.expires_at <= now:
            return "expired"
        return "pending"
