"""Documents kept for a case: letters, records, certificates, evidence. Never served by URL."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class DocumentKind(models.TextChoices):
    LETTER_OF_SUPPORT = "letter_of_support", "Letter of support"
    PERSONAL_LETTER = "personal_letter", "Personal letter"
    RECORD = "record", "Record"
    CERTIFICATE = "certificate", "Certificate"
    EVIDENCE = "evidence", "Evidence"
    OTHER = "other", "Other"


def document_path(instance: Document, filename: str) -> str:
    """A random name under the case: the uploader's file name never reaches the file system."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}.{extension}"


class Document(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=30, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    file = models.FileField(upload_to=document_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    privileged = models.BooleanField(
        default=False, help_text="Attorney work product or client confidence: reads are audited"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    replaced_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.title
