"""The decision record's service functions: recording a petition's decision, correcting one, and
categorical actions that decide many cases at once. Atomic, checked and audited like every service.

A grant or a denial must be confirmed, and only an attorney or an admin records or corrects a
decision: a staff member cannot make a petition final. A decision updates the case it decides:
the person's custody status, the case's status, and its execution dates (closed by a commutation,
a pardon or a moot outcome; moved by a reprieve). The release date a commutation sets reaches the
rulebook through `clemency.cases.facts`, so eligibility is recomputed from the facts on the next read.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from clemency.accounts.access import role_on_team
from clemency.accounts.models import Role
from clemency.audit.services import record_event, snapshot
from clemency.petitions.models import (
    CONFIRMED_OUTCOMES,
    DECIDABLE_STATUSES,
    CategoricalAction,
    DecisionOutcome,
    Petition,
    PetitionDecision,
    PetitionStatus,
    status_for_outcome,
)
from clemency.petitions.services import move_petition

DECIDING_ROLES = frozenset({Role.ADMIN, Role.ATTORNEY})
DECISION_FIELDS = (
    "outcome",
    "decided_on",
    "decided_by",
    "decided_by_name",
    "conditions",
    "new_release_date",
    "new_term_days",
    "reprieve_days",
    "warrant",
)
# What the person's custody becomes with each outcome; an outcome not listed leaves it as it is.
CUSTODY_AFTER = {
    DecisionOutcome.COMMUTATION_TIME_SERVED: "released",
    DecisionOutcome.MOOT_RELEASED: "released",
    DecisionOutcome.MOOT_EXECUTED: "deceased",
    DecisionOutcome.MOOT_DIED: "deceased",
}
# Outcomes after which no execution date stands: the death sentence is commuted or pardoned, or moot.
ENDS_EXECUTION = frozenset(
    {
        DecisionOutcome.FULL_PARDON,
        DecisionOutcome.CONDITIONAL_PARDON,
        DecisionOutcome.COMMUTATION_TIME_SERVED,
        DecisionOutcome.COMMUTATION_TERM,
        DecisionOutcome.MOOT_EXECUTED,
        DecisionOutcome.MOOT_DIED,
        DecisionOutcome.MOOT_RELEASED,
    }
)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def check_can_decide(actor: Any, team_id: int) -> None:
    if role_on_team(actor, team_id) not in DECIDING_ROLES:
        raise PermissionDenied("Only an attorney or an admin of the team records or corrects a decision.")


def _validate(decision: Any, case: Any, *, confirmed: bool, filed_on: datetime.date | None) -> None:
    errors: dict[str, str] = {}
    if decision.outcome in CONFIRMED_OUTCOMES and not confirmed:
        errors["confirmed"] = (
            f"Confirm that the decision is “{DecisionOutcome(decision.outcome).label}”: "
            "a grant or a denial is final."
        )
    today = timezone.localdate()
    if decision.decided_on and decision.decided_on > today:
        errors["decided_on"] = (
            f"{decision.decided_on.isoformat()} is in the future; give the date of the decision."
        )
    if decision.decided_on and filed_on and decision.decided_on < filed_on:
        errors["decided_on"] = "A decision cannot come before the petition was filed."
    if decision.decided_by is not None and decision.decided_by.team_id not in (None, case.team_id):
        errors["decided_by"] = "That office is not in this team's directory."
    warrant = getattr(decision, "warrant", None)
    if warrant is not None and warrant.case_id != case.pk:
        errors["warrant"] = "The warrant must be a document of this case."
    if errors:
        raise ValidationError(errors)


def _snapshot(decision: PetitionDecision) -> dict[str, Any]:
    data = snapshot(decision, [*DECISION_FIELDS, "superseded", "correction_reason"])
    data["outcome_label"] = decision.get_outcome_display()
    return data


def record_decision(
    petition: Petition,
    *,
    actor: Any,
    confirmed: bool = False,
    custody_status: str | None = None,
    **values: Any,
) -> PetitionDecision:
    """Record the decision on a filed petition and apply it to the case.

    `custody_status` overrides what the outcome implies for the person's custody (e.g. supervised
    release after a commutation to time served); None takes the outcome's default.
    """
    unknown = set(values) - set(DECISION_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))
    check_can_decide(actor, petition.case.team_id)
    with transaction.atomic():
        petition = (
            Petition.objects.select_for_update().select_related("case", "case__person").get(pk=petition.pk)
        )
        if petition.status not in DECIDABLE_STATUSES:
            raise ValidationError(
                {
                    "outcome": f"A petition that is {PetitionStatus(petition.status).label} cannot be "
                    "decided; only a filed petition can. To change a decision, correct it."
                }
            )
        decision = PetitionDecision(
            petition=petition, recorded_by=_user(actor), recorded_by_name=str(actor), **values
        )
        decision.full_clean(exclude=["petition"])
        _validate(decision, petition.case, confirmed=confirmed, filed_on=petition.filed_on)
        decision.save()
        move_petition(
            petition,
            status_for_outcome(decision.outcome),
            actor=actor,
            on=decision.decided_on,
            note=decision.get_outcome_display(),
            _decision=True,
        )
        record_event(
            "petition.decision_recorded",
            actor=actor,
            obj=petition,
            case_id=petition.case_id,
            team_id=petition.case.team_id,
            before=None,
            after=_snapshot(decision),
        )
        apply_to_case(petition.case, decision, actor=actor, custody_status=custody_status)
    return decision


def correct_decision(
    decision: PetitionDecision,
    *,
    actor: Any,
    reason: str,
    confirmed: bool = False,
    custody_status: str | None = None,
    **values: Any,
) -> PetitionDecision:
    """Replace a mistaken decision with a corrected one. The reason is required and kept; the old
    decision stays in the history, marked superseded."""
    unknown = set(values) - set(DECISION_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))
    petition = decision.petition
    check_can_decide(actor, petition.case.team_id)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": "Say why the decision is corrected; the reason is kept in the history."}
        )
    with transaction.atomic():
        old = (
            PetitionDecision.objects.select_for_update().select_related("petition__case").get(pk=decision.pk)
        )
        if old.superseded:
            raise ValidationError(
                {"reason": "This decision has already been corrected; correct the current one."}
            )
        petition = (
            Petition.objects.select_for_update().select_related("case", "case__person").get(pk=petition.pk)
        )
        fields = {name: getattr(old, name) for name in DECISION_FIELDS}
        fields.update(values)
        new = PetitionDecision(
            petition=petition,
            recorded_by=_user(actor),
            recorded_by_name=str(actor),
            corrects=old,
            correction_reason=reason,
            **fields,
        )
        new.full_clean(exclude=["petition", "corrects"])
        _validate(new, petition.case, confirmed=confirmed, filed_on=petition.filed_on)
        before = _snapshot(old)
        old.superseded = True
        old.save(update_fields=["superseded"])
        new.save()
        to_status = status_for_outcome(new.outcome)
        from_status = petition.status
        petition.status = to_status
        petition.decided_on = new.decided_on
        petition.save(update_fields=["status", "decided_on", "updated_at"])
        from clemency.petitions.services import _history

        _history(petition, from_status, to_status, actor=actor, note=f"Decision corrected: {reason}")
        after = _snapshot(new)
        after["reason"] = reason
        record_event(
            "petition.decision_corrected",
            actor=actor,
            obj=petition,
            case_id=petition.case_id,
            team_id=petition.case.team_id,
            before=before,
            after=after,
        )
        if new.outcome != old.outcome or custody_status:
            apply_to_case(petition.case, new, actor=actor, custody_status=custody_status)
    return new


def apply_to_case(case: Any, decision: Any, *, actor: Any, custody_status: str | None = None) -> list[str]:
    """Carry a decision into the case: custody, case status, execution dates. Returns what changed,
    in words, for the page's message. Each change goes through its own app's service and audit."""
    from clemency.cases.models import CASE_TRANSITIONS, CaseStatus
    from clemency.cases.services import move_case
    from clemency.deadlines.models import Deadline, DeadlineKind
    from clemency.deadlines.services import mark_deadline_done, update_deadline
    from clemency.people.models import CustodyStatus
    from clemency.people.services import update_person

    changed: list[str] = []
    custody = custody_status or CUSTODY_AFTER.get(decision.outcome)
    person = case.person
    if (
        custody is None
        and decision.outcome in ENDS_EXECUTION
        and person.custody_status == CustodyStatus.DEATH_ROW
    ):
        custody = CustodyStatus.IN_CUSTODY  # off death row, still serving
    if custody and custody != person.custody_status:
        update_person(person, actor=actor, custody_status=custody)
        changed.append(f"custody status is now {CustodyStatus(custody).label.lower()}")
    if CaseStatus.DECIDED in CASE_TRANSITIONS.get(case.status, frozenset()):
        move_case(case, actor=actor, to_status=CaseStatus.DECIDED, reason=decision.get_outcome_display())
        changed.append("the case is now Decided")
    executions = Deadline.objects.filter(case=case, kind=DeadlineKind.EXECUTION, done=False)
    for deadline in executions:
        if decision.outcome in ENDS_EXECUTION:
            mark_deadline_done(deadline, actor=actor)
            changed.append(f"the execution date {deadline.date:%Y-%m-%d} is closed")
        elif decision.outcome == DecisionOutcome.REPRIEVE and decision.reprieve_days:
            new_date = deadline.date + datetime.timedelta(days=decision.reprieve_days)
            note = f"Reprieve of {decision.reprieve_days} days granted on {decision.decided_on:%Y-%m-%d}."
            update_deadline(deadline, actor=actor, date=new_date, notes=f"{deadline.notes}\n{note}".strip())
            changed.append(f"the execution date moved to {new_date:%Y-%m-%d}")
    # A commutation's new term or release date is a fact the rulebook reads (cases.facts): the case's
    # computed deadlines follow it in the same transaction, like any other change of facts.
    from clemency.deadlines.computed import sync_computed_deadlines

    sync_computed_deadlines(case, actor=actor)
    return changed


# --- categorical actions ----------------------------------------------------------------------------

ACTION_FIELDS = ("title", "source", *DECISION_FIELDS)


def record_categorical_action(
    *, team: Any, actor: Any, confirmed: bool = False, **values: Any
) -> CategoricalAction:
    """One act deciding a class of cases (a proclamation, a whole death row commuted)."""
    fields = {name: value for name, value in values.items() if name != "warrant"}
    unknown = set(fields) - set(ACTION_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))
    check_can_decide(actor, team.pk)
    with transaction.atomic():
        action = CategoricalAction(team=team, recorded_by=_user(actor), recorded_by_name=str(actor), **fields)
        action.full_clean()
        errors: dict[str, str] = {}
        if action.outcome in CONFIRMED_OUTCOMES and not confirmed:
            errors["confirmed"] = "Confirm the action: it is recorded on every case you link."
        if action.decided_on > timezone.localdate():
            errors["decided_on"] = "The date is in the future; give the date of the action."
        if action.decided_by is not None and action.decided_by.team_id not in (None, team.pk):
            errors["decided_by"] = "That office is not in this team's directory."
        if errors:
            raise ValidationError(errors)
        action.save()
        record_event(
            "categorical_action.recorded",
            actor=actor,
            obj=action,
            team_id=team.pk,
            after=snapshot(action, [*ACTION_FIELDS[:-1]]),
        )
    return action


def link_cases(action: CategoricalAction, cases: list[Any], *, actor: Any) -> int:
    """Link every affected case in one step; a case already linked is left alone. Returns how many
    were newly linked. Each case's audit log records the link."""
    check_can_decide(actor, action.team_id)
    strangers = [case for case in cases if case.team_id != action.team_id]
    if strangers:
        raise ValidationError({"cases": "Only cases of the action's team can be linked."})
    with transaction.atomic():
        already = set(action.cases.values_list("pk", flat=True))
        new = [case for case in cases if case.pk not in already]
        action.cases.add(*new)
        for case in new:
            record_event(
                "categorical_action.case_linked",
                actor=actor,
                obj=action,
                case_id=case.pk,
                team_id=action.team_id,
                after={"action": action.pk, "title": action.title},
            )
    return len(new)
