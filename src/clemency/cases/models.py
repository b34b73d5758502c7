"""Cases: a team's engagement with a person, from the first letter to the decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CaseStatus(models.TextChoices):
    INTAKE = "intake", "Intake"
    SCREENING = "screening", "Screening"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    ACTIVE = "active", "Active"
    FILED = "filed", "Filed"
    DECIDED = "decided", "Decided"
    CLOSED = "closed", "Closed"


# The pipeline: each status and the statuses it may move to.
CASE_TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.INTAKE: frozenset({CaseStatus.SCREENING, CaseStatus.DECLINED, CaseStatus.CLOSED}),
    CaseStatus.SCREENING: frozenset({CaseStatus.ACCEPTED, CaseStatus.DECLINED, CaseStatus.CLOSED}),
    CaseStatus.ACCEPTED: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.DECLINED: frozenset({CaseStatus.CLOSED, CaseStatus.SCREENING}),
    CaseStatus.ACTIVE: frozenset({CaseStatus.FILED, CaseStatus.CLOSED}),
    CaseStatus.FILED: frozenset({CaseStatus.DECIDED, CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.DECIDED: frozenset({CaseStatus.CLOSED, CaseStatus.ACTIVE}),
    CaseStatus.CLOSED: frozenset(),
}
OPEN_STATUSES = frozenset(set(CaseStatus.values) - {CaseStatus.DECLINED, CaseStatus.CLOSED})


class CaseSource(models.TextChoices):
    LETTER = "letter", "Letter from prison"
    REFERRAL = "referral", "Referral"
    SCREENING = "screening", "Population screening"
    OTHER = "other", "Other"


class Priority(models.IntegerChoices):
    URGENT = 1, "Urgent"
    HIGH = 2, "High"
    NORMAL = 3, "Normal"
    LOW = 4, "Low"


class Case(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="cases")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    title = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.INTAKE)
    source = models.CharField(max_length=20, choices=CaseSource.choices, default=CaseSource.LETTER)
    priority = models.IntegerField(choices=Priority.choices, default=Priority.NORMAL)
    declined_reason = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    opened_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "-updated_at"]

    def __str__(self) -> str:
        return self.title or f"Case {self.pk}: {self.person}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class PrivilegeGrant(models.Model):
    """An attorney lets a student or volunteer read this case's privileged notes and documents."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="privilege_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_grant_per_case_user")]
