"""Cases: a team's engagement with a person, from the first letter to the decision."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from clemency.cases.jurisdictions import (
    FEDERAL,
    JURISDICTION_CHOICES,
    UNKNOWN_JURISDICTION,
    validate_jurisdiction,
)


class CaseStatus(models.TextChoices):
    INTAKE = "intake", "Intake"
    SCREENING = "screening", "Screening"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    ACTIVE = "active", "Active"
    FILED = "filed", "Filed"
    DECIDED = "decided", "Decided"
    CLOSED = "closed", "Closed"


# The pipeline: each status and the statuses it may move to.
CASE_TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.INTAKE: frozenset({CaseStatus.SCREENING, CaseStatus.DECLINED, CaseStatus.CLOSED}),
    CaseStatus.SCREENING: frozenset({CaseStatus.ACCEPTED, CaseStatus.DECLINED, CaseStatus.CLOSED}),
    CaseStatus.ACCEPTED: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.DECLINED: frozenset({CaseStatus.CLOSED, CaseStatus.SCREENING}),
    CaseStatus.ACTIVE: frozenset({CaseStatus.FILED, CaseStatus.CLOSED}),
    CaseStatus.FILED: frozenset({CaseStatus.DECIDED, CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.DECIDED: frozenset({CaseStatus.CLOSED, CaseStatus.ACTIVE}),
    CaseStatus.CLOSED: frozenset(),
}
OPEN_STATUSES = frozenset(set(CaseStatus.values) - {CaseStatus.DECLINED, CaseStatus.CLOSED})


class CaseSource(models.TextChoices):
    LETTER = "letter", "Letter from prison"
    REFERRAL = "referral", "Referral"
    SCREENING = "screening", "Population screening"
    OTHER = "other", "Other"


class Priority(models.IntegerChoices):
    URGENT = 1, "Urgent"
    HIGH = 2, "High"
    NORMAL = 3, "Normal"
    LOW = 4, "Low"


class Case(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="cases")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    title = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.INTAKE)
    source = models.CharField(max_length=20, choices=CaseSource.choices, default=CaseSource.LETTER)
    priority = models.IntegerField(choices=Priority.choices, default=Priority.NORMAL)
    declined_reason = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    opened_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "-updated_at"]
        indexes = [
            # A team's page in the list's order and in the API's order, read from the index rather than
            # by sorting every case of the team (access.restrict filters by literal team ids).
            models.Index(fields=["team", "priority", "-updated_at"], name="case_team_priority_updated"),
            models.Index(fields=["team", "priority", "id"], name="case_team_priority_id"),
        ]

    def __str__(self) -> str:
        return self.title or f"Case {self.pk}: {self.person}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class PrivilegeGrant(models.Model):
    """An attorney lets a student or volunteer read this case's privileged notes and documents."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="privilege_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_grant_per_case_user")]


class CaseStatusChange(models.Model):
    """One move along the pipeline: the history row every transition writes."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} -> {self.get_to_status_display()}"


class Conviction(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="convictions")
    jurisdiction = models.CharField(
        max_length=10,
        choices=JURISDICTION_CHOICES,
        validators=[validate_jurisdiction],
        error_messages={"invalid_choice": UNKNOWN_JURISDICTION},
        help_text="federal, dc, or a state code such as us-wi",
    )
    court = models.CharField(max_length=200, blank=True)
    docket_number = models.CharField(max_length=80, blank=True)
    offense_date = models.DateField(null=True, blank=True)
    conviction_date = models.DateField(null=True, blank=True)
    sentencing_date = models.DateField(null=True, blank=True)
    judgment_final_date = models.DateField(
        null=True, blank=True, help_text="When direct appeal ended (or the time for it ran out)"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sentencing_date", "-id"]

    def __str__(self) -> str:
        where = self.get_jurisdiction_display()
        return f"{where} {self.docket_number}".strip()

    @property
    def is_federal(self) -> bool:
        return self.jurisdiction == FEDERAL

    def clean(self) -> None:
        # Dates run in order: offense, conviction, sentencing, final judgment.
        order = [
            ("offense_date", "offense"),
            ("conviction_date", "conviction"),
            ("sentencing_date", "sentencing"),
            ("judgment_final_date", "final judgment"),
        ]
        errors: dict[str, str] = {}
        known = [(field, label, getattr(self, field)) for field, label in order if getattr(self, field)]
        for (_, earlier_label, earlier), (field, label, later) in zip(known, known[1:], strict=False):
            if later < earlier:
                errors[field] = (
                    f"The {label} date ({later:%Y-%m-%d}) is before the {earlier_label} date "
                    f"({earlier:%Y-%m-%d})."
                )
        today = timezone.localdate()
        for field, label in order[:3]:
            value = getattr(self, field)
            if value and value > today and field not in errors:
                errors[field] = f"The {label} date ({value:%Y-%m-%d}) is in the future."
        birth = self.case.person.birth_date if self.case_id and self.offense_date else None
        if birth and self.offense_date and self.offense_date < birth and "offense_date" not in errors:
            errors["offense_date"] = (
                f"The offense date is before the person's date of birth ({birth:%Y-%m-%d})."
            )
        if errors:
            raise ValidationError(errors)


class OffenseCategory(models.TextChoices):
    DRUG = "drug", "Drug"
    VIOLENT = "violent", "Violent"
    SEX = "sex", "Sex"
    WEAPON = "weapon", "Weapon"
    PROPERTY = "property", "Property"
    FRAUD = "fraud", "Fraud"
    OTHER = "other", "Other"


class Charge(models.Model):
    conviction = models.ForeignKey(Conviction, on_delete=models.CASCADE, related_name="charges")
    statute = models.CharField(
        "statute citation", max_length=200, help_text="As written, e.g. 21 U.S.C. 841(b)(1)(A)"
    )
    description = models.CharField(max_length=300, blank=True)
    offense_category = models.CharField(max_length=20, choices=OffenseCategory.choices)
    offense_class = models.CharField("class", max_length=60, blank=True, help_text="e.g. Class A felony")
    counts = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.statute} ({self.counts} count{'s' if self.counts != 1 else ''})"


class SentenceType(models.TextChoices):
    TERM = "term", "Term of years"
    LIFE = "life", "Life"
    LIFE_WITHOUT_PAROLE = "life_without_parole", "Life without parole"
    DEATH = "death", "Death"
    PROBATION = "probation", "Probation"


# Eligibility dates are computed from custody start, term and jail credit (release, percent served);
# past these bounds that arithmetic leaves the calendar (year 9999). No pronounced term needs more.
MAX_TERM_DAYS = 1_000_000  # about 2,738 years
MAX_JAIL_CREDIT_DAYS = 36_525  # 100 years


class Sentence(models.Model):
    conviction = models.OneToOneField(Conviction, on_delete=models.CASCADE, related_name="sentence")
    sentence_type = models.CharField(max_length=30, choices=SentenceType.choices)
    sentence_term_days = models.PositiveIntegerField(
        "term in days",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Required for a term of years; e.g. 10 years = 3650 days",
    )
    custody_start_date = models.DateField(null=True, blank=True)
    jail_credit_days = models.PositiveIntegerField(null=True, blank=True)
    offense_level = models.PositiveSmallIntegerField(
        "guideline offense level",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(43)],
        help_text="Federal only, 1 to 43",
    )
    criminal_history_points = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Federal only"
    )
    # The term as the judgment states it ("20 years", "2 years, 6 months"); the days the rulebook needs
    # are counted from these on the calendar, from the custody start (or the sentencing date).
    term_years = models.PositiveSmallIntegerField("term: years", null=True, blank=True)
    term_months = models.PositiveSmallIntegerField(
        "term: months", null=True, blank=True, validators=[MaxValueValidator(11)]
    )
    term_days_part = models.PositiveIntegerField("term: days", null=True, blank=True)

    def __str__(self) -> str:
        if self.sentence_type == SentenceType.TERM and self.sentence_term_days:
            from clemency.cases.words import judgment_term

            return judgment_term(self)
        return self.get_sentence_type_display()

    @property
    def has_stated_term(self) -> bool:
        return any(getattr(self, name) for name in ("term_years", "term_months", "term_days_part"))

    def _count_stated_term(self, errors: dict[str, str]) -> None:
        """Days of a term stated in years, months and days, counted on the calendar from its start."""
        if not self.has_stated_term:
            return
        if self.sentence_type != SentenceType.TERM:
            errors["term_years"] = "Only a term of years has a length: leave years, months and days empty."
            return
        try:
            conviction: Conviction | None = self.conviction
        except Conviction.DoesNotExist:
            conviction = None
        start = self.custody_start_date or (conviction.sentencing_date if conviction is not None else None)
        if start is None:
            errors["term_years"] = (
                "Give the custody start or the sentencing date, so the term can be counted in days on the "
                "calendar, or give the term in days."
            )
            return
        from clemency.cases.words import add_term

        try:
            end = add_term(start, self.term_years or 0, self.term_months or 0, self.term_days_part or 0)
        except (OverflowError, ValueError):
            errors["term_years"] = "The term runs past the calendar; check the number of years."
            return
        counted = (end - start).days
        if self.sentence_term_days is not None and self.sentence_term_days != counted:
            errors["sentence_term_days"] = (
                f"The term in days ({self.sentence_term_days:,}) disagrees with the term stated "
                f"({counted:,} days from {start:%Y-%m-%d}); give one or the other."
            )
            return
        self.sentence_term_days = counted

    def clean(self) -> None:
        errors: dict[str, str] = {}
        self._count_stated_term(errors)
        if self.sentence_type == SentenceType.TERM and self.sentence_term_days is None:
            errors["sentence_term_days"] = "A term of years needs its length in days."
        if (
            self.sentence_type in (SentenceType.LIFE, SentenceType.LIFE_WITHOUT_PAROLE, SentenceType.DEATH)
            and self.sentence_term_days is not None
        ):
            errors["sentence_term_days"] = (
                f"A {self.get_sentence_type_display().lower()} sentence has no term in days: leave it empty."
            )
        if self.sentence_term_days is not None and self.sentence_term_days > MAX_TERM_DAYS:
            errors["sentence_term_days"] = (
                f"{self.sentence_term_days:,} days is longer than the platform can compute dates from "
                f"({MAX_TERM_DAYS:,} days, about 2,700 years); check the number."
            )
        if self.jail_credit_days is not None and self.jail_credit_days > MAX_JAIL_CREDIT_DAYS:
            errors["jail_credit_days"] = (
                f"{self.jail_credit_days:,} days of jail credit is more than {MAX_JAIL_CREDIT_DAYS:,} days "
                "(100 years); check the number."
            )
        try:
            conviction: Conviction | None = self.conviction
        except Conviction.DoesNotExist:
            conviction = None
        offense_date = conviction.offense_date if conviction is not None else None
        if self.custody_start_date and offense_date and self.custody_start_date < offense_date:
            errors["custody_start_date"] = (
                f"Custody on this sentence cannot start before the offense date ({offense_date:%Y-%m-%d})."
            )
        if conviction is not None and conviction.jurisdiction and not conviction.is_federal:
            for field in ("offense_level", "criminal_history_points"):
                if getattr(self, field) is not None:
                    errors[field] = "Guideline figures apply to federal sentences only."
        if errors:
            raise ValidationError(errors)


class PartyRole(models.TextChoices):
    CO_DEFENDANT = "co_defendant", "Co-defendant"
    VICTIM = "victim", "Victim"
    WITNESS = "witness", "Witness"


class Party(models.Model):
    """Someone else in a conviction, kept so a conflict check can find them."""

    conviction = models.ForeignKey(Conviction, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["role", "name"]
        verbose_name_plural = "parties"

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class Note(models.Model):
    """The case journal. A privileged note is attorney work product: its reads are audited."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    privileged = models.BooleanField(default=False, help_text="Attorney work product or client confidence")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Note {self.pk} on {self.case_id}"


class FactSource(models.TextChoices):
    """Where a person's answer to one of the rulebook's questions comes from."""

    DOCUMENT = "document", "A document of the case"
    RECORD = "record", "A court, prison or agency record"
    CLIENT = "client", "What the client said"
    FAMILY = "family", "What the family said"
    SCREENING = "screening", "A screening run"
    OTHER = "other", "Other"


class FactAnswer(models.Model):
    """A person's answer to one rulebook fact on a case (`clemency.law.facts.FACTS`).

    Answers are never overwritten: a new answer becomes current and the one before stays as history.
    `value` is the fact's value as JSON (a date as YYYY-MM-DD); None means the answer "unknown",
    which stays unknown to the rulebook (never False or zero).
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="fact_answers")
    fact = models.CharField(max_length=80)
    value = models.JSONField(null=True, blank=True)
    source = models.CharField(max_length=20, choices=FactSource.choices)
    source_detail = models.CharField(
        max_length=300, blank=True, help_text="Which document or record, who said it, which screening row"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)
    current = models.BooleanField(default=True)

    class Meta:
        ordering = ["fact", "-answered_at", "-id"]
        constraints = [
            # Never two current answers to one question: the history is the rows no longer current.
            models.UniqueConstraint(
                fields=["case", "fact"], condition=models.Q(current=True), name="one_current_answer_per_fact"
            )
        ]
        indexes = [models.Index(fields=["case", "current"], name="fact_answer_case_current")]

    def __str__(self) -> str:
        return f"{self.fact} on case {self.case_id}"
