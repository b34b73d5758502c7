"""Interrogation transcripts kept for a case, and the fact-provenance analyses run on them.

The transcript, the lawyer's facts file, the speaker map and the reports live in Django storage
under random names and are never served by URL: every read goes through an access-checked view.
Transcripts are privileged by default (work product: which facts the team thinks were fed).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models


class AnalysisStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


FINISHED = frozenset({AnalysisStatus.DONE, AnalysisStatus.FAILED})


def transcript_path(instance: Transcript, filename: str) -> str:
    """A random name under the case: the uploader's file name never reaches the file system."""
    return f"transcripts/{instance.case_id}/{uuid.uuid4().hex}.txt"


def analysis_path(instance: TranscriptAnalysis, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"transcripts/{instance.transcript.case_id}/analyses/{uuid.uuid4().hex}.{extension}"


class Transcript(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="transcripts")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=transcript_path, max_length=255)
    original_name = models.CharField(max_length=255)
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    privileged = models.BooleanField(
        default=True, help_text="Work product: only privileged readers see its reports, and reads are audited"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.title


class TranscriptAnalysis(models.Model):
    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="analyses")
    facts_file = models.FileField(upload_to=analysis_path, max_length=255)
    facts_name = models.CharField(max_length=255)
    facts_sha256 = models.CharField("facts SHA-256", max_length=64)
    fact_count = models.PositiveIntegerField()
    speakers_file = models.FileField(upload_to=analysis_path, max_length=255, blank=True)
    speakers_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=AnalysisStatus.choices, default=AnalysisStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    error_message = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True, help_text="The library's report as JSON")
    proposed_speakers = models.TextField(
        blank=True, help_text="The speaker map the analysis used (proposed when none was given), as YAML"
    )
    json_file = models.FileField(upload_to=analysis_path, max_length=255, blank=True)
    html_file = models.FileField(upload_to=analysis_path, max_length=255, blank=True)
    pdf_file = models.FileField(upload_to=analysis_path, max_length=255, blank=True)
    case_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The PDF report saved among the case documents",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "transcript analyses"

    def __str__(self) -> str:
        return f"Analysis {self.pk} of {self.transcript}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def case(self) -> object:
        return self.transcript.case

    @property
    def flag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for fact in (self.result or {}).get("facts", []):
            counts[fact["flag"]] = counts.get(fact["flag"], 0) + 1
        return counts
