"""Every change to a case's DNA testing record: one function each, keyword-only `actor`, in a transaction,
checked (`full_clean`: a refusal names the field), and audited.

Filing a request with the date the prosecutor was served answers the rulebook fact
`dna_motion_served_date`, so the statutory response date becomes a computed deadline in the calendar
(deadlines.computed, via cases.services_facts). A hearing or any step with a due date becomes a deadline too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from clemency.audit.services import record_event, snapshot
from clemency.dna.models import EvidenceItem, LabTest, Result, Step, StepKind, TestingRequest

EVIDENCE_FIELDS = (
    "description",
    "collected_on",
    "collected_by",
    "held_at",
    "custodian",
    "last_located_on",
    "preservation_letter_sent_on",
    "notes",
)
REQUEST_FIELDS = ("title", "pathway", "filed_on", "served_on", "court", "judge", "status", "notes")
STEP_FIELDS = ("kind", "from_whom", "due_on", "occurred_on", "summary")
TEST_FIELDS = ("lab_name", "lab_accreditation", "method", "sent_on")
RESULT_FIELDS = ("result", "result_on", "codis_searched", "codis_result")


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _only(values: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError(f"Unknown field(s): {', '.join(sorted(unknown))}.")
    return values


def _audit(action: str, obj: Any, case: Any, *, actor: Any, before: Any = None, after: Any = None) -> None:
    record_event(
        action, actor=_user(actor), obj=obj, case_id=case.pk, team_id=case.team_id, before=before, after=after
    )


def _same_case(case: Any, items: list[EvidenceItem], field: str) -> None:
    if any(item.case_id != case.pk for item in items):
        raise ValidationError({field: "Every evidence item must belong to this case."})


def add_evidence(*, case: Any, actor: Any, documents: list[Any] | None = None, **values: Any) -> EvidenceItem:
    with transaction.atomic():
        item = EvidenceItem(case=case, **_only(values, EVIDENCE_FIELDS))
        item.full_clean()
        item.save()
        documents = list(documents or [])
        if any(document.case_id != case.pk for document in documents):
            raise ValidationError({"chain_of_custody": "Every document must belong to this case."})
        item.chain_of_custody.set(documents)
        _audit("dna.evidence.created", item, case, actor=actor, after=snapshot(item))
    return item


def update_evidence(item: EvidenceItem, *, actor: Any, **values: Any) -> EvidenceItem:
    with transaction.atomic():
        before = snapshot(item)
        for name, value in _only(values, EVIDENCE_FIELDS).items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
        _audit("dna.evidence.updated", item, item.case, actor=actor, before=before, after=snapshot(item))
    return item


def _answer_served(request: TestingRequest, *, actor: Any) -> None:
    """The served date is the rulebook's fact: the statutory response date is then computed."""
    if request.served_on is None:
        return
    from clemency.cases.services_facts import answer_fact

    answer_fact(
        request.case,
        actor=actor,
        fact="dna_motion_served_date",
        value=request.served_on,
        source="record",
        source_detail=f"DNA testing request: {request.title}"[:200],
    )


def file_request(
    *, case: Any, actor: Any, evidence: list[EvidenceItem] | None = None, **values: Any
) -> TestingRequest:
    with transaction.atomic():
        request = TestingRequest(case=case, **_only(values, REQUEST_FIELDS))
        request.full_clean()
        if request.served_on is not None and request.served_on < request.filed_on:
            raise ValidationError({"served_on": "The motion cannot be served before it was filed."})
        request.save()
        evidence = list(evidence or [])
        _same_case(case, evidence, "evidence")
        request.evidence.set(evidence)
        _audit("dna.request.filed", request, case, actor=actor, after=snapshot(request))
        _answer_served(request, actor=actor)
    return request


def update_request(request: TestingRequest, *, actor: Any, **values: Any) -> TestingRequest:
    with transaction.atomic():
        before = snapshot(request)
        for name, value in _only(values, REQUEST_FIELDS).items():
            setattr(request, name, value)
        request.full_clean()
        request.save()
        _audit(
            "dna.request.updated", request, request.case, actor=actor, before=before, after=snapshot(request)
        )
        _answer_served(request, actor=actor)
    return request


def set_request_evidence(request: TestingRequest, *, actor: Any, evidence: list[EvidenceItem]) -> None:
    with transaction.atomic():
        _same_case(request.case, evidence, "evidence")
        before = sorted(request.evidence.values_list("pk", flat=True))
        request.evidence.set(evidence)
        after = sorted(item.pk for item in evidence)
        if before != after:
            _audit("dna.request.evidence", request, request.case, actor=actor, before=before, after=after)


def record_step(*, request: TestingRequest, actor: Any, **values: Any) -> Step:
    """A response, order, hearing or appeal, done or awaited. One awaited with a due date (a hearing, a
    response the court ordered by a date) goes into the calendar as a deadline."""
    from clemency.deadlines.models import DeadlineKind
    from clemency.deadlines.services import create_deadline

    with transaction.atomic():
        step = Step(request=request, **_only(values, STEP_FIELDS))
        step.full_clean()
        if step.occurred_on is None and step.due_on is None:
            raise ValidationError({"due_on": "Give the date it happened, or the date it is due."})
        if (
            step.occurred_on is not None
            and step.occurred_on < request.filed_on
            and step.kind != StepKind.OTHER
        ):
            raise ValidationError({"occurred_on": "A step on this request cannot come before it was filed."})
        step.save()
        if step.due_on is not None and step.occurred_on is None:
            kind = DeadlineKind.HEARING if step.kind == StepKind.HEARING else DeadlineKind.OTHER
            step.deadline = create_deadline(
                case=request.case,
                actor=actor,
                kind=kind,
                date=step.due_on,
                title=f"DNA testing: {step.get_kind_display().lower()} due from {step.from_whom}"[:200],
                source=f"DNA testing request: {request.title}"[:300],
                confirm_past=True,
            )
            step.save(update_fields=["deadline"])
        if step.kind == StepKind.ORDER and step.occurred_on is not None and request.status == "pending":
            request.status = "ordered"
            request.save(update_fields=["status", "updated_at"])
        _audit("dna.step.recorded", step, request.case, actor=actor, after=snapshot(step))
    return step


def mark_step_done(step: Step, *, actor: Any, occurred_on: dt.date, summary: str = "") -> Step:
    from clemency.deadlines.services import mark_deadline_done

    with transaction.atomic():
        before = snapshot(step)
        step.occurred_on = occurred_on
        if summary:
            step.summary = summary
        step.full_clean()
        step.save()
        if step.deadline is not None and not step.deadline.done:
            mark_deadline_done(step.deadline, actor=actor)
        _audit("dna.step.done", step, step.request.case, actor=actor, before=before, after=snapshot(step))
    return step


def record_test(
    *, request: TestingRequest, actor: Any, items: list[EvidenceItem] | None = None, **values: Any
) -> LabTest:
    with transaction.atomic():
        test = LabTest(request=request, **_only(values, TEST_FIELDS))
        test.full_clean()
        test.save()
        items = list(items or [])
        _same_case(request.case, items, "items")
        test.items.set(items)
        _audit("dna.test.recorded", test, request.case, actor=actor, after=snapshot(test))
    return test


def record_result(test: LabTest, *, actor: Any, **values: Any) -> LabTest:
    with transaction.atomic():
        before = snapshot(test)
        for name, value in _only(values, RESULT_FIELDS).items():
            setattr(test, name, value)
        if test.result != Result.PENDING and test.result_on is None:
            raise ValidationError({"result_on": "Give the date of the lab's report."})
        if test.result_on is not None and test.sent_on is not None and test.result_on < test.sent_on:
            raise ValidationError({"result_on": "The report cannot come before the evidence was sent."})
        test.full_clean()
        test.save()
        request = test.request
        if test.result != Result.PENDING and not request.tests.filter(result=Result.PENDING).exists():
            request.status = "completed"
            request.save(update_fields=["status", "updated_at"])
        _audit("dna.test.result", test, request.case, actor=actor, before=before, after=snapshot(test))
    return test
