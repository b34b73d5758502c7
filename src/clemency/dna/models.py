"""Post-conviction DNA testing on a case: the evidence, the request, each step the other side owes, the
lab's tests and their results. The page leads with durations, so "withheld for years" is a number."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models


class EvidenceItem(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="dna_evidence")
    description = models.CharField(
        max_length=200, help_text="What it is, e.g. sexual assault kit, hair from the sink"
    )
    collected_on = models.DateField(null=True, blank=True)
    collected_by = models.CharField(max_length=200, blank=True)
    held_at = models.CharField(max_length=200, blank=True, help_text="Where it is held now")
    custodian = models.CharField(max_length=200, blank=True, help_text="Who is responsible for it")
    last_located_on = models.DateField(
        null=True, blank=True, help_text="The last date someone confirmed where it is"
    )
    preservation_letter_sent_on = models.DateField(null=True, blank=True)
    chain_of_custody = models.ManyToManyField(
        "documents.Document", blank=True, related_name="dna_evidence", help_text="Chain-of-custody records"
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["description", "id"]

    def __str__(self) -> str:
        return self.description


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Pending before the court"
    ORDERED = "ordered", "Testing ordered"
    DENIED = "denied", "Denied"
    ON_APPEAL = "on_appeal", "On appeal"
    COMPLETED = "completed", "Testing completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class TestingRequest(models.Model):
    __test__ = False  # not a test class, whatever pytest thinks of the name
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="dna_requests")
    title = models.CharField(max_length=200, help_text="e.g. Motion for DNA testing under Penal Code 1405")
    pathway = models.CharField(
        max_length=100, blank=True, help_text="The rulebook pathway, e.g. us-ca.dna_testing"
    )
    filed_on = models.DateField()
    served_on = models.DateField(null=True, blank=True, help_text="When the prosecutor was served")
    court = models.CharField(max_length=200)
    judge = models.CharField(max_length=200, blank=True, help_text="Before whom")
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    evidence = models.ManyToManyField(EvidenceItem, blank=True, related_name="requests")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-filed_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.served_on is not None and self.filed_on is not None and self.served_on < self.filed_on:
            raise ValidationError({"served_on": "The motion cannot be served before it was filed."})


class StepKind(models.TextChoices):
    RESPONSE = "response", "The state's response"
    ORDER = "order", "Court order"
    HEARING = "hearing", "Hearing"
    APPEAL = "appeal", "Appeal"
    LAB_REPORT = "lab_report", "The lab's report"
    OTHER = "other", "Other"


class Step(models.Model):
    """One thing that happened, or is owed: a response, an order, a hearing, an appeal. A step with a due
    date and no date it happened is awaited; past its due date it is stalled."""

    request = models.ForeignKey(TestingRequest, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=StepKind.choices)
    from_whom = models.CharField(
        max_length=200, help_text="Who owes it or did it, e.g. the district attorney"
    )
    due_on = models.DateField(null=True, blank=True)
    occurred_on = models.DateField(null=True, blank=True, help_text="Empty while it is still awaited")
    summary = models.TextField(blank=True)
    deadline = models.OneToOneField(
        "deadlines.Deadline", null=True, blank=True, on_delete=models.SET_NULL, related_name="dna_step"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "due_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.from_whom})"

    def stalled(self, today: dt.date) -> bool:
        return self.occurred_on is None and self.due_on is not None and self.due_on < today


class Method(models.TextChoices):
    STR = "str", "STR (autosomal)"
    Y_STR = "y_str", "Y-STR"
    MITOCHONDRIAL = "mitochondrial", "Mitochondrial"
    OTHER = "other", "Other"


class Result(models.TextChoices):
    PENDING = "pending", "Awaiting the lab"
    EXCLUDES = "excludes", "Excludes the client"
    INCLUDES = "includes", "Includes the client"
    INCONCLUSIVE = "inconclusive", "Inconclusive"


class LabTest(models.Model):
    request = models.ForeignKey(TestingRequest, on_delete=models.CASCADE, related_name="tests")
    lab_name = models.CharField(max_length=200)
    lab_accreditation = models.CharField(max_length=200, blank=True, help_text="e.g. ANAB ISO/IEC 17025")
    method = models.CharField(max_length=20, choices=Method.choices)
    items = models.ManyToManyField(EvidenceItem, blank=True, related_name="tests")
    sent_on = models.DateField(null=True, blank=True)
    result = models.CharField(max_length=20, choices=Result.choices, default=Result.PENDING)
    result_on = models.DateField(null=True, blank=True)
    codis_searched = models.BooleanField(null=True, blank=True, help_text="Unknown if empty")
    codis_result = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_method_display()} at {self.lab_name}"
