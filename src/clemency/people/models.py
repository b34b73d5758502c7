"""People the team works for: who they are, where they are held, how to reach them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from clemency.cases.jurisdictions import validate_state

# The Federal Bureau of Prisons register number: five digits, a hyphen, three digits (12345-678).
BOP_REGISTER_PATTERN = r"^\d{5}-\d{3}$"
validate_bop_register_number = RegexValidator(
    BOP_REGISTER_PATTERN,
    message="A BOP register number is five digits, a hyphen and three digits, e.g. 12345-678.",
    code="bad_bop_register_number",
)


class CustodyStatus(models.TextChoices):
    IN_CUSTODY = "in_custody", "In custody"
    DEATH_ROW = "death_row", "On death row"
    SUPERVISED_RELEASE = "supervised_release", "On supervised release, parole or probation"
    RELEASED = "released", "Released"
    DECEASED = "deceased", "Deceased"
    UNKNOWN = "unknown", "Unknown"


class Person(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="people")
    given_name = models.CharField(max_length=120)
    family_name = models.CharField(max_length=120)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names the person is known by")
    birth_date = models.DateField("date of birth", null=True, blank=True)
    bop_register_number = models.CharField(
        "BOP register number",
        max_length=20,
        blank=True,
        validators=[validate_bop_register_number],
        help_text="Federal Bureau of Prisons, e.g. 12345-678",
    )
    state_doc_number = models.CharField("state DOC number", max_length=40, blank=True)
    state_doc_jurisdiction = models.CharField(
        "DOC state", max_length=10, blank=True, validators=[validate_state], help_text="e.g. us-wi"
    )
    facility = models.CharField(max_length=200, blank=True)
    custody_status = models.CharField(
        max_length=30, choices=CustodyStatus.choices, default=CustodyStatus.UNKNOWN
    )
    legal_mail_address = models.TextField(blank=True)
    phone_instructions = models.TextField(
        "call instructions", blank=True, help_text="How to arrange a legal call"
    )
    # Names and aliases in one lower-case string, so search is one portable LIKE on every database.
    search_names = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["family_name", "given_name"]
        # Unique within a team: another team's records must not be revealed by a duplicate error.
        constraints = [
            models.UniqueConstraint(
                fields=["team", "bop_register_number"],
                condition=~Q(bop_register_number=""),
                name="unique_bop_register_number_per_team",
            ),
            models.UniqueConstraint(
                fields=["team", "state_doc_jurisdiction", "state_doc_number"],
                condition=~Q(state_doc_number=""),
                name="unique_state_doc_number_per_team",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def full_name(self) -> str:
        return str(self)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.state_doc_number and not self.state_doc_jurisdiction:
            raise ValidationError({"state_doc_jurisdiction": "Say which state's DOC issued this number."})
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": "Aliases must be a list of names."})
        if self.birth_date and self.birth_date > timezone.localdate():
            raise ValidationError({"birth_date": "The date of birth is in the future."})

    def save(self, *args: Any, **kwargs: Any) -> None:
        names = [self.given_name, self.family_name, f"{self.given_name} {self.family_name}", *self.aliases]
        self.search_names = " | ".join(name.strip().lower() for name in names if name)
        super().save(*args, **kwargs)


class ContactKind(models.TextChoices):
    CALL = "call", "Legal call"
    VISIT = "visit", "Visit"
    LETTER_SENT = "letter_sent", "Letter sent"
    LETTER_RECEIVED = "letter_received", "Letter received"


class ContactLog(models.Model):
    """One contact with the person: a call, a visit, a letter either way."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contacts")
    occurred_on = models.DateField("date")
    kind = models.CharField(max_length=20, choices=ContactKind.choices)
    summary = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on:%Y-%m-%d} with {self.person}"
