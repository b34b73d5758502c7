"""Every change to a case and its record goes through one function here: atomic, validated, audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from clemency.accounts.access import can_read_privileged
from clemency.audit.services import record_event, snapshot
from clemency.cases.models import (
    CASE_TRANSITIONS,
    Case,
    CaseStatus,
    CaseStatusChange,
    Charge,
    Conviction,
    Note,
    Party,
    Sentence,
)

# The parent rows a record hangs from are model instances the caller already holds: checking that
# they exist would cost a query per foreign key per change for nothing.
PARENTS = ["team", "person", "case", "conviction"]
CASE_FIELDS = ("title", "source", "priority", "summary", "opened_on")
CONVICTION_FIELDS = (
    "jurisdiction",
    "court",
    "docket_number",
    "offense_date",
    "conviction_date",
    "sentencing_date",
    "judgment_final_date",
)
SENTENCE_FIELDS = (
    "sentence_type",
    "sentence_term_days",
    "custody_start_date",
    "jail_credit_days",
    "offense_level",
    "criminal_history_points",
    "term_years",
    "term_months",
    "term_days_part",
)
CHARGE_FIELDS = ("statute", "description", "offense_category", "offense_class", "counts")


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _only(values: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))
    return values


def create_case(*, actor: Any, person: Any, **values: Any) -> Case:
    with transaction.atomic():
        case = Case(team_id=person.team_id, person=person, **_only(values, CASE_FIELDS))
        case.full_clean(exclude=PARENTS)
        case.save()
        record_event(
            "case.create", actor=actor, obj=case, case_id=case.pk, team_id=case.team_id, after=snapshot(case)
        )
    return case


def as_text(value: Any) -> str:
    """A field's value as the edit form carries it (the value it was opened with, for conflicts)."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def update_case(case: Case, *, actor: Any, opened_with: dict[str, str] | None = None, **values: Any) -> Case:
    """Change the given fields, and only those, on the row as it is now (read under its lock), so a
    concurrent edit of other fields or of the status is never written back over.

    `opened_with` holds the values the person's form showed (as text): a field they changed that
    someone else changed too since then is a conflict, refused with what the other person wrote;
    a field they left alone keeps whatever it holds now.
    """
    wanted = _only(values, CASE_FIELDS)
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        before = snapshot(current)
        if opened_with is None:
            mine = {name: value for name, value in wanted.items() if getattr(current, name) != value}
        else:
            mine = {name: value for name, value in wanted.items()
                    if name not in opened_with or as_text(value) != opened_with[name]}
            _refuse_conflicts(current, mine, opened_with)
        for name, value in mine.items():
            setattr(current, name, value)
        current.full_clean(exclude=PARENTS)
        if mine:
            current.save(update_fields=[*mine, "updated_at"])
            record_event(
                "case.update",
                actor=actor,
                obj=current,
                case_id=current.pk,
                team_id=current.team_id,
                before=before,
                after=snapshot(current),
            )
    return current


def _refuse_conflicts(current: Case, mine: dict[str, Any], opened_with: dict[str, str]) -> None:
    conflicts = [name for name, value in mine.items()
                 if name in opened_with and as_text(getattr(current, name)) != opened_with[name]
                 and as_text(getattr(current, name)) != as_text(value)]
    if not conflicts:
        return
    from clemency.audit.models import AuditEvent

    updates = AuditEvent.objects.filter(action="case.update", object_type="cases.case",
                                        object_id=str(current.pk))
    last = updates.order_by("-id").values_list("actor_name", flat=True).first()
    who = last or "Someone else"
    errors = {}
    for name in conflicts:
        label = str(getattr(Case._meta.get_field(name), "verbose_name", name))
        errors[name] = (f"{who} changed the {label} while you were editing: it is now "
                        f"\u201c{as_text(getattr(current, name)) or '(empty)'}\u201d (you opened it as "
                        f"\u201c{opened_with[name] or '(empty)'}\u201d). Your other changes were not saved "
                        "either; check this field and save again.")
    raise ValidationError(errors)


def move_case(case: Case, *, actor: Any, to_status: str, reason: str = "") -> Case:
    """Move a case along the pipeline; a move the pipeline does not allow is refused."""
    reason = (reason or "").strip()
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if to_status not in CaseStatus.values:
            raise ValidationError({"to_status": f"{to_status!r} is not a case status."})
        allowed = CASE_TRANSITIONS[current.status]
        if to_status not in allowed:
            names = ", ".join(sorted(CaseStatus(s).label for s in allowed)) or "nothing (it is closed)"
            raise ValidationError(
                {
                    "to_status": (
                        f"A case in {CaseStatus(current.status).label} cannot move to "
                        f"{CaseStatus(to_status).label}; it can move to {names}."
                    )
                }
            )
        if to_status == CaseStatus.DECLINED and not reason:
            raise ValidationError({"reason": "Declining a case needs a reason."})
        from_status = current.status
        case.status = to_status
        if to_status == CaseStatus.DECLINED:
            case.declined_reason = reason
        case.save(update_fields=["status", "declined_reason", "updated_at"])
        CaseStatusChange.objects.create(
            case=case,
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            actor=_user(actor),
            actor_name=str(actor) if actor else "system",
        )
        record_event(
            "case.move",
            actor=actor,
            obj=case,
            case_id=case.pk,
            team_id=case.team_id,
            before={"status": from_status},
            after={"status": to_status, "reason": reason},
        )
    return case


def _recompute(case: Case, actor: Any) -> None:
    """The case's computed deadlines follow its facts, in the same transaction as the change."""
    from clemency.deadlines.computed import sync_computed_deadlines

    sync_computed_deadlines(case, actor=actor)


def _audit(action: str, obj: Any, case: Case, actor: Any, before: dict[str, Any] | None = None) -> None:
    record_event(
        action,
        actor=actor,
        obj=obj,
        case_id=case.pk,
        team_id=case.team_id,
        before=before,
        after=snapshot(obj),
    )


def add_conviction(
    case: Case, *, actor: Any, sentence: dict[str, Any] | None = None, **values: Any
) -> Conviction:
    """Record a conviction, and its sentence when one is given, as one change."""
    with transaction.atomic():
        conviction = Conviction(case=case, **_only(values, CONVICTION_FIELDS))
        conviction.full_clean(exclude=PARENTS)
        conviction.save()
        _audit("conviction.create", conviction, case, actor)
        if sentence:
            set_sentence(conviction, actor=actor, **sentence)
        _recompute(case, actor)
    return conviction


def update_conviction(conviction: Conviction, *, actor: Any, **values: Any) -> Conviction:
    with transaction.atomic():
        before = snapshot(Conviction.objects.select_for_update().get(pk=conviction.pk))
        for name, value in _only(values, CONVICTION_FIELDS).items():
            setattr(conviction, name, value)
        conviction.full_clean(exclude=PARENTS)
        sentence = Sentence.objects.filter(conviction=conviction).first()
        if sentence is not None:
            sentence.conviction = conviction
            # A guideline level stays federal-only if the jurisdiction changes.
            sentence.full_clean(exclude=PARENTS)
        conviction.save()
        _audit("conviction.update", conviction, conviction.case, actor, before)
        _recompute(conviction.case, actor)
    return conviction


def set_sentence(conviction: Conviction, *, actor: Any, **values: Any) -> Sentence:
    """Record the conviction's sentence, replacing the one recorded before (kept in the audit log)."""
    with transaction.atomic():
        sentence = Sentence.objects.select_for_update().filter(conviction=conviction).first()
        before = snapshot(sentence) if sentence else None
        if sentence is None:
            sentence = Sentence(conviction=conviction)
        values = dict(_only(values, SENTENCE_FIELDS))
        stated = any(values.get(name) for name in ("term_years", "term_months", "term_days_part"))
        if stated and before and values.get("sentence_term_days") == before.get("sentence_term_days"):
            values["sentence_term_days"] = None  # counted again from the stated term (its start may move)
        for name in SENTENCE_FIELDS:
            setattr(sentence, name, values.get(name))
        sentence.full_clean(exclude=PARENTS, validate_unique=False)
        sentence.save()
        _audit("sentence.set", sentence, conviction.case, actor, before)
        _recompute(conviction.case, actor)
    return sentence


def add_charge(conviction: Conviction, *, actor: Any, **values: Any) -> Charge:
    with transaction.atomic():
        charge = Charge(conviction=conviction, **_only(values, CHARGE_FIELDS))
        charge.full_clean(exclude=PARENTS)
        charge.save()
        _audit("charge.create", charge, conviction.case, actor)
        _recompute(conviction.case, actor)
    return charge


def remove_charge(charge: Charge, *, actor: Any) -> None:
    with transaction.atomic():
        case = charge.conviction.case
        record_event(
            "charge.delete",
            actor=actor,
            obj=charge,
            case_id=case.pk,
            team_id=case.team_id,
            before=snapshot(charge),
        )
        charge.delete()
        _recompute(case, actor)


def add_party(conviction: Conviction, *, actor: Any, name: str, role: str, notes: str = "") -> Party:
    with transaction.atomic():
        party = Party(conviction=conviction, name=name.strip(), role=role, notes=notes)
        party.full_clean(exclude=PARENTS)
        party.save()
        _audit("party.create", party, conviction.case, actor)
    return party


def add_note(case: Case, *, actor: Any, body: str, privileged: bool = False) -> Note:
    with transaction.atomic():
        note = Note(case=case, author=_user(actor), body=body, privileged=privileged)
        note.full_clean(exclude=[*PARENTS, "author"])
        note.save()
        # The body of a privileged note stays out of the audit log, which more people may read.
        after = {"privileged": privileged} if privileged else snapshot(note)
        record_event("note.create", actor=actor, obj=note, case_id=case.pk, team_id=case.team_id, after=after)
    return note


def notes_for_reader(case: Case, *, actor: Any) -> list[Note]:
    """The case's notes this user may read; every privileged note shown is recorded as read."""
    notes = list(case.notes.select_related("author"))
    if not can_read_privileged(actor, case.team_id, case.pk):
        return [note for note in notes if not note.privileged]
    privileged = [note.pk for note in notes if note.privileged]
    if privileged:
        record_event(
            "note.read_privileged",
            actor=actor,
            case_id=case.pk,
            team_id=case.team_id,
            after={"note_ids": privileged},
        )
    return notes


GRANTING_ROLES = ("admin", "attorney")
GRANTEE_ROLES = ("student", "volunteer")


def _check_grant(case: Case, actor: Any, user: Any) -> None:
    from clemency.accounts.access import role_on_team

    if actor is not None and role_on_team(actor, case.team_id) not in GRANTING_ROLES:
        raise ValidationError({"user": "Only an attorney or admin of the team can grant or revoke this."})
    if role_on_team(user, case.team_id) not in GRANTEE_ROLES:
        raise ValidationError({"user": f"{user} is not a student or volunteer on this team."})


def grant_privilege(case: Case, *, actor: Any, user: Any) -> None:
    """Let a student or volunteer read this case's privileged notes and documents."""
    from clemency.cases.models import PrivilegeGrant

    with transaction.atomic():
        _check_grant(case, actor, user)
        _, created = PrivilegeGrant.objects.get_or_create(
            case=case, user=user, defaults={"granted_by": _user(actor)}
        )
        if created:
            record_event(
                "case.privilege_granted",
                actor=actor,
                obj=case,
                case_id=case.pk,
                team_id=case.team_id,
                after={"user": user.pk, "username": user.get_username()},
            )


def revoke_privilege(case: Case, *, actor: Any, user: Any) -> None:
    from clemency.cases.models import PrivilegeGrant

    with transaction.atomic():
        _check_grant(case, actor, user)
        deleted, _ = PrivilegeGrant.objects.filter(case=case, user=user).delete()
        if deleted:
            record_event(
                "case.privilege_revoked",
                actor=actor,
                obj=case,
                case_id=case.pk,
                team_id=case.team_id,
                before={"user": user.pk, "username": user.get_username()},
            )
