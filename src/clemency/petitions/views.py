"""Thin views: fetch through accounts.access, validate with a form, change through a service."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from clemency.accounts.access import can_write_team, get_visible, restrict, role_on_team, writable_teams
from clemency.accounts.listing import filter_errors, matching_rows, paginate
from clemency.cases.models import Case
from clemency.petitions import services
from clemency.petitions.decisions import (
    DECIDING_ROLES,
    check_can_decide,
    correct_decision,
    link_cases,
    record_categorical_action,
    record_decision,
)
from clemency.petitions.filtersets import PetitionFilterSet
from clemency.petitions.forms import (
    CategoricalActionForm,
    CorrectionForm,
    DecisionForm,
    MoveForm,
    PetitionForm,
    add_service_errors,
)
from clemency.petitions.models import (
    CONFIRMED_OUTCOMES,
    CategoricalAction,
    DecisionOutcome,
    Petition,
    PetitionDecision,
    PetitionStatus,
)
from clemency.petitions.tables import PetitionTable

TEAM_PATH = "case__team"


def _petitions() -> Any:
    return Petition.objects.select_related("case", "case__person", "case__team")


def _get(request: HttpRequest, pk: int, *, write: bool = False) -> Petition:
    user: Any = request.user
    return cast(Petition, get_visible(_petitions(), user, TEAM_PATH, write=write, pk=pk))


@login_required
def petition_list(request: HttpRequest) -> HttpResponse:
    base = restrict(_petitions(), cast(Any, request.user), TEAM_PATH)
    filterset = PetitionFilterSet(request.GET or None, queryset=base)
    rows = matching_rows(filterset)
    table = PetitionTable(rows)
    paginate(request, table)
    return render(request, "petitions/list.html", {"filter": filterset, "table": table})


@login_required
def petition_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    user: Any = request.user
    case = cast(
        Case, get_visible(Case.objects.select_related("person"), user, "team", write=True, pk=case_pk)
    )
    from clemency.screenings.eligibility import petition_initial

    initial = petition_initial(request.GET.get("pathway", ""))  # "Start a petition" on the eligibility panel
    form = PetitionForm(request.POST or None, case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            petition = services.create_petition(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Petition “{petition}” created as a draft.")
            return redirect("petitions:detail", pk=petition.pk)
    return render(request, "petitions/form.html", {"form": form, "case": case, "petition": None},
                  status=400 if form.errors else 200)


@login_required
def petition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get(request, pk, write=True)
    instance = Petition.objects.get(pk=petition.pk)
    form = PetitionForm(request.POST or None, instance=instance, case=petition.case)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_petition(petition, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Petition saved.")
            return redirect("petitions:detail", pk=petition.pk)
    return render(request, "petitions/form.html", {"form": form, "case": petition.case, "petition": petition},
                  status=400 if form.errors else 200)


def _detail(
    request: HttpRequest, petition: Petition, move_form: MoveForm | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "petition": petition,
        "case": petition.case,
        "history": petition.history.all(),
        "decisions": petition.decisions.select_related("decided_by", "warrant", "corrects"),
        "can_decide": role_on_team(cast(Any, request.user), petition.case.team_id) in DECIDING_ROLES,
        "can_write": can_write_team(cast(Any, request.user), petition.case.team_id),
        "move_form": move_form or MoveForm(petition=petition),
    }
    return render(request, "petitions/detail.html", context, status=status)


@login_required
def petition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _get(request, pk))


@login_required
@require_POST
def petition_move(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get(request, pk, write=True)
    form = MoveForm(request.POST, petition=petition)
    if form.is_valid():
        try:
            moved = services.move_petition(
                petition,
                form.cleaned_data["status"],
                actor=request.user,
                note=form.cleaned_data["note"],
                on=form.cleaned_data["on"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Petition moved to {PetitionStatus(moved.status).label}.")
            return redirect("petitions:detail", pk=petition.pk)
    # Show the refusal next to the field, on the petition as it now is.
    return _detail(request, _get(request, pk), form, status=400)


# --- the decision record ----------------------------------------------------------------------------


def _decision_page(
    request: HttpRequest, petition: Petition, form: DecisionForm, *, decision: PetitionDecision | None = None
) -> HttpResponse:
    """The decision form, or, for a grant or a denial not yet confirmed, the same values shown back
    with a button that confirms them."""
    confirm = (
        request.method == "POST"
        and form.is_valid()
        and form.cleaned_data["outcome"] in CONFIRMED_OUTCOMES
        and not form.cleaned_data.get("confirmed")
    )
    return render(
        request,
        "petitions/decision_form.html",
        {
            "petition": petition,
            "case": petition.case,
            "form": form,
            "decision": decision,
            "confirm": confirm,
            "outcome_label": DecisionOutcome(form.cleaned_data["outcome"]).label if confirm else "",
        },
        status=400 if form.errors else 200,
    )


def _decider(request: HttpRequest, pk: int) -> Petition:
    petition = _get(request, pk, write=True)
    check_can_decide(request.user, petition.case.team_id)
    return petition


@login_required
def petition_decide(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _decider(request, pk)
    user: Any = request.user
    form = DecisionForm(
        request.POST or None,
        case=petition.case,
        user=user,
        initial={"decided_by": petition.deciding_office_id, "decided_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        outcome = form.cleaned_data["outcome"]
        if outcome not in CONFIRMED_OUTCOMES or form.cleaned_data.get("confirmed"):
            try:
                decision = record_decision(
                    petition,
                    actor=user,
                    confirmed=bool(form.cleaned_data.get("confirmed")),
                    custody_status=form.cleaned_data.get("custody_status") or None,
                    **form.service_values(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Decision recorded: {decision.get_outcome_display()}.")
                return redirect("petitions:detail", pk=petition.pk)
    return _decision_page(request, petition, form)


@login_required
def decision_correct(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    decision = cast(
        PetitionDecision,
        get_visible(
            PetitionDecision.objects.select_related("petition", "petition__case"),
            user,
            "petition__case__team",
            write=True,
            pk=pk,
        ),
    )
    petition = _decider(request, decision.petition_id)
    if decision.superseded:
        messages.error(request, "That decision has already been corrected; correct the current one.")
        return redirect("petitions:detail", pk=petition.pk)
    initial = {name: getattr(decision, name) for name in DecisionForm.Meta.fields}
    form = CorrectionForm(request.POST or None, case=petition.case, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        outcome = form.cleaned_data["outcome"]
        if outcome not in CONFIRMED_OUTCOMES or form.cleaned_data.get("confirmed"):
            try:
                correct_decision(
                    decision,
                    actor=user,
                    reason=form.cleaned_data["reason"],
                    confirmed=bool(form.cleaned_data.get("confirmed")),
                    custody_status=form.cleaned_data.get("custody_status") or None,
                    **form.service_values(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Decision corrected; the reason is kept in the history.")
                return redirect("petitions:detail", pk=petition.pk)
    return _decision_page(request, petition, form, decision=decision)


# --- categorical actions ----------------------------------------------------------------------------


@login_required
def action_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    actions = restrict(CategoricalAction.objects.all(), user).prefetch_related("cases")
    can_record = any(role_on_team(user, team.pk) in DECIDING_ROLES for team in writable_teams(user))
    return render(request, "petitions/action_list.html", {"actions": actions, "can_record": can_record})


@login_required
def action_create(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    teams = [team for team in writable_teams(user) if role_on_team(user, team.pk) in DECIDING_ROLES]
    if not teams:
        raise PermissionDenied("Only an attorney or an admin of a team records a categorical action.")
    form = CategoricalActionForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        confirmed = bool(data.pop("confirmed"))
        try:
            action = record_categorical_action(team=teams[0], actor=user, confirmed=confirmed, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"“{action}” recorded. Now link the cases it decides.")
            return redirect("petitions:action-detail", pk=action.pk)
    return render(request, "petitions/action_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    action = cast(CategoricalAction, get_visible(CategoricalAction.objects.all(), user, pk=pk))
    from clemency.cases.filtersets import CaseFilterSet

    return render(
        request,
        "petitions/action_detail.html",
        {
            "action": action,
            "cases": action.cases.select_related("person"),
            "filter": CaseFilterSet(None, queryset=Case.objects.none(), request=request),
            "runs": _team_runs(action.team_id),
            "can_link": role_on_team(user, action.team_id) in DECIDING_ROLES,
        },
    )


def _team_runs(team_id: int) -> Any:
    from clemency.screenings.models import ScreeningRun

    return ScreeningRun.objects.filter(team_id=team_id).order_by("-id")[:50]


@login_required
@require_POST
def action_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Link in one step every case of the action's team matching the case list's filter, or the cases
    of a screening run's candidates that became cases."""
    from clemency.cases.filtersets import CaseFilterSet
    from clemency.cases.selectors import visible_cases

    user: Any = request.user
    action = cast(CategoricalAction, get_visible(CategoricalAction.objects.all(), user, write=True, pk=pk))
    check_can_decide(user, action.team_id)
    team_cases = visible_cases(user).filter(team_id=action.team_id)
    run_id = request.POST.get("screening_run", "").strip()
    if run_id:
        from clemency.screenings.models import CandidateCase, ScreeningRun

        run = (
            ScreeningRun.objects.filter(team_id=action.team_id, pk=int(run_id)).first()
            if run_id.isdigit()
            else None
        )
        if run is None:
            messages.error(request, "No case linked: there is no such screening run on the action's team.")
            return redirect("petitions:action-detail", pk=action.pk)
        cases = list(team_cases.filter(pk__in=CandidateCase.objects.filter(run=run).values("case_id")))
    else:
        filterset = CaseFilterSet(request.POST, queryset=team_cases, request=request)
        if not filterset.is_valid():
            messages.error(
                request, f"No case linked; the filter was not understood: {filter_errors(filterset)}"
            )
            return redirect("petitions:action-detail", pk=action.pk)
        if not any(value not in (None, "", []) for value in filterset.form.cleaned_data.values()):
            # An empty filter would link every case of the team: a choice, never a default.
            messages.error(request, "No case linked: choose at least one filter, or a screening run.")
            return redirect("petitions:action-detail", pk=action.pk)
        cases = list(filterset.qs)
    linked = link_cases(action, cases, actor=user)
    messages.success(request, f"{linked} case{'s' if linked != 1 else ''} linked.")
    return redirect("petitions:action-detail", pk=action.pk)
