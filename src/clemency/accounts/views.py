from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from clemency.accounts import services, team_admin
from clemency.accounts.access import admin_team_ids, is_team_admin, restrict, teams_of
from clemency.accounts.forms import (
    AcceptInvitationForm,
    ActiveForm,
    AttorneyForm,
    CaseTransferForm,
    InviteForm,
    RoleForm,
    TeamCreateForm,
    TeamSettingsForm,
)
from clemency.accounts.http import AuthenticatedHttpRequest
from clemency.accounts.models import INVITATION_DAYS, Invitation, Membership, Role, Team, TeamAttorney


def needs_fresh_mfa(request: AuthenticatedHttpRequest) -> bool:
    from clemency.web.security import has_totp, passed_mfa_recently

    return has_totp(request.user) and not passed_mfa_recently(request)


@login_required
def api_token(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's API token: create or rotate it (shown once), or revoke it."""
    new_key = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_api_token(request.user, actor=request.user)
        elif needs_fresh_mfa(request):
            # A token outlives the session: whoever holds an authenticator proves it again first.
            messages.info(request, "Enter a code from your authenticator app to create a token.")
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.path})}")
        else:
            new_key = services.rotate_api_token(request.user, actor=request.user)
    existing = Token.objects.filter(user=request.user).first()
    return render(request, "accounts/api_token.html", {"token": existing, "new_key": new_key})


# Team administration ----------------------------------------------------------------------------


def _admin_team(request: AuthenticatedHttpRequest, pk: int) -> Team:
    """The team, if the user is on it (404 otherwise) and is its admin (403 otherwise)."""
    team = teams_of(request.user).filter(pk=pk).first()
    if team is None:
        raise Http404("No such team")
    if not is_team_admin(request.user, team.pk):
        raise PermissionDenied("Only the team's admins manage its members and settings.")
    return team


def _admin_membership(request: AuthenticatedHttpRequest, pk: int) -> Membership:
    found = Membership.objects.select_related("user", "team").filter(
        pk=pk, team__in=teams_of(request.user)).first()
    if found is None:
        raise Http404("No such member")
    _admin_team(request, found.team_id)
    return found


def _service_error(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def team_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The teams the user administers; for an organisation admin, every team and the forms to
    create a team and move a case between teams."""
    admin_ids = admin_team_ids(request.user)
    context: dict[str, Any] = {
        "teams": Team.objects.filter(pk__in=admin_ids).annotate(member_count=Count("memberships")),
        "is_organisation_admin": request.user.is_organisation_admin,
    }
    if request.user.is_organisation_admin:
        context.update(
            all_teams=Team.objects.annotate(member_count=Count("memberships", distinct=True),
                                            case_count=Count("cases", distinct=True)),
            create_form=TeamCreateForm(),
            transfer_form=CaseTransferForm(cases=_transferable_cases(request)),
        )
    return render(request, "accounts/team_list.html", context)


def _transferable_cases(request: AuthenticatedHttpRequest) -> Any:
    from clemency.cases.models import Case

    cases = Case.objects.select_related("person", "team")
    return restrict(cases, request.user).order_by("team__name", "title")


@login_required
@require_POST
def team_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.is_organisation_admin:
        raise PermissionDenied("Only an organisation admin creates teams.")
    form = TeamCreateForm(request.POST)
    if form.is_valid():
        try:
            team = team_admin.create_team(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _service_error(error))
        else:
            messages.success(request, f"Team {team} created; you are its admin.")
            return redirect("accounts:team", pk=team.pk)
    else:
        messages.error(request, "The team needs a name of at most 200 characters.")
    return redirect("accounts:teams")


@login_required
@require_POST
def case_transfer(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.is_organisation_admin:
        raise PermissionDenied("Only an organisation admin moves cases between teams.")
    form = CaseTransferForm(request.POST, cases=_transferable_cases(request))
    if form.is_valid():
        try:
            case = team_admin.transfer_case(form.cleaned_data["case"], actor=request.user,
                                            to_team=form.cleaned_data["to_team"])
        except ValidationError as error:
            messages.error(request, _service_error(error))
        else:
            messages.success(request, f"{case} moved to {case.team}, with its person, files and history.")
    else:
        messages.error(request, "Choose both a case and the team to move it to.")
    return redirect("accounts:teams")


def _team_page(request: AuthenticatedHttpRequest, team: Team, *, invite_form: InviteForm | None = None,
               status: int = 200) -> HttpResponse:
    members = (Membership.objects.filter(team=team).select_related("user")
               .order_by("-user__is_active", "user__full_name", "user__username"))
    from allauth.mfa.models import Authenticator

    with_app = set(Authenticator.objects.filter(user__memberships__team=team, type=Authenticator.Type.TOTP)
                   .values_list("user_id", flat=True))
    now = timezone.now()
    invitations = [(inv, inv.state(now)) for inv in team.invitations.select_related("invited_by")[:50]]
    return render(request, "accounts/team_detail.html", {
        "team": team,
        "members": [(m, m.user_id in with_app) for m in members],
        "invitations": invitations,
        "invite_form": invite_form or InviteForm(),
        "role_choices": Role.choices,
        "invitation_days": INVITATION_DAYS,
    }, status=status)


@login_required
def team_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _team_page(request, _admin_team(request, pk))


@login_required
@require_POST
def team_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    team = _admin_team(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = team_admin.invite_member(
                team, actor=request.user, **form.cleaned_data,
                link_for=lambda token: request.build_absolute_uri(
                    reverse("accounts:invitation-accept", kwargs={"token": token})),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}; the link works once and "
                                      f"expires in {INVITATION_DAYS} days.")
            return redirect("accounts:team", pk=team.pk)
    return _team_page(request, team, invite_form=form, status=400)


@login_required
@require_POST
def invitation_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    invitation = Invitation.objects.filter(pk=pk, team__in=teams_of(request.user)).first()
    if invitation is None:
        raise Http404("No such invitation")
    _admin_team(request, invitation.team_id)
    try:
        team_admin.withdraw_invitation(invitation, actor=request.user)
    except ValidationError as error:
        messages.error(request, _service_error(error))
    else:
        messages.success(request, f"The invitation of {invitation.email} is withdrawn; "
                                  "its link no longer works.")
    return redirect("accounts:team", pk=invitation.team_id)


@login_required
@require_POST
def member_role(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    membership = _admin_membership(request, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the roles for the member.")
        return redirect("accounts:team", pk=membership.team_id)
    try:
        changed = team_admin.change_role(membership, actor=request.user, role=form.cleaned_data["role"])
    except ValidationError as error:
        messages.error(request, _service_error(error))
    else:
        messages.success(request, f"{changed.user} is now {changed.get_role_display().lower()}.")
    return redirect("accounts:team", pk=membership.team_id)


@login_required
@require_POST
def member_active(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    membership = _admin_membership(request, pk)
    form = ActiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say whether to deactivate or reactivate the account.")
        return redirect("accounts:team", pk=membership.team_id)
    active = form.cleaned_data["active"]
    try:
        user = team_admin.set_member_active(membership, actor=request.user, active=active)
    except ValidationError as error:
        messages.error(request, _service_error(error))
    else:
        messages.success(request, f"{user} can sign in again." if active
                         else f"{user} is deactivated: they can no longer sign in or use the API.")
    return redirect("accounts:team", pk=membership.team_id)


@login_required
@require_POST
def member_authenticator_reset(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    membership = _admin_membership(request, pk)
    try:
        team_admin.reset_authenticator(membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, _service_error(error))
    else:
        messages.success(request, f"{membership.user}'s authenticator app and recovery codes are removed; "
                                  "they set up a new one when they next sign in.")
    return redirect("accounts:team", pk=membership.team_id)


@login_required
def team_settings(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    team = _admin_team(request, pk)
    form = TeamSettingsForm(instance=team)
    attorney_form = AttorneyForm()
    status = 200
    if request.method == "POST":
        form = TeamSettingsForm(request.POST, request.FILES, instance=Team.objects.get(pk=team.pk))
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                team_admin.update_team_settings(team, actor=request.user, values=values,
                                                logo=form.cleaned_data.get("logo"),
                                                remove_logo=form.cleaned_data.get("remove_logo", False))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Team settings saved; new drafts print them.")
                return redirect("accounts:team-settings", pk=team.pk)
        status = 400
    return _settings_page(request, team, form, attorney_form, status)


def _settings_page(request: AuthenticatedHttpRequest, team: Team, form: TeamSettingsForm,
                   attorney_form: AttorneyForm, status: int) -> HttpResponse:
    return render(request, "accounts/team_settings.html", {
        "team": team, "form": form, "attorney_form": attorney_form, "attorneys": team.attorneys.all(),
    }, status=status)


@login_required
@require_POST
def attorney_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    team = _admin_team(request, pk)
    form = AttorneyForm(request.POST)
    if form.is_valid():
        try:
            attorney = team_admin.add_attorney(team, actor=request.user, values=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{attorney} added to the signatures.")
            return redirect("accounts:team-settings", pk=team.pk)
    return _settings_page(request, team, TeamSettingsForm(instance=team), form, 400)


@login_required
@require_POST
def attorney_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    attorney = TeamAttorney.objects.filter(pk=pk, team__in=teams_of(request.user)).first()
    if attorney is None:
        raise Http404("No such attorney")
    _admin_team(request, attorney.team_id)
    team_id = attorney.team_id
    team_admin.remove_attorney(attorney, actor=request.user)
    messages.success(request, f"{attorney} removed from the signatures.")
    return redirect("accounts:team-settings", pk=team_id)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation's link opens: choose a username and password, or join as yourself."""
    invitation = team_admin.find_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    form = AcceptInvitationForm(initial={"username": invitation.email.partition("@")[0]})
    status = 200
    if request.method == "POST":
        form = AcceptInvitationForm(request.POST)
        if signed_in or form.is_valid():
            fields = () if signed_in else ("username", "full_name", "password")
            values = {k: form.cleaned_data[k] for k in fields}
            try:
                user = team_admin.accept_invitation(token, actor=request.user, **values)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if signed_in:
                    messages.success(request, f"You joined {invitation.team}.")
                    return redirect("dashboard")
                messages.success(request, f"Your account {user.username} is ready: sign in to join "
                                          f"{invitation.team}.")
                return redirect("login")
        status = 400
    return render(request, "accounts/invitation_accept.html",
                  {"invitation": invitation, "form": form, "signed_in": signed_in}, status=status)


def apply_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def django_admin_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    """/admin/ is the operators' database console; a team admin is sent to the team pages instead
    of Django's "not authorised"."""
    from django.contrib import admin

    if request.user.is_active and request.user.is_staff:
        return admin.site.admin_view(admin.site.index)(request)
    if admin_team_ids(request.user) or request.user.is_organisation_admin:
        messages.info(request, "The site administration is for the platform's operators; your team is "
                               "managed here.")
        return redirect("accounts:teams")
    raise PermissionDenied("The site administration is for the platform's operators.")
