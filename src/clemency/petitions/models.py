"""Petitions and motions: what the team asks of a deciding authority, and where it stands."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

# `jurisdiction.pathway[.variant]` (DESIGN.md "Names"): us, us-wi, us-dc; snake-case parts.
PATHWAY_PATTERN = re.compile(r"^(us|us-[a-z]{2})\.[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")


def validate_pathway(value: str) -> None:
    """The shape of a pathway id; the rulebook will later check that the pathway exists."""
    if not PATHWAY_PATTERN.match(value or ""):
        raise ValidationError(
            "%(value)s is not a pathway id: use jurisdiction.pathway[.variant], "
            "e.g. us.commutation or us-wi.pardon.",
            code="invalid_pathway",
            params={"value": repr(value)},
        )


class PetitionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    FILED = "filed", "Filed"
    UNDER_REVIEW = "under_review", "Under review"
    GRANTED = "granted", "Granted"
    DENIED = "denied", "Denied"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The pipeline: each status and the statuses it may move to. Decisions are final.
PETITION_TRANSITIONS: dict[str, frozenset[str]] = {
    PetitionStatus.DRAFT: frozenset({PetitionStatus.FILED, PetitionStatus.WITHDRAWN}),
    PetitionStatus.FILED: frozenset({PetitionStatus.UNDER_REVIEW, PetitionStatus.WITHDRAWN}),
    PetitionStatus.UNDER_REVIEW: frozenset(
        {PetitionStatus.GRANTED, PetitionStatus.DENIED, PetitionStatus.WITHDRAWN}
    ),
    PetitionStatus.GRANTED: frozenset(),
    PetitionStatus.DENIED: frozenset(),
    PetitionStatus.WITHDRAWN: frozenset(),
}
DECIDED_STATUSES = frozenset({PetitionStatus.GRANTED, PetitionStatus.DENIED})


class Petition(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="petitions")
    pathway = models.CharField(
        max_length=120,
        validators=[validate_pathway],
        help_text="Rulebook pathway id, jurisdiction.pathway[.variant], e.g. us.commutation",
    )
    title = models.CharField(max_length=200)
    deciding_authority = models.CharField(
        max_length=200, help_text="Who decides, e.g. the President (via the Office of the Pardon Attorney)"
    )
    status = models.CharField(max_length=20, choices=PetitionStatus.choices, default=PetitionStatus.DRAFT)
    filed_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def next_statuses(self) -> list[str]:
        """Allowed next statuses, in pipeline order (for buttons and messages)."""
        allowed = PETITION_TRANSITIONS.get(self.status, frozenset())
        return [value for value in PetitionStatus.values if value in allowed]

    def next_status_choices(self) -> list[tuple[str, str]]:
        return [(value, PetitionStatus(value).label) for value in self.next_statuses]


class PetitionStatusChange(models.Model):
    """One move along the pipeline: from, to, who, when and why."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=PetitionStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PetitionStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A copy of the name, so the history survives the account.
    actor_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '(new)'} -> {self.to_status}"
