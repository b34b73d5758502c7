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
    CLOSED = "closed", "Closed without action"
    MOOT = "moot", "Moot"


# The pipeline: each status and the statuses it may move to. Decisions are final.
PETITION_TRANSITIONS: dict[str, frozenset[str]] = {
    PetitionStatus.DRAFT: frozenset({PetitionStatus.FILED, PetitionStatus.WITHDRAWN}),
    PetitionStatus.FILED: frozenset(
        {
            PetitionStatus.UNDER_REVIEW,
            PetitionStatus.WITHDRAWN,
            PetitionStatus.GRANTED,
            PetitionStatus.DENIED,
            PetitionStatus.CLOSED,
            PetitionStatus.MOOT,
        }
    ),
    PetitionStatus.UNDER_REVIEW: frozenset(
        {
            PetitionStatus.GRANTED,
            PetitionStatus.DENIED,
            PetitionStatus.WITHDRAWN,
            PetitionStatus.CLOSED,
            PetitionStatus.MOOT,
        }
    ),
    PetitionStatus.GRANTED: frozenset(),
    PetitionStatus.DENIED: frozenset(),
    PetitionStatus.WITHDRAWN: frozenset(),
    PetitionStatus.CLOSED: frozenset(),
    PetitionStatus.MOOT: frozenset(),
}
DECIDED_STATUSES = frozenset({PetitionStatus.GRANTED, PetitionStatus.DENIED})
# A grant, a denial, a closing without action or a moot end is recorded only as a decision
# (`record_decision`): with its terms, confirmed, by an attorney or admin. The pipeline's move refuses them.
DECISION_ONLY_STATUSES = DECIDED_STATUSES | frozenset({PetitionStatus.CLOSED, PetitionStatus.MOOT})
# A decision is recorded on a petition that has been filed.
DECIDABLE_STATUSES = frozenset({PetitionStatus.FILED, PetitionStatus.UNDER_REVIEW})


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
    # The directory entry of who decides; filled from the pathway's jurisdiction when it is known.
    deciding_office = models.ForeignKey(
        "advocacy.Office",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions",
        verbose_name="deciding office",
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
        """The moves a person may make here; grants and denials are recorded as decisions instead."""
        return [
            (value, PetitionStatus(value).label)
            for value in self.next_statuses
            if value not in DECISION_ONLY_STATUSES
        ]

    @property
    def can_be_decided(self) -> bool:
        return self.status in DECIDABLE_STATUSES

    @property
    def current_decision(self) -> PetitionDecision | None:
        return self.decisions.filter(superseded=False).select_related("decided_by", "warrant").first()


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


class DecisionOutcome(models.TextChoices):
    FULL_PARDON = "full_pardon", "Granted: full pardon"
    CONDITIONAL_PARDON = "conditional_pardon", "Granted: conditional pardon"
    COMMUTATION_TIME_SERVED = "commutation_time_served", "Granted: commutation to time served"
    COMMUTATION_TERM = "commutation_term", "Granted: commutation to a shorter term"
    REPRIEVE = "reprieve", "Granted: reprieve"
    REMISSION = "remission", "Granted: remission of a fine or restitution"
    DENIED = "denied", "Denied"
    CLOSED_WITHOUT_ACTION = "closed_without_action", "Closed without action"
    WITHDRAWN = "withdrawn", "Withdrawn"
    MOOT_EXECUTED = "moot_executed", "Moot: executed"
    MOOT_DIED = "moot_died", "Moot: died"
    MOOT_RELEASED = "moot_released", "Moot: released by other means"


GRANT_OUTCOMES = frozenset(
    {
        DecisionOutcome.FULL_PARDON,
        DecisionOutcome.CONDITIONAL_PARDON,
        DecisionOutcome.COMMUTATION_TIME_SERVED,
        DecisionOutcome.COMMUTATION_TERM,
        DecisionOutcome.REPRIEVE,
        DecisionOutcome.REMISSION,
    }
)
MOOT_OUTCOMES = frozenset(
    {DecisionOutcome.MOOT_EXECUTED, DecisionOutcome.MOOT_DIED, DecisionOutcome.MOOT_RELEASED}
)
# Outcomes that must be confirmed before they are recorded.
CONFIRMED_OUTCOMES = GRANT_OUTCOMES | {DecisionOutcome.DENIED}


def status_for_outcome(outcome: str) -> str:
    """The petition's status once a decision with this outcome is recorded."""
    if outcome in GRANT_OUTCOMES:
        return PetitionStatus.GRANTED
    if outcome in MOOT_OUTCOMES:
        return PetitionStatus.MOOT
    others: dict[str, str] = {
        DecisionOutcome.DENIED: PetitionStatus.DENIED,
        DecisionOutcome.CLOSED_WITHOUT_ACTION: PetitionStatus.CLOSED,
        DecisionOutcome.WITHDRAWN: PetitionStatus.WITHDRAWN,
    }
    return others[outcome]


class DecisionFields(models.Model):
    """What a decision says: shared by one petition's decision and a categorical action."""

    outcome = models.CharField(max_length=30, choices=DecisionOutcome.choices)
    decided_on = models.DateField("date of the decision")
    decided_by = models.ForeignKey(
        "advocacy.Office",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="who decided",
    )
    decided_by_name = models.CharField(
        "who decided (name)", max_length=200, blank=True, help_text="E.g. Governor Jane Doe"
    )
    conditions = models.TextField(
        blank=True, help_text="The terms and conditions, as the warrant states them"
    )
    new_release_date = models.DateField(
        "new release date", null=True, blank=True, help_text="For a commutation: the release date it sets"
    )
    new_term_days = models.PositiveIntegerField(
        "new term (days)", null=True, blank=True, help_text="For a commutation to a term: its length in days"
    )
    reprieve_days = models.PositiveIntegerField(
        "reprieve (days)", null=True, blank=True, help_text="For a reprieve: how many days"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by_name = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (
            self.outcome == DecisionOutcome.COMMUTATION_TERM
            and self.new_term_days is None
            and (self.new_release_date is None)
        ):
            errors["new_term_days"] = "A commutation to a term needs the new term or the new release date."
        if self.outcome == DecisionOutcome.REPRIEVE and not self.reprieve_days:
            errors["reprieve_days"] = "A reprieve needs its number of days."
        if self.reprieve_days is not None and self.outcome != DecisionOutcome.REPRIEVE:
            errors["reprieve_days"] = "Only a reprieve has a number of days."
        commutation = (DecisionOutcome.COMMUTATION_TIME_SERVED, DecisionOutcome.COMMUTATION_TERM)
        if self.new_term_days is not None and self.outcome != DecisionOutcome.COMMUTATION_TERM:
            errors["new_term_days"] = "Only a commutation to a term has a new term."
        if self.new_release_date is not None and self.outcome not in (
            *commutation,
            DecisionOutcome.MOOT_RELEASED,
        ):
            errors["new_release_date"] = "Only a commutation or a release sets a release date."
        if errors:
            raise ValidationError(errors)


class CategoricalAction(DecisionFields):
    """One act that decides many cases: a proclamation pardoning a class of offences, a governor
    commuting a whole death row. Each affected case is linked in one step."""

    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="categorical_actions")
    title = models.CharField(max_length=200, help_text="E.g. Proclamation 10467, pardoning simple possession")
    source = models.CharField(
        max_length=300, blank=True, help_text="Where it is published, e.g. 87 Fed. Reg. 61441"
    )
    cases = models.ManyToManyField("cases.Case", blank=True, related_name="categorical_actions")

    class Meta:
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return self.title


class PetitionDecision(DecisionFields):
    """The decision on a petition. A correction is a new decision that replaces this one, with a reason;
    the replaced one stays, marked superseded, so the history shows both."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="decisions")
    warrant = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="warrant or letter",
        help_text="The decision as a document of the case",
    )
    categorical_action = models.ForeignKey(
        CategoricalAction, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    corrects = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrected_by"
    )
    correction_reason = models.TextField(blank=True)
    superseded = models.BooleanField(default=False)

    class Meta:
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} on {self.decided_on:%Y-%m-%d}"
