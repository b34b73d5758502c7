"""Users, teams and memberships: a person sees a case only through its team."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class User(AbstractUser):
    full_name = models.CharField(max_length=200, blank=True)
    # The secret in the per-user iCalendar feed URL; rotating it cuts off old subscriptions.
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)

    def __str__(self) -> str:
        return self.full_name or self.get_username()


class Team(models.Model):
    name = models.CharField(max_length=200, unique=True)
    organisation = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

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
