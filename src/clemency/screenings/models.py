"""A screening run: one uploaded population screened against the rulebook on one as-of date.

The population, the ranked results (Parquet) and the HTML report live in Django storage under a
random name; the row keeps the counts shown on the page. Candidates are read from the results file,
never copied into the database; a case made from one is remembered in `CandidateCase`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


FINISHED = frozenset({RunStatus.DONE, RunStatus.FAILED})


def run_file_path(instance: ScreeningRun, filename: str) -> str:
    """A random name under the team: the uploader's file name never reaches the file system."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"screenings/{instance.team_id}/{uuid.uuid4().hex}.{extension}"


class ScreeningRun(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="screening_runs")
    title = models.CharField(max_length=200, blank=True)
    input_file = models.FileField(upload_to=run_file_path, max_length=255)
    original_name = models.CharField(max_length=255)
    input_format = models.CharField(max_length=10)  # csv or parquet, judged by content
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField("SHA-256", max_length=64)
    as_of = models.DateField("as of")
    pathways = models.JSONField(default=list, blank=True, help_text="Pathway ids; empty means all")
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    rows_total = models.PositiveBigIntegerField(null=True, blank=True)
    rows_done = models.PositiveBigIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True, help_text="pathway id -> outcome -> people")
    issues_count = models.PositiveBigIntegerField(null=True, blank=True)
    issues = models.JSONField(default=list, blank=True, help_text="The first rows of the validation report")
    error_message = models.TextField(blank=True)
    result_file = models.FileField(upload_to=run_file_path, max_length=255, blank=True)
    report_file = models.FileField(upload_to=run_file_path, max_length=255, blank=True)
    validation_file = models.FileField(
        upload_to=run_file_path, max_length=255, blank=True,
        help_text="Every bad cell: row, column, value, why",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title or f"Screening {self.pk}: {self.original_name}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def outcome_totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for by_outcome in (self.counts or {}).values():
            for outcome, count in by_outcome.items():
                totals[outcome] = totals.get(outcome, 0) + int(count)
        return totals


class CandidateCase(models.Model):
    """A case opened from a screening candidate: so the same candidate is not opened twice."""

    run = models.ForeignKey(ScreeningRun, on_delete=models.CASCADE, related_name="candidate_cases")
    person_id = models.CharField(max_length=200)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "person_id"], name="one_case_per_screening_candidate")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} -> case {self.case_id}"
