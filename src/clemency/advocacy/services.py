"""Every change to the directory and the outreach log goes through one of these functions: atomic,
checked, audited. Directory changes also write a `DirectoryChange` row, the entry's own history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from clemency.accounts.access import can_read_privileged, can_write_team, writable_teams
from clemency.accounts.models import Membership
from clemency.advocacy.models import DirectoryChange, Office, OfficeMember, Outreach
from clemency.audit.services import record_event, snapshot

OFFICE_FIELDS = (
    "jurisdiction",
    "name",
    "kind",
    "role",
    "role_note",
    "address",
    "email",
    "phone",
    "web_form_url",
    "website_url",
    "accepts",
    "citations",
    "citations_verified",
    "source",
    "notes",
    "active",
)
MEMBER_FIELDS = ("name", "title", "email", "phone", "served_from", "served_to", "notes")
OUTREACH_FIELDS = (
    "petition",
    "parent",
    "date",
    "time",
    "duration_minutes",
    "office",
    "office_member",
    "counterpart",
    "channel",
    "status",
    "subject",
    "summary",
    "summary_privileged",
    "outcome",
    "next_step",
    "follow_up_on",
)
PLAIN_TEXT = ("name", "title", "phone", "counterpart", "subject")


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _only(values: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))
    return {
        name: value.strip() if name in PLAIN_TEXT and isinstance(value, str) else value
        for name, value in values.items()
    }


# --- the directory ----------------------------------------------------------------------------------


def check_directory_write(office: Office | None, actor: Any, team: Any = None) -> None:
    """A team's own entry: its writing members. The shared directory: anyone who writes on some team,
    every change kept in the entry's history."""
    team_id = office.team_id if office is not None else (team.pk if team is not None else None)
    if team_id is not None:
        if not can_write_team(actor, team_id):
            raise PermissionDenied("Your role on this team is read-only.")
    elif not writable_teams(actor).exists():
        raise PermissionDenied("Your role is read-only: you cannot change the directory.")


def _directory_change(
    office: Office,
    action: str,
    *,
    actor: Any,
    changes: dict[str, Any],
    member: OfficeMember | None = None,
    reason: str = "",
) -> None:
    DirectoryChange.objects.create(
        office=office,
        member=member,
        subject=str(member or office),
        action=action,
        changes=changes,
        reason=reason.strip(),
        actor=_user(actor),
        actor_name=str(actor) if actor is not None else "system",
    )
    record_event(
        f"directory.{action.replace(' ', '_')}",
        actor=actor,
        obj=member or office,
        team_id=office.team_id,
        before={name: pair[0] for name, pair in changes.items()} or None,
        after={name: pair[1] for name, pair in changes.items()} or None,
    )


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def create_office(*, actor: Any, team: Any = None, **values: Any) -> Office:
    """A new entry: shared (no team) or the team's own."""
    check_directory_write(None, actor, team)
    with transaction.atomic():
        office = Office(team=team, created_by=_user(actor), **_only(values, OFFICE_FIELDS))
        office.full_clean()
        office.save()
        after = snapshot(office, list(OFFICE_FIELDS))
        _directory_change(
            office, "created", actor=actor, changes={k: [None, v] for k, v in after.items() if v}
        )
    return office


def update_office(office: Office, *, actor: Any, reason: str = "", **values: Any) -> Office:
    check_directory_write(office, actor)
    values = _only(values, OFFICE_FIELDS)
    with transaction.atomic():
        office = Office.objects.select_for_update().get(pk=office.pk)
        before = snapshot(office, list(OFFICE_FIELDS))
        for name, value in values.items():
            setattr(office, name, value)
        office.full_clean()
        changes = _diff(before, snapshot(office, list(OFFICE_FIELDS)))
        if not changes:
            return office
        office.save()
        _directory_change(office, "updated", actor=actor, changes=changes, reason=reason)
    return office


def add_member(office: Office, *, actor: Any, **values: Any) -> OfficeMember:
    check_directory_write(office, actor)
    with transaction.atomic():
        member = OfficeMember(office=office, created_by=_user(actor), **_only(values, MEMBER_FIELDS))
        member.full_clean()
        member.save()
        after = snapshot(member, list(MEMBER_FIELDS))
        _directory_change(
            office,
            "member added",
            actor=actor,
            member=member,
            changes={k: [None, v] for k, v in after.items() if v},
        )
    return member


def update_member(member: OfficeMember, *, actor: Any, reason: str = "", **values: Any) -> OfficeMember:
    check_directory_write(member.office, actor)
    values = _only(values, MEMBER_FIELDS)
    with transaction.atomic():
        member = OfficeMember.objects.select_for_update().select_related("office").get(pk=member.pk)
        before = snapshot(member, list(MEMBER_FIELDS))
        for name, value in values.items():
            setattr(member, name, value)
        member.full_clean()
        changes = _diff(before, snapshot(member, list(MEMBER_FIELDS)))
        if changes:
            member.save()
            _directory_change(
                member.office, "member updated", actor=actor, member=member, changes=changes, reason=reason
            )
    return member


# --- the outreach log -------------------------------------------------------------------------------


def _check_outreach(outreach: Outreach, team_members: list[Any] | None, actor: Any) -> None:
    """Everything an outreach record links to must belong to its case, its team or the directory."""
    case = outreach.case
    errors: dict[str, str] = {}
    petition, parent, office, office_member = (
        outreach.petition,
        outreach.parent,
        outreach.office,
        outreach.office_member,
    )
    if petition is not None and petition.case_id != case.pk:
        errors["petition"] = "The petition belongs to another case."
    if parent is not None:
        if parent.case_id != case.pk:
            errors["parent"] = "A follow-up must be on the same case as the contact it follows."
        elif outreach.pk is not None and outreach.parent_id == outreach.pk:
            errors["parent"] = "A contact cannot follow itself."
    if office is not None and office.team_id not in (None, case.team_id):
        errors["office"] = "That office is not in this team's directory."
    if office_member is not None:
        if office is None:
            errors["office_member"] = "Choose the office the person belongs to."
        elif office_member.office_id != office.pk:
            errors["office_member"] = f"That person is not in {outreach.office}."
    if outreach.office_id is None and not outreach.counterpart:
        errors["counterpart"] = "Say who was contacted: an office of the directory or a name."
    if team_members:
        member_ids = set(Membership.objects.filter(team_id=case.team_id).values_list("user_id", flat=True))
        strangers = [str(user) for user in team_members if user.pk not in member_ids]
        if strangers:
            errors["team_members"] = f"Not on the case's team: {', '.join(strangers)}."
    if outreach.follow_up_on is not None and outreach.follow_up_on < outreach.date:
        errors["follow_up_on"] = "The follow-up date comes before the contact."
    if outreach.summary_privileged and not can_read_privileged(actor, case.team_id, case.pk):
        errors["summary_privileged"] = "You cannot read privileged material on this case, so cannot write it."
    if errors:
        raise ValidationError(errors)


def _outreach_snapshot(outreach: Outreach) -> dict[str, Any]:
    data = snapshot(outreach, list(OUTREACH_FIELDS))
    # A privileged summary stays out of the audit log, which more people may read.
    if outreach.summary_privileged:
        data["summary"] = "(privileged)"
    return data


def _audit_outreach(action: str, outreach: Outreach, *, actor: Any, before: dict[str, Any] | None) -> None:
    after = _outreach_snapshot(outreach)
    after["team_members"] = sorted(outreach.team_members.values_list("pk", flat=True))
    record_event(
        action,
        actor=actor,
        obj=outreach,
        case_id=outreach.case_id,
        team_id=outreach.case.team_id,
        before=before,
        after=after,
    )


def log_outreach(*, case: Any, actor: Any, team_members: list[Any] | None = None, **values: Any) -> Outreach:
    """Record a contact (done, attempted or scheduled). A contact with a parent answers the parent's
    follow-up, which then leaves the dashboard and the calendar feed."""
    if not can_write_team(actor, case.team_id):
        raise PermissionDenied("Your role on this team is read-only.")
    with transaction.atomic():
        outreach = Outreach(case=case, created_by=_user(actor), **_only(values, OUTREACH_FIELDS))
        outreach.full_clean(exclude=["team_members"])
        _check_outreach(outreach, team_members, actor)
        outreach.save()
        outreach.team_members.set(team_members or [])
        _audit_outreach("outreach.logged", outreach, actor=actor, before=None)
    return outreach


def update_outreach(
    outreach: Outreach, *, actor: Any, team_members: list[Any] | None = None, **values: Any
) -> Outreach:
    if not can_write_team(actor, outreach.case.team_id):
        raise PermissionDenied("Your role on this team is read-only.")
    values = _only(values, OUTREACH_FIELDS)
    with transaction.atomic():
        outreach = Outreach.objects.select_for_update().select_related("case").get(pk=outreach.pk)
        if outreach.summary_privileged and not can_read_privileged(
            actor, outreach.case.team_id, outreach.case_id
        ):
            raise PermissionDenied("This contact's summary is privileged; you cannot change it.")
        before = _outreach_snapshot(outreach)
        before["team_members"] = sorted(outreach.team_members.values_list("pk", flat=True))
        for name, value in values.items():
            setattr(outreach, name, value)
        outreach.full_clean(exclude=["team_members"])
        _check_outreach(outreach, team_members, actor)
        outreach.save()
        if team_members is not None:
            outreach.team_members.set(team_members)
        _audit_outreach("outreach.updated", outreach, actor=actor, before=before)
    return outreach


def outreach_for_reader(outreach: list[Outreach], *, actor: Any) -> list[Outreach]:
    """Mark each contact's `summary_hidden` for this reader; every privileged summary shown is recorded
    as read, as for notes."""
    shown: dict[tuple[int, int], list[int]] = {}
    readable: dict[tuple[int, int], bool] = {}
    for item in outreach:
        key = (item.case.team_id, item.case_id)
        if key not in readable:
            readable[key] = can_read_privileged(actor, *key)
        item.summary_hidden = item.summary_privileged and not readable[key]  # type: ignore[attr-defined]
        if item.summary_privileged and readable[key]:
            shown.setdefault(key, []).append(item.pk)
    for (team_id, case_id), ids in shown.items():
        record_event(
            "outreach.read_privileged",
            actor=actor,
            case_id=case_id,
            team_id=team_id,
            after={"outreach_ids": ids},
        )
    return outreach
