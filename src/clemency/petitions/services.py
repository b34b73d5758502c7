"""Every change to a petition goes through one of these functions: atomic, checked, audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clemency.audit.services import record_event, snapshot
from clemency.petitions.models import (
    DECIDED_STATUSES,
    DECISION_ONLY_STATUSES,
    Petition,
    PetitionStatus,
    PetitionStatusChange,
)

EDITABLE_FIELDS = ("pathway", "title", "deciding_authority", "deciding_office", "summary")


def _audit(
    action: str,
    petition: Petition,
    *,
    actor: Any,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    record_event(
        action,
        actor=actor,
        obj=petition,
        case_id=petition.case_id,
        team_id=petition.case.team_id,
        before=before,
        after=after,
    )


def _history(petition: Petition, from_status: str, to_status: str, *, actor: Any, note: str) -> None:
    PetitionStatusChange.objects.create(
        petition=petition,
        from_status=from_status,
        to_status=to_status,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_name=str(actor) if actor is not None else "system",
        note=note,
    )


def _check_office(petition: Petition) -> None:
    office = petition.deciding_office
    if office is not None and office.team_id not in (None, petition.case.team_id):
        raise ValidationError({"deciding_office": "That office is not in this team's directory."})


def create_petition(
    *,
    case: Any,
    actor: Any,
    pathway: str,
    title: str,
    deciding_authority: str = "",
    deciding_office: Any = None,
    summary: str = "",
) -> Petition:
    """A new petition starts as a draft; its history opens with that first state.

    The deciding office, if not given, is filled from the pathway: the directory's office that decides
    in the pathway's jurisdiction (none for a court motion). Its name fills an empty deciding authority.
    """
    from clemency.advocacy.selectors import deciding_office_for_pathway

    pathway = pathway.strip()
    if deciding_office is None:
        deciding_office = deciding_office_for_pathway(pathway)
    authority = deciding_authority.strip() or (deciding_office.name if deciding_office else "")
    with transaction.atomic():
        petition = Petition(
            case=case,
            pathway=pathway,
            title=title.strip(),
            deciding_authority=authority,
            deciding_office=deciding_office,
            summary=summary,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        petition.full_clean()
        _check_office(petition)
        petition.save()
        _history(petition, "", PetitionStatus.DRAFT, actor=actor, note="Created")
        _audit("petition.created", petition, actor=actor, before=None, after=snapshot(petition))
    return petition


def update_petition(petition: Petition, *, actor: Any, **changes: Any) -> Petition:
    """Edit the description of a petition; its status moves only through `move_petition`."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed here."))
    with transaction.atomic():
        petition = Petition.objects.select_for_update().select_related("case").get(pk=petition.pk)
        before = snapshot(petition, list(EDITABLE_FIELDS))
        for name, value in changes.items():
            setattr(petition, name, value.strip() if isinstance(value, str) and name != "summary" else value)
        petition.full_clean()
        _check_office(petition)
        petition.save()
        _audit(
            "petition.updated",
            petition,
            actor=actor,
            before=before,
            after=snapshot(petition, list(EDITABLE_FIELDS)),
        )
    return petition


def move_petition(
    petition: Petition,
    to_status: str,
    *,
    actor: Any,
    note: str = "",
    on: datetime.date | None = None,
    _decision: bool = False,
) -> Petition:
    """Move a petition one step along its pipeline, or refuse with the moves that are allowed.

    `on` is the day it happened (filed or decided); today if not given, never in the future. A grant
    or a denial is not a move: it is recorded with `record_decision` (which passes `_decision`).
    """
    if to_status in DECISION_ONLY_STATUSES and not _decision:
        raise ValidationError(
            {
                "status": f"{PetitionStatus(to_status).label} is a decision, not a move: an attorney or "
                "admin records it with its terms (“Record the decision”)."
            }
        )
    with transaction.atomic():
        # Lock the row so two people moving the same petition cannot both succeed.
        petition = Petition.objects.select_for_update().select_related("case").get(pk=petition.pk)
        from_status = petition.status
        if to_status not in PetitionStatus.values:
            raise ValidationError({"status": f"{to_status!r} is not a petition status."})
        allowed = petition.next_statuses
        if to_status not in allowed:
            current = PetitionStatus(from_status).label
            if allowed:
                options = ", ".join(PetitionStatus(value).label for value in allowed)
                message = (
                    f"A petition that is {current} cannot move to {PetitionStatus(to_status).label}; "
                    f"it can move to: {options}."
                )
            else:
                message = f"A petition that is {current} is final and cannot move to another status."
            raise ValidationError({"status": message})
        today = timezone.localdate()
        when = on or today
        if when > today:
            raise ValidationError({"on": f"{when.isoformat()} is in the future; give the day it happened."})
        before = snapshot(petition, ["status", "filed_on", "decided_on"])
        petition.status = to_status
        if to_status == PetitionStatus.FILED:
            petition.filed_on = when
        if to_status in DECIDED_STATUSES:
            if petition.filed_on and when < petition.filed_on:
                raise ValidationError({"on": "A decision cannot come before the petition was filed."})
            petition.decided_on = when
        petition.save(update_fields=["status", "filed_on", "decided_on", "updated_at"])
        _history(petition, from_status, to_status, actor=actor, note=note.strip())
        after = snapshot(petition, ["status", "filed_on", "decided_on"])
        after["note"] = note.strip()
        _audit("petition.moved", petition, actor=actor, before=before, after=after)
    return petition


def file_petition(
    petition: Petition, *, actor: Any, on: datetime.date | None = None, note: str = ""
) -> Petition:
    return move_petition(petition, PetitionStatus.FILED, actor=actor, on=on, note=note)


def begin_review(petition: Petition, *, actor: Any, note: str = "") -> Petition:
    return move_petition(petition, PetitionStatus.UNDER_REVIEW, actor=actor, note=note)


def withdraw_petition(petition: Petition, *, actor: Any, note: str = "") -> Petition:
    return move_petition(petition, PetitionStatus.WITHDRAWN, actor=actor, note=note)
