"""Every change to a deadline, and to a user's calendar token, goes through one of these functions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clemency.accounts.models import User, new_calendar_token
from clemency.audit.services import record_event, snapshot
from clemency.deadlines.models import Deadline

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
        deadline.save()
        _audit("deadline.created", deadline, actor=actor, before=None, after=snapshot(deadline))
    return deadline


def update_deadline(deadline: Deadline, *, actor: Any, **changes: Any) -> Deadline:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed here."))
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("case").get(pk=deadline.pk)
        before = snapshot(deadline, list(EDITABLE_FIELDS))
        for name, value in changes.items():
            setattr(deadline, name, value.strip() if name in ("title", "source") else value)
        deadline.full_clean()
        deadline.save()
        _audit(
            "deadline.updated",
            deadline,
            actor=actor,
            before=before,
            after=snapshot(deadline, list(EDITABLE_FIELDS)),
        )
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
    return deadline


def delete_deadline(deadline: Deadline, *, actor: Any) -> None:
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("case").get(pk=deadline.pk)
        # Logged before the delete, while the row still has its id.
        _audit("deadline.deleted", deadline, actor=actor, before=snapshot(deadline), after=None)
        deadline.delete()


def rotate_calendar_token(user: User, *, actor: Any) -> str:
    """A new secret for the user's calendar feed; every old subscription URL stops working."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.calendar_token = new_calendar_token()
        user.save(update_fields=["calendar_token"])
        # The token itself is a secret: the log records that it changed, not its value.
        record_event("calendar_token.rotated", actor=actor, obj=user, after={"user": user.pk})
    return user.calendar_token
