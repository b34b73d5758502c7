"""The public record (executions, exonerations) as loaded datasets, each with its provenance.

A dataset is one load of one source: the shipped copy or a newer export brought in by `clemency data
import`. Its rows are written together in one transaction, so a dataset is complete or absent; the
pages read the newest dataset of each source and say which one it is.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Source(models.TextChoices):
    UCLA_EXECUTIONS = "ucla-executions", "UCLA Law COVID Behind Bars copy of DPIC's executions"
    DPIC_EXECUTIONS = "dpic-executions", "DPIC execution database export"
    NRE_EXONERATIONS = "nre-exonerations", "National Registry of Exonerations spreadsheet"


class SourceKind(models.TextChoices):
    PRIMARY = "primary", "Primary source"
    SECONDARY = "secondary", "Secondary source"


class Dataset(models.Model):
    source = models.CharField(max_length=40, choices=Source.choices)
    title = models.CharField(max_length=300)
    origin = models.CharField(max_length=500, help_text="Where the file came from (publisher, address)")
    source_kind = models.CharField(max_length=20, choices=SourceKind.choices)
    terms = models.CharField(max_length=200, blank=True)
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    encoding = models.CharField(max_length=30, default="UTF-8")
    row_count = models.PositiveIntegerField()
    # Rows of the file that were not loaded (only with --only-valid-rows), each as "line N: why".
    skipped_rows = models.JSONField(default=list, blank=True)
    first_date = models.DateField(null=True, blank=True)
    last_date = models.DateField(null=True, blank=True)
    shipped = models.BooleanField(default=False, help_text="The copy that ships with Clemency")
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["source", "-id"]
        indexes = [models.Index(fields=["source", "-id"], name="outcomes_dataset_newest")]

    def __str__(self) -> str:
        return f"{self.title} ({self.row_count:,} rows)"


class Execution(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="executions")
    executed_on = models.DateField()
    year = models.PositiveSmallIntegerField()
    jurisdiction = models.CharField(max_length=60)
    federal = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(fields=["dataset", "year"], name="outcomes_execution_year"),
            models.Index(fields=["dataset", "jurisdiction", "year"], name="outcomes_execution_place"),
        ]


class Exoneration(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="exonerations")
    exonerated_on = models.DateField()
    year = models.PositiveSmallIntegerField()
    jurisdiction = models.CharField(max_length=60)
    federal = models.BooleanField()
    worst_crime = models.CharField(max_length=120)
    crime_year = models.PositiveSmallIntegerField(null=True, blank=True)
    false_confession = models.BooleanField()
    dna = models.BooleanField()
    official_misconduct = models.BooleanField()
    mistaken_identification = models.BooleanField()
    perjury_or_false_accusation = models.BooleanField()
    false_or_misleading_forensic_evidence = models.BooleanField()
    inadequate_legal_defense = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(fields=["dataset", "year"], name="outcomes_exoneration_year"),
            models.Index(fields=["dataset", "jurisdiction"], name="outcomes_exoneration_place"),
            models.Index(fields=["dataset", "worst_crime"], name="outcomes_exoneration_crime"),
        ]
