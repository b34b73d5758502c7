"""Running a team without a developer: invitations, roles, deactivation, authenticator resets,
teams and moving a case between teams. Each action is one function with a keyword-only `actor`,
atomic, checking the actor's right to act and writing its audit event."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from clemency.accounts.access import is_team_admin
from clemency.accounts.models import (
    INVITATION_DAYS,
    Invitation,
    Membership,
    Role,
    Team,
    User,
    invitation_digest,
)
from clemency.audit.services import record_event


def _require_team_admin(actor: Any, team_id: int) -> None:
    if not is_team_admin(actor, team_id):
        raise PermissionDenied("Only an admin of this team can do this.")


def _require_organisation_admin(actor: Any) -> None:
    if not (getattr(actor, "is_active", False) and getattr(actor, "is_organisation_admin", False)):
        raise PermissionDenied("Only an organisation admin can do this.")


def _normalise_email(email: str) -> str:
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


# Invitations -------------------------------------------------------------------------------------


def invite_member(team: Team, *, actor: Any, email: str, role: str,
                  link_for: Callable[[str], str]) -> Invitation:
    """E-mail a one-time link that expires in INVITATION_DAYS; an earlier pending one is withdrawn."""
    _require_team_admin(actor, team.pk)
    if role not in Role.values:
        raise ValidationError({"role": f"{role!r} is not a role."})
    email = _normalise_email(email)
    if Membership.objects.filter(team=team, user__email__iexact=email).exists():
        raise ValidationError({"email": f"Someone with the address {email} is already a member of {team}."})
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        withdrawn = Invitation.objects.filter(
            team=team, email__iexact=email, accepted_at=None, revoked_at=None
        ).update(revoked_at=now)
        invitation = Invitation.objects.create(
            team=team, email=email, role=role, token_digest=invitation_digest(token), invited_by=actor,
            expires_at=now + dt.timedelta(days=INVITATION_DAYS),
        )
        record_event("team.invite", actor=actor, obj=invitation, team_id=team.pk,
                     after={"email": email, "role": role, "replaced_pending": withdrawn,
                            "expires_at": invitation.expires_at.isoformat()})
        link = link_for(token)
        # Sent inside the transaction: if the mail cannot be handed over, no invitation is left behind
        # that nobody received.
        send_mail(
            subject=f"You are invited to join {team} on Clemency",
            message=(
                f"{actor} has invited you to join {team} as {Role(role).label.lower()}.\n\n"
                f"Open this link to choose your username and password:\n{link}\n\n"
                "The link works once and expires on "
                f"{timezone.localtime(invitation.expires_at):%Y-%m-%d at %H:%M}. "
                "If you did not expect it, ignore this message."
            ),
            from_email=None,
            recipient_list=[email],
        )
    return invitation


def withdraw_invitation(invitation: Invitation, *, actor: Any) -> Invitation:
    _require_team_admin(actor, invitation.team_id)
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.state(timezone.now()) != "pending":
            raise ValidationError(f"This invitation is already {locked.state(timezone.now())}.")
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        record_event("team.invitation_withdrawn", actor=actor, obj=locked, team_id=locked.team_id,
                     before={"email": locked.email})
    return locked


def find_invitation(token: str) -> Invitation | None:
    """The pending invitation for a link's token, or None (unknown, used, withdrawn or expired)."""
    found = Invitation.objects.select_related("team").filter(token_digest=invitation_digest(token)).first()
    if found is None or found.state(timezone.now()) != "pending":
        return None
    return found


def accept_invitation(token: str, *, actor: Any, username: str = "", full_name: str = "",
                      password: str = "") -> User:
    """Join the team: as the signed-in `actor`, or as a new account made from the form's fields."""
    with transaction.atomic():
        invitation = find_invitation(token)
        if invitation is None:
            raise ValidationError("This invitation link has expired, was withdrawn or was already used. "
                                  "Ask your team admin for a new one.")
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise ValidationError("This invitation link was already used.")
        if getattr(actor, "is_authenticated", False):
            user = actor
        else:
            user = _new_account(username=username, full_name=full_name, password=password,
                                email=invitation.email)
        if Membership.objects.filter(user=user, team=invitation.team).exists():
            raise ValidationError(f"You are already a member of {invitation.team}.")
        membership = Membership.objects.create(user=user, team=invitation.team, role=invitation.role)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        record_event("team.invitation_accepted", actor=user, obj=membership, team_id=invitation.team_id,
                     after={"email": invitation.email, "role": invitation.role, "username": user.username})
    return user


def _new_account(*, username: str, full_name: str, password: str, email: str) -> User:
    username = username.strip()
    errors: dict[str, list[str]] = {}
    if not username:
        errors["username"] = ["Choose a username."]
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = [f"The username {username} is taken; choose another."]
    candidate = User(username=username, full_name=full_name.strip(), email=email)
    try:
        validate_password(password, candidate)
    except ValidationError as error:
        errors["password"] = list(error.messages)
    if errors:
        raise ValidationError(errors)
    candidate.set_password(password)
    try:
        with transaction.atomic():
            candidate.save()
    except IntegrityError as error:  # the same username chosen at the same moment
        raise ValidationError({"username": f"The username {username} is taken; choose another."}) from error
    return candidate


# Members ----------------------------------------------------------------------------------------


def _other_admins(membership: Membership) -> bool:
    return Membership.objects.filter(team_id=membership.team_id, role=Role.ADMIN, user__is_active=True) \
        .exclude(pk=membership.pk).exists()


def change_role(membership: Membership, *, actor: Any, role: str) -> Membership:
    _require_team_admin(actor, membership.team_id)
    if role not in Role.values:
        raise ValidationError({"role": f"{role!r} is not a role."})
    with transaction.atomic():
        locked = Membership.objects.select_for_update().select_related("user", "team").get(pk=membership.pk)
        if locked.role == role:
            return locked
        if locked.role == Role.ADMIN and not _other_admins(locked):
            raise ValidationError(
                {"role": f"{locked.user} is the team's only admin: make someone else admin first."})
        before = locked.role
        locked.role = role
        locked.save(update_fields=["role"])
        record_event("team.role_changed", actor=actor, obj=locked, team_id=locked.team_id,
                     before={"role": before}, after={"role": role})
    return locked


def _require_account_authority(membership: Membership, actor: Any) -> None:
    """An account spans teams: a team admin changes it only when they admin every team it is on."""
    _require_team_admin(actor, membership.team_id)
    if getattr(actor, "is_organisation_admin", False):
        return
    other_teams = Membership.objects.filter(user_id=membership.user_id).exclude(team_id=membership.team_id)
    if any(not is_team_admin(actor, m.team_id) for m in other_teams):
        raise ValidationError(f"{membership.user} is also a member of another team; ask an organisation "
                              "admin or that team's admin.")


def set_member_active(membership: Membership, *, actor: Any, active: bool) -> User:
    """Deactivate (the person can no longer sign in or use the API) or reactivate a member's account."""
    _require_account_authority(membership, actor)
    if not active and membership.user_id == actor.pk:
        raise ValidationError("You cannot deactivate your own account.")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=membership.user_id)
        if user.is_active == active:
            return user
        if not active and membership.role == Role.ADMIN and not _other_admins(membership):
            raise ValidationError(f"{user} is the team's only admin: make someone else admin first.")
        user.is_active = active
        user.save(update_fields=["is_active"])
        record_event("team.member_reactivated" if active else "team.member_deactivated", actor=actor,
                     obj=user, team_id=membership.team_id,
                     before={"is_active": not active}, after={"is_active": active})
    return user


def reset_authenticator(membership: Membership, *, actor: Any) -> int:
    """Remove the member's authenticator app and recovery codes; they set up a new one at next sign-in."""
    from allauth.mfa.models import Authenticator

    _require_account_authority(membership, actor)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=membership.user_id)
        removed = Authenticator.objects.filter(user=user).delete()[0]
        user.must_enrol_authenticator = True
        user.save(update_fields=["must_enrol_authenticator"])
        record_event("team.authenticator_reset", actor=actor, obj=user, team_id=membership.team_id,
                     after={"authenticators_removed": removed})
    return int(removed)


def authenticator_enrolled(user: Any) -> None:
    """The member has set up a new authenticator: the reset is done (called on allauth's signal)."""
    if getattr(user, "must_enrol_authenticator", False):
        User.objects.filter(pk=user.pk).update(must_enrol_authenticator=False)
        user.must_enrol_authenticator = False


# Teams and cases ---------------------------------------------------------------------------------


def create_team(*, actor: Any, name: str, organisation: str = "") -> Team:
    """A new team, with the organisation admin who made it as its first admin."""
    _require_organisation_admin(actor)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the team a name."})
    if Team.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": f"A team named {name} already exists."})
    with transaction.atomic():
        team = Team.objects.create(name=name, organisation=organisation.strip())
        Membership.objects.create(user=actor, team=team, role=Role.ADMIN)
        record_event("team.create", actor=actor, obj=team, team_id=team.pk,
                     after={"name": team.name, "organisation": team.organisation})
    return team


def transfer_case(case: Any, *, actor: Any, to_team: Team) -> Any:
    """Move a case, its person, files and history to another team (the organisation admin's act).

    Everything of a case hangs from the case (convictions, notes, petitions, deadlines, documents,
    drafts, transcripts), so it moves with it; the audit events keep their case id and so stay on the
    case's history. The person moves too, so a person with other cases on the team is refused.
    """
    from clemency.cases.models import Case
    from clemency.people.models import Person

    _require_organisation_admin(actor)
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("person", "team").get(pk=case.pk)
        from_team = case.team
        if from_team.pk == to_team.pk:
            raise ValidationError({"to_team": f"The case is already on {to_team}."})
        person = case.person
        others = person.cases.exclude(pk=case.pk).count()
        if others:
            raise ValidationError({"to_team": f"{person} has {others} other case{'s' if others != 1 else ''} "
                                   f"on {from_team}; a person's cases move together, so move those first "
                                   "or ask for them to be merged."})
        duplicates = Person.objects.filter(team=to_team).exclude(pk=person.pk)
        bop = person.bop_register_number
        if bop and duplicates.filter(bop_register_number=bop).exists():
            raise ValidationError({"to_team": f"{to_team} already has a person with BOP register number "
                                   f"{person.bop_register_number}."})
        if person.state_doc_number and duplicates.filter(
            state_doc_jurisdiction=person.state_doc_jurisdiction, state_doc_number=person.state_doc_number
        ).exists():
            raise ValidationError(
                {"to_team": f"{to_team} already has a person with that state prison number."})
        Person.objects.filter(pk=person.pk).update(team=to_team)
        Case.objects.filter(pk=case.pk).update(team=to_team)
        # Read access granted to students of the old team means nothing on the new one.
        case.privilege_grants.all().delete()
        for team_id in (from_team.pk, to_team.pk):
            record_event("case.transfer", actor=actor, obj=case, case_id=case.pk, team_id=team_id,
                         before={"team": from_team.name}, after={"team": to_team.name})
        case.refresh_from_db()
    return case


# Team settings: the letterhead and signatures every draft prints -------------------------------

LETTERHEAD_FIELDS = ["organisation", "letterhead_address", "letterhead_phone", "letterhead_email",
                     "signature_block"]


def update_team_settings(team: Team, *, actor: Any, values: dict[str, Any], logo: Any = None,
                         remove_logo: bool = False) -> Team:
    from clemency.audit.services import snapshot

    _require_team_admin(actor, team.pk)
    with transaction.atomic():
        locked = Team.objects.select_for_update().get(pk=team.pk)
        before = snapshot(locked, [*LETTERHEAD_FIELDS, "letterhead_logo"])
        for name in LETTERHEAD_FIELDS:
            if name in values:
                setattr(locked, name, values[name])
        if remove_logo and locked.letterhead_logo:
            locked.letterhead_logo.delete(save=False)
            locked.letterhead_logo = ""  # type: ignore[assignment]
        if logo is not None:
            locked.letterhead_logo.save(f"team-{locked.pk}-{logo.name}", logo, save=False)
        locked.full_clean()
        locked.save()
        after = snapshot(locked, [*LETTERHEAD_FIELDS, "letterhead_logo"])
        if after != before:
            record_event("team.settings_update", actor=actor, obj=locked, team_id=locked.pk,
                         before=before, after=after)
    return locked


def add_attorney(team: Team, *, actor: Any, values: dict[str, Any]) -> Any:
    from clemency.accounts.models import TeamAttorney
    from clemency.audit.services import snapshot

    _require_team_admin(actor, team.pk)
    with transaction.atomic():
        attorney = TeamAttorney(team=team, **values)
        attorney.full_clean()
        attorney.save()
        record_event("team.attorney_add", actor=actor, obj=attorney, team_id=team.pk,
                     after=snapshot(attorney))
    return attorney


def remove_attorney(attorney: Any, *, actor: Any) -> None:
    from clemency.audit.services import snapshot

    _require_team_admin(actor, attorney.team_id)
    with transaction.atomic():
        before = snapshot(attorney)
        record_event("team.attorney_remove", actor=actor, obj=attorney, team_id=attorney.team_id,
                     before=before)
        attorney.delete()
