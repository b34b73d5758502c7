"""People the team works for: who they are, where they are held, how to reach them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


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
    birth_date = models.DateField(null=True, blank=True)
    bop_register_number = models.CharField(
        "BOP register number", max_length=20, blank=True, help_text="Federal Bureau of Prisons, e.g. 12345-678"
    )
    state_doc_number = models.CharField("state DOC number", max_length=40, blank=True)
    state_doc_jurisdiction = models.CharField("DOC state", max_length=10, blank=True, help_text="e.g. us-wi")
    facility = models.CharField(max_length=200, blank=True)
    custody_status = models.CharField(
        max_length=30, choices=CustodyStatus.choices, default=CustodyStatus.UNKNOWN
    )
    legal_mail_address = models.TextField(blank=True)
    phone_instructions = models.TextField("how to arrange calls", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["family_name", "given_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bop_register_number"], condition=~Q(bop_register_number=""),
                name="unique_bop_register_number",
            ),
            models.UniqueConstraint(
                fields=["state_doc_jurisdiction", "state_doc_number"], condition=~Q(state_doc_number=""),
                name="unique_state_doc_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def full_name(self) -> str:
        return str(self)
