"""Deadlines and events: execution dates, hearings and filing deadlines, each with its source."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# Far enough either way for any real deadline; beyond it a date is a typing slip (and year 9999 has no
# next day for a calendar event to end on).
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2199, 12, 31)


class TimeZone(models.TextChoices):
    """Where a time is kept: an execution at 18:00 in Huntsville, Texas is 18:00 Central time."""

    EASTERN = "America/New_York", "Eastern"
    CENTRAL = "America/Chicago", "Central"
    MOUNTAIN = "America/Denver", "Mountain"
    ARIZONA = "America/Phoenix", "Arizona (no daylight saving)"
    PACIFIC = "America/Los_Angeles", "Pacific"
    ALASKA = "America/Anchorage", "Alaska"
    HAWAII = "Pacific/Honolulu", "Hawaii"
    PUERTO_RICO = "America/Puerto_Rico", "Atlantic (Puerto Rico, U.S. Virgin Islands)"
    GUAM = "Pacific/Guam", "Chamorro (Guam, Northern Mariana Islands)"


class DeadlineKind(models.TextChoices):
    EXECUTION = "execution", "Execution date"
    HEARING = "hearing", "Hearing"
    FILING = "filing", "Filing deadline"
    OTHER = "other", "Other"


class DeadlineOrigin(models.TextChoices):
    ENTERED = "entered", "Entered by hand"
    COMPUTED = "computed", "Computed by the rulebook"


class Deadline(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=20, choices=DeadlineKind.choices)
    date = models.DateField(
        validators=[
            MinValueValidator(EARLIEST_DATE, message="A deadline date must be in 1900 or later."),
            MaxValueValidator(LATEST_DATE, message="A deadline date must be in 2199 or earlier."),
        ]
    )
    # Unknown time is None: the feed then shows an all-day event rather than a guessed hour.
    time = models.TimeField(null=True, blank=True, help_text="Local time where it happens, if known (HH:MM)")
    time_zone = models.CharField(
        max_length=40,
        blank=True,
        choices=TimeZone.choices,
        help_text="Where the time is kept; the site's own time zone if empty",
    )
    title = models.CharField(max_length=200)
    source = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the date comes from, e.g. warrant of execution, 28 C.F.R. 1.10(b), court order",
    )
    notes = models.TextField(blank=True)
    done = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A computed deadline comes from the rulebook and follows the facts; `computed_key` names which
    # pathway and deadline it is ("us.habeas_2254:limitation"), so recomputing never makes two copies.
    origin = models.CharField(max_length=10, choices=DeadlineOrigin.choices, default=DeadlineOrigin.ENTERED)
    computed_key = models.CharField(max_length=200, blank=True, default="")
    citation = models.CharField(max_length=500, blank=True, default="")
    facts_used = models.JSONField(default=dict, blank=True, help_text="The facts the date rests on")

    class Meta:
        ordering = ["date", "time", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "computed_key"],
                condition=~models.Q(computed_key=""),
                name="one_computed_deadline_per_key",
            )
        ]
        indexes = [
            models.Index(fields=["case", "done", "date"]),
            # The dashboard starts from the nearest undone deadlines of all cases, not from every case.
            models.Index(fields=["done", "date"], name="deadline_done_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title} ({self.date:%Y-%m-%d})"

    @property
    def is_computed(self) -> bool:
        return self.origin == DeadlineOrigin.COMPUTED

    @property
    def is_execution(self) -> bool:
        return self.kind == DeadlineKind.EXECUTION

    def clean(self) -> None:
        if self.time is not None and self.time.tzinfo is not None:
            # "18:00Z" is a moment, not a local time; the zone is chosen separately.
            raise ValidationError(
                {
                    "time": "Give the local time without an offset (18:00, not 18:00Z); "
                    "choose the time zone separately."
                }
            )
        if self.time_zone and self.time is None:
            raise ValidationError(
                {"time_zone": "A time zone goes with a time: give the time, or leave both empty."}
            )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or settings.TIME_ZONE)

    @property
    def time_zone_abbreviation(self) -> str:
        """E.g. CST or CDT, as it will be on the day; empty without a time."""
        if self.time is None:
            return ""
        return datetime.datetime.combine(self.date, self.time, tzinfo=self.zone).tzname() or ""

    def days_from(self, today: datetime.date) -> int:
        return (self.date - today).days
