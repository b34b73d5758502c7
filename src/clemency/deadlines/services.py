"""Every change to a deadline, and to a user's calendar token, goes through one of these functions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clemency.accounts.models import User, new_calendar_token
from clemency.audit.services import record_event, snapshot
from clemency.deadlines.models import Deadline, DeadlineKind

# The facts of a case include its execution date: the computed deadlines follow a change to it.
_FACT_KINDS = frozenset({DeadlineKind.EXECUTION})
# What happened to an execution date that has passed without being marked done.
PAST_EXECUTION_OUTCOMES = {
    "stayed": "Stayed",
    "reset": "Reset to a new date",
    "carried_out": "Carried out",
}


def _recompute(deadline: Deadline, *, actor: Any) -> None:
    if deadline.kind in _FACT_KINDS:
        from clemency.deadlines.computed import sync_computed_deadlines

        sync_computed_deadlines(deadline.case, actor=actor)


def _check_past(kind: str, date: Any, *, confirm_past: bool) -> None:
    """A date already past is more often a typing slip than a deadline: it needs a confirmation."""
    if confirm_past or date is None or date >= timezone.localdate():
        return
    if kind == DeadlineKind.EXECUTION:
        message = (
            f"The execution date {date:%Y-%m-%d} is in the past. Was it stayed, reset or carried out? "
            "Record a new date if it was reset; confirm to record a past date."
        )
    else:
        message = f"{date:%Y-%m-%d} is in the past. Check the date, or confirm that it is right."
    raise ValidationError({"date": message}, code="past_date")

EDITABLE_FIELDS = ("kind", "date", "time", "time_zone", "title", "source", "notes")


def _audit(
    action: str,
    deadline: Deadline,
    *,
    actor: Any,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    record_event(
        action,
        actor=actor,
        obj=deadline,
        case_id=deadline.case_id,
        team_id=deadline.case.team_id,
        before=before,
        after=after,
    )


def create_deadline(
    *,
    case: Any,
    actor: Any,
    kind: str,
    date: Any,
    title: str,
    time: Any = None,
    time_zone: str = "",
    source: str = "",
    notes: str = "",
    confirm_past: bool = False,
) -> Deadline:
    with transaction.atomic():
        deadline = Deadline(
            case=case,
            kind=kind,
            date=date,
            time=time,
            time_zone=time_zone,
            title=title.strip(),
            source=source.strip(),
            notes=notes,
        )
        deadline.full_clean()
        _check_past(kind, deadline.date, confirm_past=confirm_past)  # after the range check: a sane date
        deadline.save()
        _audit("deadline.created", deadline, actor=actor, before=None, after=snapshot(deadline))
        _recompute(deadline, actor=actor)
    return deadline


def update_deadline(
    deadline: Deadline, *, actor: Any, confirm_past: bool = False, **changes: Any
) -> Deadline:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed here."))
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("case").get(pk=deadline.pk)
        if deadline.is_computed:
            fixed = sorted(
                name
                for name in ("kind", "date", "title")
                if name in changes and changes[name] != getattr(deadline, name)
            )
            if fixed:
                raise ValidationError(
                    dict.fromkeys(
                        fixed,
                        "This deadline is computed by the rulebook: change the facts it rests on, "
                        "and it follows them.",
                    )
                )
        moved = "date" in changes and changes["date"] != deadline.date
        before = snapshot(deadline, list(EDITABLE_FIELDS))
        kinds = {deadline.kind, changes.get("kind", deadline.kind)}
        for name, value in changes.items():
            setattr(deadline, name, value.strip() if name in ("title", "source") else value)
        deadline.full_clean()
        if moved:
            _check_past(deadline.kind, deadline.date, confirm_past=confirm_past)
        deadline.save()
        _audit(
            "deadline.updated",
            deadline,
            actor=actor,
            before=before,
            after=snapshot(deadline, list(EDITABLE_FIELDS)),
        )
        if kinds & _FACT_KINDS:
            from clemency.deadlines.computed import sync_computed_deadlines

            sync_computed_deadlines(deadline.case, actor=actor)
    return deadline


def mark_deadline_done(deadline: Deadline, *, actor: Any) -> Deadline:
    return _set_done(deadline, True, actor=actor)


def mark_deadline_undone(deadline: Deadline, *, actor: Any) -> Deadline:
    return _set_done(deadline, False, actor=actor)


def _set_done(deadline: Deadline, done: bool, *, actor: Any) -> Deadline:
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("case").get(pk=deadline.pk)
        if deadline.done == done:
            return deadline  # Already so: no change, no event.
        before = snapshot(deadline, ["done", "done_at", "done_by"])
        deadline.done = done
        deadline.done_at = timezone.now() if done else None
        deadline.done_by = actor if done and getattr(actor, "is_authenticated", False) else None
        deadline.save(update_fields=["done", "done_at", "done_by", "updated_at"])
        _audit(
            "deadline.done" if done else "deadline.undone",
            deadline,
            actor=actor,
            before=before,
            after=snapshot(deadline, ["done", "done_at", "done_by"]),
        )
        _recompute(deadline, actor=actor)
    return deadline


def delete_deadline(deadline: Deadline, *, actor: Any) -> None:
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("case").get(pk=deadline.pk)
        # Logged before the delete, while the row still has its id.
        _audit("deadline.deleted", deadline, actor=actor, before=snapshot(deadline), after=None)
        case = deadline.case
        kind = deadline.kind
        deadline.delete()
        if kind in _FACT_KINDS:
            from clemency.deadlines.computed import sync_computed_deadlines

            sync_computed_deadlines(case, actor=actor)


def resolve_past_execution(
    deadline: Deadline, *, actor: Any, outcome: str, new_date: Any = None
) -> Deadline:
    """An execution date gone by: stayed (done, noted), carried out (done, noted) or reset (new date).

    A stay removes the computed deadlines that rested on the date; a reset moves them.
    """
    if outcome not in PAST_EXECUTION_OUTCOMES:
        raise ValidationError({"outcome": "Choose whether it was stayed, reset or carried out."})
    if outcome == "reset" and new_date is None:
        raise ValidationError({"new_date": "A reset needs the new execution date."})
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("case").get(pk=deadline.pk)
        if not deadline.is_execution:
            raise ValidationError("Only an execution date is stayed, reset or carried out.")
        if outcome == "reset":
            return update_deadline(deadline, actor=actor, date=new_date)
        before = snapshot(deadline, ["notes"])
        label = PAST_EXECUTION_OUTCOMES[outcome]
        deadline.notes = f"{deadline.notes}\n{label} (recorded {timezone.localdate():%Y-%m-%d}).".strip()
        deadline.save(update_fields=["notes", "updated_at"])
        _audit("deadline.execution_resolved", deadline, actor=actor, before=before,
               after={"notes": deadline.notes, "outcome": outcome})
        return _set_done(deadline, True, actor=actor)


def rotate_calendar_token(user: User, *, actor: Any) -> str:
    """A new secret for the user's calendar feed; every old subscription URL stops working."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.calendar_token = new_calendar_token()
        user.save(update_fields=["calendar_token"])
        # The token itself is a secret: the log records that it changed, not its value.
        record_event("calendar_token.rotated", actor=actor, obj=user, after={"user": user.pk})
    return user.calendar_token
