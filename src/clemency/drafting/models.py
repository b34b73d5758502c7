"""Generated documents and exhibit bundles: what was produced for a case, by whom, and its checksum.

Files live in Django storage under random names and are never served by URL: every download goes
through an access-checked, audited view.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

# A bundle still queued or running after this long has most likely lost its worker.
STALLED_AFTER = dt.timedelta(minutes=30)


class Variant(models.TextChoices):
    PREVIEW = "preview", "Preview (watermarked DRAFT)"
    FINAL = "final", "Final"


class OutputFormat(models.TextChoices):
    DOCX = "docx", "DOCX (editable in Word)"
    PDF = "pdf", "PDF"


CONTENT_TYPES = {
    OutputFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    OutputFormat.PDF: "application/pdf",
}


def generated_path(instance: GeneratedDocument, filename: str) -> str:
    return f"generated/{instance.case_id}/{uuid.uuid4().hex}.{instance.format}"


def bundle_path(instance: Bundle, filename: str) -> str:
    return f"bundles/{instance.case_id}/{uuid.uuid4().hex}.pdf"


class GeneratedDocument(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="generated_documents")
    template = models.CharField(max_length=80, help_text="Template name, e.g. federal_commutation_petition")
    title = models.CharField(max_length=200)
    variant = models.CharField(max_length=10, choices=Variant.choices)
    redacted = models.BooleanField(default=False, help_text="Sensitive fields replaced: a public copy")
    format = models.CharField(max_length=10, choices=OutputFormat.choices)
    as_of = models.DateField(help_text="The date the rulebook's explanation was computed for")
    file = models.FileField(upload_to=generated_path, max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    size_bytes = models.PositiveBigIntegerField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_variant_display().split(' ')[0].lower()}, {self.format.upper()})"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[OutputFormat(self.format)]

    @property
    def download_name(self) -> str:
        suffix = "-redacted" if self.redacted else ""
        return f"case-{self.case_id}-{self.template}-{self.variant}{suffix}.{self.format}"


class BundleStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Bundle(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="bundles")
    title = models.CharField(max_length=200, default="Exhibits")
    status = models.CharField(max_length=10, choices=BundleStatus.choices, default=BundleStatus.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    bates_prefix = models.CharField(max_length=40, blank=True)
    redacted = models.BooleanField(
        default=False, help_text="Public copy: only exhibits marked public are included"
    )
    # Set when any chosen exhibit is privileged: the result is then privileged too.
    privileged = models.BooleanField(default=False)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    bates_range = models.CharField(max_length=120, blank=True)
    toc = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    skipped = models.JSONField(default=list, blank=True, help_text="Files left out, by name, with the reason")
    error = models.TextField(blank=True)
    file = models.FileField(upload_to=bundle_path, max_length=255, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} for case {self.case_id} ({self.get_status_display().lower()})"

    @property
    def percent(self) -> int:
        if self.status == BundleStatus.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(99, round(100 * self.progress_done / self.progress_total))

    @property
    def finished(self) -> bool:
        return self.status in (BundleStatus.DONE, BundleStatus.FAILED)

    @property
    def stalled(self) -> bool:
        started = self.started_at or self.created_at
        return not self.finished and started is not None and timezone.now() - started > STALLED_AFTER

    @property
    def download_name(self) -> str:
        suffix = "-public" if self.redacted else ""
        return f"case-{self.case_id}-bundle-{self.pk}{suffix}.pdf"


class BundleExhibit(models.Model):
    """One chosen exhibit, in order. Name, file name and checksum are copied so the record stands even
    if the upload is later replaced or deleted."""

    bundle = models.ForeignKey(Bundle, on_delete=models.CASCADE, related_name="exhibits")
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    filename = models.CharField(max_length=255)
    public = models.BooleanField(default=False, help_text="May appear in the redacted public copy")
    privileged = models.BooleanField(default=False)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    label = models.CharField(max_length=10, blank=True, help_text="Exhibit letter once assembled")
    included = models.BooleanField(null=True, help_text="None until assembled")
    skip_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["bundle", "position"]
        constraints = [
            models.UniqueConstraint(fields=["bundle", "position"], name="one_exhibit_per_bundle_position")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"
